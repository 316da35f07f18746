"use client";

import { lineSpan } from "./job-text";

/** Selects line `line` of the text in the box (as the server counts lines); nothing past the end. */
export function selectLine(box: HTMLTextAreaElement | null, line: number) {
  const span = box ? lineSpan(box.value, line) : null;
  if (!box || !span) return;
  box.blur();
  box.setSelectionRange(span.start, span.end);
  box.focus();
}

/**
 * An error from adding or revising a reading; when it names a line of the text
 * ("Line 12 of the text: …"), a button selects that line in the editor.
 */
export function LineError({ error, line, onGoToLine }: { error: string; line: number | null; onGoToLine: (line: number) => void }) {
  return (
    <div role="alert" className="rounded bg-red-light px-3 py-2 text-sm text-red-dark">
      <p>{error}</p>
      {line !== null && (
        <button type="button" className="mt-1 underline" onClick={() => onGoToLine(line)}>
          Go to line {line}
        </button>
      )}
    </div>
  );
}

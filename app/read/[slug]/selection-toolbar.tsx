"use client";

import type { ReactNode } from "react";

/** Where the toolbar stands: just above the selection, in page coordinates. */
export type ToolbarPosition = { top: number; left: number };

/**
 * The small toolbar that appears over a selection in the reading: Highlight and
 * Annotate, also reachable by the keys H and A while text is selected. While an
 * orphaned note is being re-attached it offers only "Attach here" (also Enter).
 */
export function SelectionToolbar({
  position,
  onHighlight,
  onAnnotate,
  onLink,
  onAsk,
  onAttach,
  busy,
}: {
  position: ToolbarPosition;
  onHighlight: () => void;
  onAnnotate: () => void;
  /** Starts a link from this passage to one in another reading. */
  onLink?: () => void;
  /** Instructors: starts a guided question on this passage. */
  onAsk?: () => void;
  /** Re-attaching an orphaned note: puts it on this passage. */
  onAttach?: () => void;
  busy: boolean;
}) {
  if (onAttach) {
    return (
      <Bar position={position}>
        <Tool onClick={onAttach} busy={busy} shortcut="Enter" strong>
          Attach here
        </Tool>
      </Bar>
    );
  }
  return (
    <Bar position={position}>
      <Tool onClick={onHighlight} busy={busy} shortcut="H">
        Highlight
      </Tool>
      <Tool onClick={onAnnotate} busy={busy} shortcut="A">
        Annotate
      </Tool>
      {onLink && <Tool onClick={onLink}>Link…</Tool>}
      {onAsk && <Tool onClick={onAsk}>Ask a question</Tool>}
    </Bar>
  );
}

/**
 * One button of the toolbar; `shortcut` is the key that does the same while text is
 * selected (a letter is announced in lower case, as it is pressed), `busy` disables it
 * while a save is under way.
 */
function Tool({ onClick, busy, shortcut, strong, children }: { onClick: () => void; busy?: boolean; shortcut?: string; strong?: boolean; children: ReactNode }) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={busy}
      aria-keyshortcuts={shortcut && (shortcut.length === 1 ? shortcut.toLowerCase() : shortcut)}
      className={`px-3 py-1.5 ${strong ? "font-semibold " : ""}hover:bg-grey-8 focus-visible:outline-2 focus-visible:outline-blue-focus disabled:opacity-60`}
    >
      {children}
      {shortcut && (
        <>
          {" "}
          <kbd className="ml-1 text-xs text-grey-4">{shortcut}</kbd>
        </>
      )}
    </button>
  );
}

/** The toolbar itself, just above the selection. */
function Bar({ position, children }: { position: ToolbarPosition; children: ReactNode }) {
  return (
    <div
      role="toolbar"
      aria-label="Selection"
      data-noanchor
      className="absolute z-30 flex -translate-x-1/2 -translate-y-full gap-px overflow-hidden rounded-md border border-grey-4 bg-grey-9 font-sans text-sm text-white shadow-lg"
      style={{ top: position.top - 8, left: position.left }}
      // Keep the selection: a mousedown on the toolbar would otherwise clear it.
      onMouseDown={(event) => event.preventDefault()}
    >
      {children}
    </div>
  );
}

"use client";

import { plural } from "./plural";
import type { Outline, Preview } from "./preview";

/** The outline as words: "3 headings", "41 paragraphs", … (kinds with none left out, except paragraphs). */
export function outlineItems(o: Outline): string[] {
  return [
    plural(o.headings, "heading", "headings"),
    plural(o.paragraphs, "paragraph", "paragraphs"),
    plural(o.quotations, "block quotation", "block quotations"),
    plural(o.listItems, "list item", "list items"),
    plural(o.notes, "note", "notes"),
    plural(o.noteCalls, "note call", "note calls"),
    ...(o.captions ? [plural(o.captions, "caption", "captions")] : []),
    ...(o.bibliography ? [plural(o.bibliography, "bibliography entry", "bibliography entries")] : []),
    plural(o.words, "word", "words"),
  ];
}

/**
 * What the reader will show: the parsed structure counted, the headings, and the body
 * rendered with the reader's own markup. A parse error shows instead, with its line.
 */
export function ReadingPreview({ preview, stale, onGoToLine }: { preview: Preview | null; stale: boolean; onGoToLine: (line: number) => void }) {
  return (
    <section aria-labelledby="preview-heading" className="min-w-0">
      <h2 id="preview-heading" className="text-sm font-medium text-grey-8">
        Preview {stale ? <span className="font-normal text-grey-6">(updating…)</span> : null}
      </h2>
      <div aria-live="polite" className="mt-1">
        {!preview ? (
          <p className="text-sm text-grey-7">Choose a file, paste the text or type it to see how the reading will look.</p>
        ) : !preview.ok ? (
          <div className="rounded border border-red bg-red-light px-3 py-2 text-sm text-red-dark">
            <p>{preview.message}</p>
            {preview.line !== null && (
              <button type="button" className="mt-1 underline" onClick={() => onGoToLine(preview.line!)}>
                Go to line {preview.line}
              </button>
            )}
          </div>
        ) : (
          <ul aria-label="Outline" className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-grey-8">
            {outlineItems(preview.outline).map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        )}
      </div>
      {preview?.ok && preview.headings.length > 0 && (
        <details className="mt-2 text-sm text-grey-8">
          <summary className="cursor-pointer text-grey-7">Headings</summary>
          <ol className="mt-1 space-y-0.5">
            {preview.headings.map((h) => (
              <li key={h.id} style={{ paddingLeft: `${(h.level - 1) * 1}rem` }}>
                {h.text}
              </li>
            ))}
          </ol>
        </details>
      )}
      {preview?.ok && (
        <div
          role="region"
          aria-label="The reading as it will look"
          tabIndex={0}
          className="mt-3 max-h-[70vh] overflow-y-auto rounded border border-grey-3 bg-white px-5 py-2 focus-visible:outline-2 focus-visible:outline-blue-focus"
        >
          {preview.outline.words === 0 ? (
            <p className="my-4 text-sm text-grey-7">No text yet.</p>
          ) : (
            <div className="font-reading text-[1.125rem] leading-[1.7] text-grey-9" dangerouslySetInnerHTML={{ __html: preview.html }} />
          )}
        </div>
      )}
    </section>
  );
}

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
        <button
          type="button"
          onClick={onAttach}
          disabled={busy}
          aria-keyshortcuts="Enter"
          className="px-3 py-1.5 font-semibold hover:bg-grey-8 focus-visible:outline-2 focus-visible:outline-blue-focus disabled:opacity-60"
        >
          Attach here <kbd className="ml-1 text-xs text-grey-4">Enter</kbd>
        </button>
      </Bar>
    );
  }
  return (
    <Bar position={position}>
      <button
        type="button"
        onClick={onHighlight}
        disabled={busy}
        aria-keyshortcuts="h"
        className="px-3 py-1.5 hover:bg-grey-8 focus-visible:outline-2 focus-visible:outline-blue-focus disabled:opacity-60"
      >
        Highlight <kbd className="ml-1 text-xs text-grey-4">H</kbd>
      </button>
      <button
        type="button"
        onClick={onAnnotate}
        disabled={busy}
        aria-keyshortcuts="a"
        className="px-3 py-1.5 hover:bg-grey-8 focus-visible:outline-2 focus-visible:outline-blue-focus disabled:opacity-60"
      >
        Annotate <kbd className="ml-1 text-xs text-grey-4">A</kbd>
      </button>
      {onLink && (
        <button type="button" onClick={onLink} className="px-3 py-1.5 hover:bg-grey-8 focus-visible:outline-2 focus-visible:outline-blue-focus">
          Link…
        </button>
      )}
      {onAsk && (
        <button type="button" onClick={onAsk} className="px-3 py-1.5 hover:bg-grey-8 focus-visible:outline-2 focus-visible:outline-blue-focus">
          Ask a question
        </button>
      )}
    </Bar>
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

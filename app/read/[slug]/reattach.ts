"use client";

/**
 * Orphan repair from anywhere in the reader: a card or a tab asks for a new passage
 * for an orphaned item, and the annotator (which owns the selection) takes the next
 * passage the reader selects. A window event, so the lazily loaded tabs need no shared
 * React state with the annotator. Client only.
 */

const EVENT = "parallax:reattach";

/** What can be re-attached, as the address /api/anchors/<kind>/<id> names it. */
export type ReattachTarget = { kind: "note" | "link-end" | "question-passage"; id: string };

/** Asks the reader to re-attach `target` to the passage selected next. */
export function requestReattach(target: ReattachTarget): void {
  window.dispatchEvent(new CustomEvent<ReattachTarget>(EVENT, { detail: target }));
}

/** Listens for re-attach requests; returns the function that stops listening. */
export function onReattachRequest(listener: (target: ReattachTarget) => void): () => void {
  const handle = (event: Event) => listener((event as CustomEvent<ReattachTarget>).detail);
  window.addEventListener(EVENT, handle);
  return () => window.removeEventListener(EVENT, handle);
}

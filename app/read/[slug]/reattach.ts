"use client";

/**
 * Orphan repair from anywhere in the reader: a card or a tab asks for a new passage
 * for an orphaned item, and the annotator (which owns the selection) takes the next
 * passage the reader selects, through the reader's window events (live/reader-events.ts).
 */

import { onSignal, sendSignal } from "./live/reader-events";

const EVENT = "parallax:reattach";

/** What can be re-attached, as the address /api/anchors/<kind>/<id> names it. */
export type ReattachTarget = { kind: "note" | "link-end" | "question-passage"; id: string };

/** Asks the reader to re-attach `target` to the passage selected next. */
export function requestReattach(target: ReattachTarget): void {
  sendSignal(EVENT, target);
}

/** Listens for re-attach requests; returns the function that stops listening. */
export function onReattachRequest(listener: (target: ReattachTarget) => void): () => void {
  return onSignal(EVENT, listener);
}

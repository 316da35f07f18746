/**
 * Window events the reader's live stream fires when links or questions touching the
 * reading shown change, so the pieces that show them (margin markers, the Connections
 * and Questions tabs) refetch their list. Client only; no imports.
 */

/** A link touching the reading changed, or the stream may have missed some (`detail`: ReaderChange). */
export const LINKS_CHANGED = "parallax:links-changed";
/** A question (or an answer to one) touching the reading changed, or the stream may have missed some. */
export const QUESTIONS_CHANGED = "parallax:questions-changed";

/** Which reading, in which seminar, the change is about. */
export type ReaderChange = { slug: string; seminarId: string };

/** Tells the reader's pieces that a list changed. */
export function signalChange(name: typeof LINKS_CHANGED | typeof QUESTIONS_CHANGED, change: ReaderChange): void {
  window.dispatchEvent(new CustomEvent<ReaderChange>(name, { detail: change }));
}

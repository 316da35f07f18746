/**
 * Window events between the reader's pieces: the live stream fires one when links or
 * questions touching the reading shown change, so the pieces that show them (margin
 * markers, the Connections and Questions tabs) refetch their list; the tabs' counts and
 * orphan repair use the same channel. Client only; no imports.
 */

/** A link touching the reading changed, or the stream may have missed some (`detail`: ReaderChange). */
export const LINKS_CHANGED = "parallax:links-changed";
/** A question (or an answer to one) touching the reading changed, or the stream may have missed some. */
export const QUESTIONS_CHANGED = "parallax:questions-changed";

/** Which reading, in which seminar, the change is about. */
export type ReaderChange = { slug: string; seminarId: string };

/** Tells the reader's pieces that a list changed. */
export function signalChange(name: typeof LINKS_CHANGED | typeof QUESTIONS_CHANGED, change: ReaderChange): void {
  sendSignal(name, change);
}

/**
 * The reader's pieces talk through window events: they are loaded lazily, in chunks of
 * their own, and share no React state. `sendSignal` fires one with its detail.
 */
export function sendSignal<T>(name: string, detail: T): void {
  window.dispatchEvent(new CustomEvent<T>(name, { detail }));
}

/** Listens to one of those events; returns the function that stops listening. */
export function onSignal<T>(name: string, listener: (detail: T) => void): () => void {
  const handle = (event: Event) => listener((event as CustomEvent<T>).detail);
  window.addEventListener(name, handle);
  return () => window.removeEventListener(name, handle);
}

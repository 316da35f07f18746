import { AppError } from "@/lib/errors";
import type { Selector, TextPositionSelector, TextQuoteSelector } from "@/lib/anchoring/types";

/** Prefix and suffix length of a TextQuoteSelector, as the anchoring engine makes them. */
export const CONTEXT_CHARS = 32;

/**
 * Checks a new note's selectors against the canonical text of the version they were
 * made on: the position lies inside the text, the quote is exactly the text there,
 * and a given prefix/suffix is the text just around it. Returns them in a fixed order
 * (quote, position). Any mismatch → 400: a note is never stored somewhere it doesn't point.
 */
export function validateSelectors(text: string, selectors: Selector[]): [TextQuoteSelector, TextPositionSelector] {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === "TextQuoteSelector");
  const position = selectors.find((s): s is TextPositionSelector => s.type === "TextPositionSelector");
  if (!quote || !position) throw bad("Give one TextQuoteSelector and one TextPositionSelector.");
  const { start, end } = position;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > text.length) {
    throw bad(`The position ${start}–${end} is outside the text (0–${text.length}).`);
  }
  if (text.slice(start, end) !== quote.exact) throw bad("The quote does not match the text at that position.");
  if (quote.prefix !== undefined && !text.slice(0, start).endsWith(quote.prefix)) {
    throw bad("The quote's prefix does not match the text before it.");
  }
  if (quote.suffix !== undefined && !text.slice(end).startsWith(quote.suffix)) {
    throw bad("The quote's suffix does not match the text after it.");
  }
  const clean: TextQuoteSelector = { type: "TextQuoteSelector", exact: quote.exact };
  if (quote.prefix !== undefined) clean.prefix = quote.prefix;
  if (quote.suffix !== undefined) clean.suffix = quote.suffix;
  return [clean, { type: "TextPositionSelector", start, end }];
}

/**
 * Both selectors for the span start–end of a text, with 32 characters of context:
 * what the seed (and any server-side writer) stores. Same shape as `describe` of
 * lib/anchoring, kept here so this domain does not depend on the engine's internals.
 */
export function selectorsFor(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  if (start < 0 || end <= start || end > text.length) throw new RangeError(`No passage at ${start}–${end}.`);
  return [
    {
      type: "TextQuoteSelector",
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, end + CONTEXT_CHARS),
    },
    { type: "TextPositionSelector", start, end },
  ];
}

/** The quote of a stored selector list ("" when it has none). */
export function quoteOf(selectors: Selector[]): string {
  return selectors.find((s): s is TextQuoteSelector => s.type === "TextQuoteSelector")?.exact ?? "";
}

/** The span of a stored selector list's position selector, or null when it has none. */
export function positionOf(selectors: Selector[]): { start: number; end: number } | null {
  const position = selectors.find((s): s is TextPositionSelector => s.type === "TextPositionSelector");
  return position ? { start: position.start, end: position.end } : null;
}

/** The start offset of a stored selector list (for sorting by position), or +∞. */
export function startOf(selectors: Selector[]): number {
  return positionOf(selectors)?.start ?? Number.POSITIVE_INFINITY;
}

function bad(message: string) {
  return new AppError("bad_request", message);
}

/**
 * Where a note's passage is in the given version of its reading: its stored position
 * when the note is anchored on that version, null when it is orphaned. A note still on
 * an older version (not yet re-anchored) is placed by its quote through `locate`.
 */
export function spanInVersion(
  note: { versionId: string; anchorStatus: string; selectors: Selector[] },
  versionId: string,
  locate: (selectors: Selector[]) => { start: number; end: number } | null,
): { start: number; end: number } | null {
  if (note.anchorStatus === "orphaned") return null;
  if (note.versionId !== versionId) return locate(note.selectors);
  return positionOf(note.selectors);
}

/**
 * Selectors as stored (JSON text in a row) back to a list. Unreadable JSON gives an
 * empty list, which anchors nothing: the item shows as orphaned and its row is kept.
 */
export function parseStoredSelectors(json: string | null): Selector[] {
  if (json === null) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as Selector[]) : [];
  } catch {
    return [];
  }
}

/**
 * Selectors for a passage of a text: what an annotation stores so that it can be
 * found again after the text changes.
 */
import { InvalidSpanError, type Selector } from "./types";

/** Characters of context stored on each side of a passage (W3C's usual 32). */
export const CONTEXT_LENGTH = 32;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Throws InvalidSpanError unless [start, end) is a non-empty span inside `text`. */
export function assertSpan(text: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new InvalidSpanError(`Span offsets must be integers, got [${start}, ${end})`);
  }
  if (start < 0 || end > text.length) {
    throw new InvalidSpanError(`Span [${start}, ${end}) lies outside a text of length ${text.length}`);
  }
  if (end <= start) {
    throw new InvalidSpanError(`Span [${start}, ${end}) is empty or reversed`);
  }
}

/**
 * Describes the passage text[start, end) by a TextQuoteSelector (the passage with
 * up to 32 characters of prefix and suffix, fewer at the ends of the text, and one
 * fewer where the 32nd would split a surrogate pair) followed by a
 * TextPositionSelector. Offsets are UTF-16 code units.
 *
 * @throws InvalidSpanError for an empty, reversed, non-integer or out-of-range span.
 */
export function describe(text: string, start: number, end: number): Selector[] {
  assertSpan(text, start, end);
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  // Half a surrogate pair would not survive a round trip through every JSON tool.
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd--;
  return [
    {
      type: "TextQuoteSelector",
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    { type: "TextPositionSelector", start, end },
  ];
}

/**
 * Long quotes, matched in segments. Aligning a whole quote costs time in proportion
 * to its length squared (Myers' search works 32 characters of pattern at a time
 * against every character of the window), which for a quote of a few thousand
 * characters is tens of milliseconds. Following the quote segment by segment, each
 * one searched just after where the last one ended, costs time in proportion to
 * its length and finds the same place for any quote that is still mostly there.
 */
import approxSearch from "approx-string-match";

/** Quotes (folded) longer than this are matched in segments of this length. */
export const SEGMENT_LENGTH = 256;

/** Where a chain of segments went: its span and the edits it needed. */
export type Chain = { start: number; end: number; errors: number };

/**
 * Follows `quote` through `text` from around `from` (the first segment may start
 * up to `slack` characters either side of it), each further segment near where the
 * previous one ended. A segment that cannot be found costs its length in edits and
 * is skipped over. Null when not even the first segment is there.
 */
export function followSegments(text: string, quote: string, from: number, slack: number): Chain | null {
  let start = -1;
  let at = from;
  let errors = 0;
  let drift = slack; // how far the next segment may be from where it is expected
  for (let offset = 0; offset < quote.length; offset += SEGMENT_LENGTH) {
    const segment = quote.slice(offset, offset + SEGMENT_LENGTH);
    const lo = Math.max(0, at - drift);
    const hi = Math.min(text.length, at + segment.length + drift);
    const found = lo < hi ? approxSearch(text.slice(lo, hi), segment, segment.length >> 1) : [];
    if (found.length === 0) {
      if (start < 0) return null;
      errors += segment.length;
      at += segment.length;
      continue;
    }
    // Of equally good matches, the one nearest where the segment was expected.
    const best = found.reduce((a, b) => (Math.abs(lo + b.start - at) < Math.abs(lo + a.start - at) ? b : a));
    if (start < 0) start = lo + best.start;
    else errors += Math.abs(lo + best.start - at); // text skipped or re-read between segments
    errors += best.errors;
    at = lo + best.end;
    drift = 8 + Math.min(64, best.errors);
  }
  return { start, end: at, errors };
}

/**
 * Edits between `quote` and text[start, end) by following its segments from
 * `start`; whatever of the span the chain does not reach (or overshoots) counts too.
 * An upper bound on the edit distance, and equal to it for lightly edited text.
 */
export function segmentedDistance(quote: string, text: string, start: number, end: number): number {
  const chain = followSegments(text.slice(0, end), quote, start, 0);
  if (!chain) return quote.length;
  return chain.errors + (chain.start - start) + Math.abs(end - chain.end);
}

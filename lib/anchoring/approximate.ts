/**
 * The approximate stage of anchoring: matchQuote run on folded windows of the text
 * that verbatim look-ups point at, near the stored position first, then anywhere,
 * and on the whole folded text only when no verbatim piece is left at all.
 */
import { deletionExplains, seamErrors } from "./deletion";
import { matchQuote, type QuoteMatch } from "./match-quote";
import { foldedIndexOf, foldString, foldText, originalSpan, type FoldedText } from "./normalize";
import type { TextQuoteSelector } from "./types";
import { findWindows, type Window } from "./windows";

/** A match with its span in the original text. */
export type Located = { match: QuoteMatch; start: number; end: number };

// Most edits move a passage by less than this; looking here first saves scanning
// the whole reading for every piece of the quote.
const NEAR = 1024;
// Folded length from which a confident match is not taken for a seam it overlaps.
const MIN_SELF_EVIDENT = 8;
// Edits (quote and context together) below which a confident match ends the search.
const NEARLY_VERBATIM = 4;

// Re-anchoring runs every annotation of a reading against the same new text, so the
// last whole-text fold is kept; comparing a string to itself is a pointer check.
let lastText: string | undefined;
let lastFolded: FoldedText | undefined;

function foldCached(text: string): FoldedText {
  if (text !== lastText || !lastFolded) {
    lastFolded = foldText(text);
    lastText = text;
  }
  return lastFolded;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (ch: string | undefined) => ch !== undefined && WORD_CHAR.test(ch);

/** Fewer edits win; between equals, the one nearer the stored position. */
function isBetter(a: Located, b: Located | null, hint?: number): boolean {
  if (!b) return true;
  const d = a.match.cost - b.match.cost;
  if (d !== 0 || hint === undefined) return d < 0;
  return Math.abs(a.start - hint) < Math.abs(b.start - hint);
}

/** Sure enough not to look further: both sides of the context agree, or one and the quote nearly verbatim. */
function isConfident(m: QuoteMatch, quoteLength: number): boolean {
  return m.sides === 2 || (m.sides === 1 && m.quoteErrors <= quoteLength >> 3);
}

type Sought = { quote: string; prefix?: string; suffix?: string };

/**
 * matchQuote on the folded stretch text[from, to). Ties between equally cheap
 * boundaries go to a word boundary when the passage itself began (ended) at one:
 * a replaced first word is then kept whole.
 */
function matchIn(
  text: string,
  w: { start: number; end: number; at?: number[] },
  folded: FoldedText,
  quote: TextQuoteSelector,
  sought: Sought,
  verbatimHits: number,
  hint: number | undefined,
): Located | null {
  const { exact, prefix, suffix } = quote;
  const from = w.start;
  const n = folded.text.length;
  const startedWord = isWordChar(exact[0]) && !isWordChar(prefix?.[prefix.length - 1]);
  const endedWord = isWordChar(exact[exact.length - 1]) && !isWordChar(suffix?.[0]);
  const startsWord = (x: number) => x >= n || !isWordChar(text[from + folded.starts[x] - 1]);
  const endsWord = (x: number) => x <= 0 || !isWordChar(text[from + folded.ends[x - 1]]);
  const inside = hint !== undefined && hint >= from && hint < w.end;
  const match = matchQuote(folded.text, { ...sought, hint: inside ? foldedIndexOf(folded, hint - from) : undefined }, {
    regions: w.at?.map((at) => foldedIndexOf(folded, at - from)),
    startsWord: startedWord ? startsWord : undefined,
    endsWord: endedWord ? endsWord : undefined,
    // Verbatim hits were counted on the whole text; a reflowed quote has none there.
    uniqueQuote: verbatimHits > 0 ? verbatimHits === 1 : undefined,
    touchesStart: from === 0,
    touchesEnd: w.end === text.length,
  });
  if (!match) return null;
  const span = originalSpan(folded, match.start, match.end);
  return { match, start: span.start + from, end: span.end + from };
}

/**
 * Where the passage of `quote` now is, approximately, or null when no place is
 * convincing, or when the passage's place shows it was deleted (see deletion.ts). `verbatimHits` are the quote's verbatim occurrences in `text` and
 * `promising` those of them worth a window (the caller ranked them by context).
 */
export function locateApproximately(
  text: string,
  quote: TextQuoteSelector,
  hint: number | undefined,
  verbatimHits: number[],
  promising: number[],
): Located | null {
  const { exact, prefix, suffix } = quote;
  const sought: Sought = {
    quote: foldString(exact),
    prefix: prefix === undefined ? undefined : foldString(prefix),
    suffix: suffix === undefined ? undefined : foldString(suffix),
  };
  if (!sought.quote) return null; // only whitespace, and not where it was
  const best = bestMatch(text, quote, sought, hint, verbatimHits, promising);
  if (!best) return null;
  // A perfect match at the stored position needs no check: the seam cannot be there too.
  if (best.match.score === 1 && best.start === hint) return best;
  const context = { rawPrefix: prefix, rawSuffix: suffix, prefix: sought.prefix, suffix: sought.suffix };
  // A few letters match anywhere, also straddling the very gap a deleted word left.
  const confident = isConfident(best.match, sought.quote.length) && sought.quote.length >= MIN_SELF_EVIDENT;
  return deletionExplains(text, context, hint, { ...best, cost: best.match.cost }, confident) ? null : best;
}

/** The best match over the windows worth searching: near the hint first, then anywhere. */
function bestMatch(
  text: string,
  quote: TextQuoteSelector,
  sought: Sought,
  hint: number | undefined,
  verbatimHits: number[],
  promising: number[],
): Located | null {
  const { exact, prefix, suffix } = quote;
  const looked = { exact, prefix, suffix, hint };
  const searched: number[] = []; // places already searched, in original offsets
  let best: Located | null = null;
  // Best supported windows first; once a match is confident and nearly verbatim,
  // nothing else could beat it by more than a few edits: stop there.
  const search = (windows: Window[]) => {
    for (const w of [...windows].sort((a, b) => b.votes - a.votes)) {
      if (w.at.every((at) => searched.some((s) => Math.abs(s - at) <= 4))) continue;
      searched.push(...w.at);
      const found = matchIn(text, w, foldText(text.slice(w.start, w.end)), quote, sought, verbatimHits.length, hint);
      if (found && isBetter(found, best, hint)) best = found;
      if (best && isConfident(best.match, sought.quote.length) && best.match.cost <= NEARLY_VERBATIM) return;
    }
  };

  if (hint !== undefined) {
    const range = { from: Math.max(0, hint - NEAR), to: Math.min(text.length, hint + exact.length + NEAR) };
    search(findWindows(text, looked, promising.filter((h) => h >= range.from && h < range.to), range));
    const near = best as Located | null;
    if (near && isConfident(near.match, sought.quote.length)) return near;
    // The passage's context closing up intact at its place means it was deleted, and
    // no match elsewhere could outweigh that (see deletion.ts): no need to look.
    if (sought.prefix !== undefined && sought.suffix !== undefined && prefix !== undefined && suffix !== undefined) {
      const context = { rawPrefix: prefix, rawSuffix: suffix, prefix: sought.prefix, suffix: sought.suffix };
      if (seamErrors(text, context, hint, undefined, 0) === 0) return null;
    }
  }
  const windows = findWindows(text, looked, promising);
  if (windows.some((w) => w.votes >= 1)) {
    search(windows);
    return best;
  }
  // Not one piece of the quote or its context is left verbatim: fold everything.
  const whole = { start: 0, end: text.length };
  const found = matchIn(text, whole, foldCached(text), quote, sought, verbatimHits.length, hint);
  return found && isBetter(found, best, hint) ? found : best;
}

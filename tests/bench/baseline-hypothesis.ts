/**
 * The baseline: Hypothesis client's anchoring as it works on plain text
 * (html.ts tries the position, then match-quote.ts's matchQuote with the position as
 * hint). Rewritten here from its described behaviour, for comparison only.
 */
import approxSearch from "approx-string-match";
import type { Anchor, Selector, TextPositionSelector, TextQuoteSelector } from "../../lib/anchoring";

type Match = { start: number; end: number; errors: number };

/** Exact occurrences first; only when there are none, approximate matches. */
function search(text: string, str: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(str); at !== -1; at = text.indexOf(str, at + 1)) {
    exact.push({ start: at, end: at + str.length, errors: 0 });
  }
  if (exact.length > 0) return exact;
  return approxSearch(text, str, maxErrors);
}

/** 1 - errors/length of the best match of `str` anywhere in `text` (0 if either is empty). */
function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  const matches = search(text, str, str.length);
  return 1 - matches[0].errors / str.length;
}

/** Hypothesis's matchQuote: rank candidates by 50·quote + 20·prefix + 20·suffix + 2·position. */
export function matchQuoteBaseline(
  text: string,
  quote: string,
  context: { prefix?: string; suffix?: string; hint?: number },
): { start: number; end: number; score: number } | null {
  if (quote.length === 0) return null;
  const maxErrors = Math.min(256, quote.length / 2);
  const matches = search(text, quote, maxErrors);
  if (matches.length === 0) return null;
  const score = (m: Match) => {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = context.prefix
      ? textMatchScore(text.slice(Math.max(0, m.start - context.prefix.length), m.start), context.prefix)
      : 1;
    const suffixScore = context.suffix
      ? textMatchScore(text.slice(m.end, m.end + context.suffix.length), context.suffix)
      : 1;
    const posScore = context.hint === undefined ? 1 : 1 - Math.abs(m.start - context.hint) / text.length;
    return (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
  };
  let best: { start: number; end: number; score: number } | null = null;
  for (const m of matches) {
    const s = score(m);
    if (!best || s > best.score) best = { start: m.start, end: m.end, score: s };
  }
  return best;
}

/** The baseline's anchor: same shape as ours so the benchmark can swap them. */
export function anchorBaseline(text: string, selectors: Selector[]): Anchor | null {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === "TextQuoteSelector");
  const position = selectors.find((s): s is TextPositionSelector => s.type === "TextPositionSelector");
  if (!quote) return null;
  if (position && text.slice(position.start, position.end) === quote.exact) {
    return { start: position.start, end: position.end, score: 1, method: "position" };
  }
  const m = matchQuoteBaseline(text, quote.exact, { prefix: quote.prefix, suffix: quote.suffix, hint: position?.start });
  if (!m) return null;
  return { ...m, method: text.slice(m.start, m.end) === quote.exact ? "quote" : "fuzzy" };
}

/**
 * Anchoring: finds a described passage in a (possibly changed) text. Selectors are
 * tried from the cheapest and most certain to the most forgiving, as Hypothesis
 * does: the stored position, then the verbatim quote in its verbatim context, then
 * approximate matching of the folded quote and context.
 */
import { locateApproximately } from "./approximate";
import { occurrences, pickByContext } from "./candidates";
import { deletionExplains } from "./deletion";
import { foldString } from "./normalize";
import type { Anchor, Selector, TextPositionSelector, TextQuoteSelector } from "./types";

const isSpaceChar = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

/**
 * Whether the stored context agrees verbatim on one side: true or false, or null
 * when the selector carries no context for that side. "" means the text's edge.
 */
function contextAgrees(text: string, at: number, context: string | undefined, side: "before" | "after"): boolean | null {
  if (context === undefined) return null;
  if (side === "before") return context === "" ? at === 0 : text.endsWith(context, at);
  return context === "" ? at === text.length : text.startsWith(context, at);
}

function validPosition(p: TextPositionSelector | undefined, length: number): p is TextPositionSelector {
  return !!p && Number.isInteger(p.start) && Number.isInteger(p.end) && p.start >= 0 && p.start < p.end && p.end <= length;
}

const MAX_VERBATIM_HITS = 4096;
const HITS_WINDOWED = 8;

/** The verbatim hit whose verbatim context agrees on every side it has, nearest the hint. */
function verbatimInContext(text: string, hits: number[], q: TextQuoteSelector, hint: number | undefined): number | null {
  if (q.prefix === undefined && q.suffix === undefined) return null;
  let best: number | null = null;
  for (const at of hits) {
    if (contextAgrees(text, at, q.prefix, "before") === false) continue;
    if (contextAgrees(text, at + q.exact.length, q.suffix, "after") === false) continue;
    if (best === null || (hint !== undefined && Math.abs(at - hint) < Math.abs(best - hint))) best = at;
  }
  return best;
}

/** deletionExplains for a verbatim match at `at` (cost 0, both sides agreeing). */
function deletedNear(text: string, q: TextQuoteSelector, hint: number | undefined, at: number): boolean {
  if (q.prefix === undefined || q.suffix === undefined) return false;
  const context = { rawPrefix: q.prefix, rawSuffix: q.suffix, prefix: foldString(q.prefix), suffix: foldString(q.suffix) };
  const confident = foldString(q.exact).length >= 8; // as in approximate.ts
  return deletionExplains(text, context, hint, { start: at, end: at + q.exact.length, cost: 0 }, confident);
}

/** Widens a folded match back over what folding dropped at the passage's edges. */
function widen(text: string, exact: string, start: number, end: number): { start: number; end: number } {
  if (isSpaceChar(exact[0])) while (start > 0 && isSpaceChar(text[start - 1])) start--;
  if (isSpaceChar(exact[exact.length - 1])) while (end < text.length && isSpaceChar(text[end])) end++;
  const code = (i: number) => text.charCodeAt(i);
  if (start > 0 && code(start) >= 0xdc00 && code(start) <= 0xdfff && code(start - 1) >= 0xd800 && code(start - 1) <= 0xdbff) start--;
  if (end < text.length && code(end) >= 0xdc00 && code(end) <= 0xdfff && code(end - 1) >= 0xd800 && code(end - 1) <= 0xdbff) end++;
  return { start, end };
}

/**
 * Finds the passage described by `selectors` in `text`: its span in UTF-16 code
 * units, a score in [0, 1] (1 = verbatim with verbatim context) and the method that
 * found it; or null when the passage is no longer in the text (an orphan).
 *
 * A position selector alone cannot be checked and is returned as is when it fits
 * the text (score 0.5); a quote is needed to follow a passage through edits. A
 * quote without prefix and suffix is found only where it was, or when it is long
 * (about seven words or more) and occurs verbatim exactly once.
 */
export function anchor(text: string, selectors: Selector[]): Anchor | null {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === "TextQuoteSelector");
  const found = selectors.find((s): s is TextPositionSelector => s.type === "TextPositionSelector");
  const position = validPosition(found, text.length) ? found : undefined;
  if (!quote) return position ? { start: position.start, end: position.end, score: 0.5, method: "position" } : null;
  const { exact, prefix, suffix } = quote;
  if (!exact) return null;

  // 1. The text is unchanged at the stored position (and around it, on some side).
  if (position && text.slice(position.start, position.end) === exact) {
    const before = contextAgrees(text, position.start, prefix, "before");
    const after = contextAgrees(text, position.end, suffix, "after");
    if (before !== false || after !== false) {
      return { start: position.start, end: position.end, score: 1, method: "position" };
    }
  }

  // 2. The passage moved but it and its context are verbatim.
  const hint = position?.start;
  const hits = occurrences(text, exact, MAX_VERBATIM_HITS) ?? [];
  const at = verbatimInContext(text, hits, quote, hint);
  if (at !== null) {
    // Elsewhere, a verbatim copy in verbatim context is still not the passage if the
    // passage's own place shows it was deleted (a duplicated footnote, say).
    if (at !== hint && deletedNear(text, quote, hint, at)) return null;
    return { start: at, end: at + exact.length, score: 1, method: "quote" };
  }

  // 3. Something changed: match approximately on folded text.
  const promising = pickByContext(text, hits, { quote: exact, prefix, suffix, hint }, HITS_WINDOWED);
  const best = locateApproximately(text, quote, hint, hits, promising);
  if (!best) return null;

  const { start, end } = widen(text, exact, best.start, best.end);
  const verbatim = text.slice(start, end) === exact;
  const atPosition = !!position && start === position.start && end === position.end;
  return { start, end, score: best.match.score, method: verbatim ? (atPosition ? "position" : "quote") : "fuzzy" };
}

/**
 * The matcher: finds where a quote now sits in a folded text, scoring each candidate
 * by quote, prefix, suffix and position together, and refusing to answer when no
 * candidate is convincing. Pure: folded strings in, folded offsets out.
 */
import approxSearch from "approx-string-match";
import { contextErrorsAt, contextNear, refineBoundary } from "./boundaries";
import { occurrences, pickByContext, seedRegions, type Sought } from "./candidates";
import { followSegments, SEGMENT_LENGTH, segmentedDistance } from "./segments";

/** A match in folded offsets, with the edits each part needed. */
export type QuoteMatch = {
  start: number;
  end: number;
  quoteErrors: number;
  prefixErrors: number;
  suffixErrors: number;
  /** 1 - all edits / all characters of quote and context: 1 means verbatim. */
  score: number;
  /** How many sides of the context vouch for the place (0, 1 or 2). */
  sides: number;
  /**
   * What candidates are ranked by: quote edits plus context edits, each side capped
   * at half its length. Unrelated text already disagrees about that much, so a side
   * replaced wholesale (an insertion right before the passage) costs no more than
   * one that agrees by chance, and one intact side outweighs two half-agreeing ones.
   */
  cost: number;
};

/** Optional knowledge from the original text that folding hides. */
export type MatchOptions = {
  /**
   * Whether folded offset x begins a word in the original text, to place a boundary
   * where an edit makes two places equally cheap (a replaced first word, say).
   */
  startsWord?: (x: number) => boolean;
  /** Whether folded offset x ends a word in the original text. */
  endsWord?: (x: number) => boolean;
  /**
   * Whether the quote occurs verbatim exactly once in the whole text, when `text`
   * is only a window of it (default: judged on `text`).
   */
  uniqueQuote?: boolean;
  /**
   * Where the quote may start (folded offsets), when the caller knows: then only
   * there (and at exact hits) is searched, instead of seeding from pieces.
   */
  regions?: number[];
  /** Whether `text` begins (ends) where the whole text does (default true). */
  touchesStart?: boolean;
  touchesEnd?: boolean;
};

type Candidate = { start: number; end: number; errors: number; exact: boolean };

const MAX_EXACT_HITS = 4096;
const EXACT_HITS_SCORED = 8;
const REFINE_RADIUS = 8; // plus twice the errors of the match, up to MAX_EXTRA_RADIUS
const MAX_EXTRA_RADIUS = 32;
const EDGE_LENGTH = 32; // how much of the quote decides where each boundary goes
// A quote with no context vouching for it is trusted only when it is verbatim,
// unique in the text and at least this long (folded): about seven words.
const MIN_LONE_QUOTE = 40;

/** Approximate matches of the quote in a window around a seeded start. */
function searchWindow(text: string, sought: Sought, seed: number, options: MatchOptions): Candidate[] {
  const { quote, prefix, suffix } = sought;
  const m = quote.length;
  const slack = 16 + Math.min(64, m >> 2);
  const from = Math.max(0, seed - slack);
  const to = Math.min(text.length, seed + m + slack);
  if (to <= from) return [];
  // No approximate match is accepted without context (see allowedQuoteErrors), so
  // first see how many sides of it are around; Myers' cost grows with the errors
  // allowed, and most seeded places (a common word's hits) have none.
  const near = (outside: string | undefined, at: number, side: "start" | "end", edge: boolean) =>
    outside === undefined
      ? false
      : outside === ""
        ? edge
        : contextNear(text, at, outside, side, slack, Math.floor(outside.length / 4));
  const sides =
    (near(prefix, seed, "start", from === 0 && options.touchesStart !== false) ? 1 : 0) +
    (near(suffix, seed + m, "end", to === text.length && options.touchesEnd !== false) ? 1 : 0);
  const maxErrors = allowedQuoteErrors(m, sides);
  if (maxErrors === 0) return [];
  if (m > SEGMENT_LENGTH) {
    const chain = followSegments(text, quote, seed, slack);
    return chain ? [{ ...chain, exact: false }] : [];
  }
  // Most moved passages are lightly edited: a tight error bound first is cheaper,
  // the loose one only when that finds nothing.
  const window = text.slice(from, to);
  const tight = Math.min(maxErrors, Math.max(2, m >> 3));
  let found = approxSearch(window, quote, tight);
  if (found.length === 0 && maxErrors > tight) found = approxSearch(window, quote, maxErrors);
  const out: Candidate[] = [];
  for (const f of found) {
    // Equally good matches often differ by a character; one of each cluster will do.
    if (out.some((c) => Math.abs(c.start - (from + f.start)) < 4)) continue;
    out.push({ start: from + f.start, end: from + f.end, errors: f.errors, exact: false });
    if (out.length === 3) break;
  }
  return out;
}

/**
 * Edits between `quote` and text[start, end), or more than `limit`. Myers' search
 * is bit-parallel, so far cheaper than a banded table; it finds the best stretch
 * inside the span, and whatever of the span lies outside that stretch is counted
 * as deleted, which gives the distance for the whole span. Long quotes go by
 * segments (see segments.ts).
 */
function quoteDistance(quote: string, text: string, start: number, end: number, limit: number): number {
  if (quote.length > SEGMENT_LENGTH) return Math.min(limit + 1, segmentedDistance(quote, text, start, end));
  const span = text.slice(start, end);
  let best = limit + 1;
  for (const f of approxSearch(span, quote, limit)) best = Math.min(best, f.errors + f.start + (span.length - f.end));
  return best;
}

// What an empty context ("the passage was at the text's edge") costs away from the edge.
const MISSED_EDGE_COST = 16;

/** A side's share of a candidate's cost (see QuoteMatch.cost). */
function sideCost(outside: string | undefined, errors: number, atEdge: boolean): number {
  if (outside === undefined) return 0;
  if (outside === "") return atEdge ? 0 : MISSED_EDGE_COST;
  return Math.min(errors, Math.ceil(outside.length / 2));
}

/** Does this side's context vouch for the boundary? "" vouches only at the text's edge. */
function contextSupports(outside: string | undefined, errors: number, atEdge: boolean): boolean {
  if (outside === undefined) return false;
  if (outside.length === 0) return atEdge;
  return errors <= Math.floor(outside.length / 4);
}

/**
 * Edits a quote of `m` folded characters may carry, given how many sides of its
 * context vouch for the place. Without context only a verbatim, long, unique quote
 * is trusted (see MIN_LONE_QUOTE): a short one (a word) occurs by chance all over a
 * text, and a copy of the passage elsewhere must not win over the edited original.
 */
export function allowedQuoteErrors(m: number, supportingSides: number): number {
  if (supportingSides >= 2) return m < 4 ? 0 : m < 8 ? 1 : Math.floor(m / 2);
  if (supportingSides === 1) return m < 8 ? 0 : Math.floor(m / 4);
  return 0;
}

/**
 * Best convincing match of `sought.quote` in `text` (both folded), or null when the
 * quote is gone. Candidates come from exact hits and from seeded windows searched
 * approximately; each is scored on quote, prefix and suffix edits jointly, and the
 * position hint only breaks ties.
 */
export function matchQuote(text: string, sought: Sought, options: MatchOptions = {}): QuoteMatch | null {
  const { quote, prefix, suffix, hint } = sought;
  const m = quote.length;
  if (m === 0) return null;

  const allHits = occurrences(text, quote, MAX_EXACT_HITS);
  const unique = options.uniqueQuote ?? allHits?.length === 1;
  const promising = allHits ? pickByContext(text, allHits, sought, EXACT_HITS_SCORED) : [];
  const candidates: Candidate[] = promising.map((at) => ({
    start: at,
    end: at + m,
    errors: 0,
    exact: true,
  }));
  const regions = options.regions ?? seedRegions(text, sought).map((r) => r.start);
  for (const region of regions) {
    if (candidates.some((c) => c.exact && Math.abs(c.start - region) <= 4)) continue;
    for (const c of searchWindow(text, sought, region, options)) {
      if (!candidates.some((d) => d.start === c.start && d.end === c.end)) candidates.push(c);
    }
  }

  const contextLength = (prefix?.length ?? 0) + (suffix?.length ?? 0);
  let best: QuoteMatch | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    let start = c.start;
    let end = c.end;
    let prefixErrors: number;
    let suffixErrors: number;
    // A match with more edits may have its ends further off: the search may drop a
    // replaced last word (k deletions) where the text has a longer one in its place.
    const radius = REFINE_RADIUS + Math.min(MAX_EXTRA_RADIUS, 2 * c.errors);
    if (c.exact) {
      prefixErrors = contextErrorsAt(text, start, prefix, "start");
      suffixErrors = contextErrorsAt(text, end, suffix, "end");
    } else {
      const head = quote.slice(0, EDGE_LENGTH);
      const tail = quote.slice(-EDGE_LENGTH);
      const s = refineBoundary(text, start, prefix, head, "start", radius, options.startsWord);
      const e = refineBoundary(text, end, suffix, tail, "end", radius, options.endsWord);
      if (e.at <= s.at) continue;
      start = s.at;
      end = e.at;
      prefixErrors = s.contextErrors;
      suffixErrors = e.contextErrors;
    }

    const atStart = start === 0 && options.touchesStart !== false;
    const atEnd = end === text.length && options.touchesEnd !== false;
    const sides =
      (contextSupports(prefix, prefixErrors, atStart) ? 1 : 0) + (contextSupports(suffix, suffixErrors, atEnd) ? 1 : 0);
    let allowed = allowedQuoteErrors(m, sides);
    if (sides === 0 && !(c.exact && unique && m >= MIN_LONE_QUOTE)) continue;
    if (c.errors > allowed) continue;
    let quoteErrors = 0;
    if (!c.exact) {
      // Moving the ends by up to `radius` each changes the edits by at most that much.
      allowed = Math.min(allowed, c.errors + 2 * radius + 4);
      quoteErrors = quoteDistance(quote, text, start, end, allowed);
      if (quoteErrors > allowed) continue;
    }

    const cost = quoteErrors + sideCost(prefix, prefixErrors, atStart) + sideCost(suffix, suffixErrors, atEnd);
    const distance = hint === undefined ? 0 : Math.abs(start - hint);
    if (!best || cost < best.cost || (cost === best.cost && distance < bestDistance)) {
      const score = Math.max(0, 1 - (quoteErrors + prefixErrors + suffixErrors) / (m + contextLength));
      best = { start, end, quoteErrors, prefixErrors, suffixErrors, score, sides, cost };
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Candidate search: cheap exact look-ups that say where in a folded text a quote
 * might sit, so the costly approximate matching only ever runs on a few short
 * windows instead of the whole text.
 */

/** What is being looked for, all folded. `hint` is a folded offset or undefined. */
export type Sought = { quote: string; prefix?: string; suffix?: string; hint?: number };

/** A region where the quote probably starts, with the number of seeds that agree. */
export type Seed = { start: number; votes: number };

const MAX_HITS_PER_PIECE = 16;
const MAX_PIECES = 24;
const MAX_REGIONS = 6;

/**
 * All start offsets of `needle` in `haystack` (only those in [from, to) when
 * given), or null when there are more than `cap`.
 */
export function occurrences(haystack: string, needle: string, cap: number, from = 0, to = Infinity): number[] | null {
  const hits: number[] = [];
  if (needle.length === 0) return hits;
  // indexOf would run on past `to` to the end of the text; search a slice instead.
  const end = Math.min(haystack.length, to + needle.length - 1);
  const hay = from > 0 || end < haystack.length ? haystack.slice(from, end) : haystack;
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) {
    if (hits.length === cap) return null;
    hits.push(from + at);
  }
  return hits;
}

/** A guess of where the quote starts, and how much it counts. */
export type Vote = { at: number; weight: number };

/**
 * Groups votes that agree within `tolerance` (seeds from one true place drift apart
 * by the length changes of edits between them) into places, most votes first; a
 * place is the median of its votes.
 */
export function clusterVotes(votes: Vote[], tolerance: number): { at: number; votes: number }[] {
  const sorted = [...votes].sort((a, b) => a.at - b.at);
  const places: { at: number; votes: number }[] = [];
  let group: Vote[] = [];
  const flush = () => {
    if (group.length === 0) return;
    places.push({ at: group[group.length >> 1].at, votes: group.reduce((sum, g) => sum + g.weight, 0) });
    group = [];
  };
  for (const v of sorted) {
    if (group.length > 0 && v.at - group[group.length - 1].at > tolerance) flush();
    group.push(v);
  }
  flush();
  return places.sort((a, b) => b.votes - a.votes);
}

/** Characters next to a hit of the quote that agree with the stored context. */
function agreement(text: string, at: number, sought: Sought): number {
  const { quote, prefix = "", suffix = "" } = sought;
  let k = 0;
  while (k < prefix.length && at - k - 1 >= 0 && text[at - k - 1] === prefix[prefix.length - k - 1]) k++;
  const end = at + quote.length;
  let j = 0;
  while (j < suffix.length && end + j < text.length && text[end + j] === suffix[j]) j++;
  return k + j;
}

/**
 * The `keep` hits of the quote whose surroundings agree with its context over the
 * most characters (a cheap first ranking before any edit distance), plus the hit
 * nearest the hint. A short quote ("the") can have hundreds of hits.
 */
export function pickByContext(text: string, hits: number[], sought: Sought, keep: number): number[] {
  if (hits.length <= keep) return hits;
  const { hint } = sought;
  const ranked = [...hits].sort((a, b) => agreement(text, b, sought) - agreement(text, a, sought)).slice(0, keep);
  if (hint !== undefined) {
    const nearest = hits.reduce((best, at) => (Math.abs(at - hint) < Math.abs(best - hint) ? at : best));
    if (!ranked.includes(nearest)) ranked.push(nearest);
  }
  return ranked;
}

/** Length of a quote piece: long enough to be rare, short enough to dodge an edit. */
function pieceLength(quoteLength: number): number {
  if (quoteLength >= 96) return 16;
  return Math.max(6, Math.floor(quoteLength / 4));
}

/**
 * Regions where the quote may start, ranked by how many independent seeds agree:
 * pieces of the quote found verbatim, the end of the prefix, the start of the suffix
 * and the position hint. A piece or context end that occurs too often is ignored:
 * it says nothing about where the passage is.
 */
export function seedRegions(text: string, sought: Sought): Seed[] {
  const { quote, prefix = "", suffix = "", hint } = sought;
  const m = quote.length;
  const votes: Vote[] = [];
  const vote = (needle: string, distanceToStart: number) => {
    const hits = occurrences(text, needle, MAX_HITS_PER_PIECE);
    if (hits) for (const at of hits) votes.push({ at: at + distanceToStart, weight: 1 });
  };
  if (m >= 12) {
    const len = pieceLength(m);
    const count = Math.floor(m / len);
    const step = Math.max(1, Math.ceil(count / MAX_PIECES));
    for (let k = 0; k < count; k += step) vote(quote.slice(k * len, (k + 1) * len), -k * len);
  }
  const contextLength = 12;
  if (prefix.length >= 6) vote(prefix.slice(-contextLength), Math.min(prefix.length, contextLength));
  if (suffix.length >= 6) vote(suffix.slice(0, contextLength), -m);
  if (hint !== undefined) votes.push({ at: hint, weight: 0.5 });

  const tolerance = 8 + Math.min(64, m >> 3);
  const kept = clusterVotes(votes, tolerance).slice(0, MAX_REGIONS);
  // The hinted region is always worth a look, however few seeds it has.
  if (hint !== undefined && !kept.some((r) => Math.abs(r.at - hint) <= tolerance)) kept.push({ at: hint, votes: 0.5 });
  return kept.map((r) => ({ start: r.at, votes: r.votes }));
}

/**
 * Suggested parallel passages across a set of texts: the entry point of lib/links.
 *
 * Pipeline: analyse every text (sentences, terms, names, dates, cited works) → passages of
 * one to three sentences → candidate pairs across texts from an inverted index → score
 * each pair (TF-IDF similarity, shared phrases, names, dates, cited works; see score.ts)
 * → keep those above SUGGESTION_THRESHOLD, best first, one per pair of places.
 * Pure: no I/O, deterministic for a given input.
 */
import { analyzeDocs } from "./analyze";
import { sharedPhrases, type SharedPhrase } from "./phrases";
import { explain, scorePair, SUGGESTION_THRESHOLD, type PhraseLookup } from "./score";
import { buildWindows, candidatePairs, Rarity, type Window } from "./similarity";

export { SUGGESTION_THRESHOLD } from "./score";

export type PassageRef = { doc: string; start: number; end: number };

export type ParallelSuggestion = { a: PassageRef; b: PassageRef; score: number; why: string[] };

/** How many suggestions may share one place in a text before others get their turn. */
const MAX_PER_PLACE = 3;

/**
 * Parallel passages across `docs` (each span ≲1,500 characters, offsets in UTF-16 code
 * units into that doc's text; `a` and `b` are always in different docs), best first,
 * at most `opts.limit` (default 100), only those scoring at least SUGGESTION_THRESHOLD.
 */
export function suggestParallels(
  docs: { id: string; text: string }[],
  opts?: { limit?: number },
): ParallelSuggestion[] {
  const limit = opts?.limit ?? 100;
  if (docs.length < 2 || limit <= 0) return [];
  const analyzed = analyzeDocs(docs);
  const rarity = new Rarity(analyzed);
  const windows = buildWindows(analyzed, rarity);
  const phrases = sharedPhrases(analyzed, (key) => rarity.rarity(`t:${key}`));
  const lookup = phraseLookup(windows, phrases);

  const pairs = new Map<string, [number, number]>();
  for (const [i, j] of candidatePairs(windows, rarity)) pairs.set(`${i}:${j}`, [i, j]);
  for (const [i, j] of phraseSeeds(windows, phrases)) pairs.set(`${i}:${j}`, [i, j]);

  const scored: { i: number; j: number; score: number; why: string[] }[] = [];
  for (const [i, j] of pairs.values()) {
    const { score, evidence } = scorePair(windows[i], windows[j], docs[windows[i].doc].text, rarity, lookup);
    if (score >= SUGGESTION_THRESHOLD) scored.push({ i, j, score, why: explain(evidence) });
  }
  scored.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);

  const chosen: { a: Window; b: Window }[] = [];
  const out: ParallelSuggestion[] = [];
  for (const s of scored) {
    if (out.length >= limit) break;
    const a = windows[s.i];
    const b = windows[s.j];
    if (chosen.some((c) => same(c.a, a) && same(c.b, b))) continue; // the same two places again
    if (crowded(chosen, a) || crowded(chosen, b)) continue;
    chosen.push({ a, b });
    out.push({
      a: { doc: docs[a.doc].id, start: a.start, end: a.end },
      b: { doc: docs[b.doc].id, start: b.start, end: b.end },
      score: Math.round(s.score * 1000) / 1000,
      why: s.why,
    });
  }
  return out;
}

const same = (x: Window, y: Window) => x.doc === y.doc && x.start < y.end && y.start < x.end;

function crowded(chosen: { a: Window; b: Window }[], w: Window): boolean {
  let n = 0;
  for (const c of chosen) if (same(c.a, w) || same(c.b, w)) n++;
  return n >= MAX_PER_PLACE;
}

/** The phrase sides of each text, sorted by start, to find those a window touches. */
function phraseLookup(windows: Window[], phrases: SharedPhrase[]): PhraseLookup {
  const sides = new Map<number, { start: number; end: number; phrase: SharedPhrase }[]>();
  for (const p of phrases) {
    for (const side of [p.a, p.b]) {
      const list = sides.get(side.doc) ?? [];
      list.push({ start: side.start, end: side.end, phrase: p });
      sides.set(side.doc, list);
    }
  }
  for (const list of sides.values()) list.sort((x, y) => x.start - y.start);
  const longest = Math.max(0, ...phrases.map((p) => p.a.end - p.a.start), ...phrases.map((p) => p.b.end - p.b.start));
  return (w) => {
    const list = sides.get(w.doc) ?? [];
    const out: SharedPhrase[] = [];
    for (let k = firstAtOrAfter(list, w.start - longest); k < list.length && list[k].start < w.end; k++) {
      if (list[k].end > w.start && !out.includes(list[k].phrase)) out.push(list[k].phrase);
    }
    return out;
  };
}

/** Index of the first item whose start is ≥ `at` (items sorted by start). */
function firstAtOrAfter(list: { start: number }[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Pairs of windows holding the two sides of a shared phrase (the few smallest that do). */
function phraseSeeds(windows: Window[], phrases: SharedPhrase[]): [number, number][] {
  const byDoc = new Map<number, { start: number; index: number }[]>();
  windows.forEach((w, index) => {
    const list = byDoc.get(w.doc) ?? [];
    list.push({ start: w.start, index });
    byDoc.set(w.doc, list);
  });
  const holding = (side: SharedPhrase["a"]): number[] => {
    const list = byDoc.get(side.doc) ?? [];
    const out: number[] = [];
    for (let k = firstAtOrAfter(list, side.start + 1) - 1; k >= 0 && out.length < 4; k--) {
      const w = windows[list[k].index];
      if (side.start - w.start > 1_500) break;
      if (w.end >= side.end) out.push(list[k].index);
    }
    return out;
  };
  const out: [number, number][] = [];
  for (const p of phrases) {
    for (const i of holding(p.a)) for (const j of holding(p.b)) out.push(i < j ? [i, j] : [j, i]);
  }
  return out;
}

/**
 * Suggested parallel passages across a set of texts: the entry point of lib/links.
 *
 * Pipeline: analyse every text (sentences, terms, names, dates, cited works) → passages of
 * one to three sentences → candidate pairs across texts from an inverted index, from
 * shared phrases and from close sentence pairs → score each pair (TF-IDF similarity,
 * the closest sentences' similarity in words and in word-vector meaning, shared phrases
 * long, short or gapped, names, dates, cited works; see score.ts) → keep those above
 * SUGGESTION_THRESHOLD, best first, one per pair of places, each side shown with the
 * sentences around it. Deterministic for a given input; the only I/O is reading the
 * shipped word vectors once (vectors.ts).
 */
import { analyzeDocs, type AnalyzedDoc, type AnalyzedSentence } from "./analyze";
import { meaningSim, sentenceMeanings } from "./meaning";
import { sharedPhrases, type SharedPhrase } from "./phrases";
import { explain, scorePair, SUGGESTION_THRESHOLD, type PhraseLookup } from "./score";
import { bestAligned, sentenceIndex, sentencePairs, type SentenceIndex } from "./sentence-pairs";
import { firstAtOrAfter, shortPhrases } from "./short-phrases";
import { buildWindows, candidatePairs, Rarity, type Window } from "./similarity";
import { wordVectors } from "./vectors";

export { SUGGESTION_THRESHOLD } from "./score";

/**
 * Names this version of the suggester. Raise it whenever what suggestParallels returns
 * for the same texts changes (signals, weights, spans): stored suggestions computed by
 * another revision are recomputed at the next ingest (lib/links/suggestions.ts).
 */
export const SUGGESTER_REVISION = "6";

export type PassageRef = { doc: string; start: number; end: number };

export type ParallelSuggestion = { a: PassageRef; b: PassageRef; score: number; why: string[] };

/** Sentence pairs at least this close seed candidate pairs of windows. */
const SEED_SIM = 0.2;

/** How many suggestions may share one place in a text before others get their turn. */
const MAX_PER_PLACE = 3;
/** Share of the shorter of two windows they must have in common to count as one place. */
const CROWD_SHARE = 0.5;

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
  const termRarity = (key: string) => rarity.rarity(`t:${key}`);
  const phrases = [...sharedPhrases(analyzed, termRarity), ...shortPhrases(analyzed, termRarity)];
  const lookup = phraseLookup(windows, phrases);
  const index = sentenceIndex(analyzed);
  const N = index.doc.length;
  const vectors = wordVectors();
  const semantic = vectors ? meaningSim(sentenceMeanings(analyzed, rarity, vectors)) : undefined;
  const close = sentencePairs(analyzed, index, rarity, semantic);
  const aligned = (a: Window, b: Window) => {
    const [x, y] = a.doc < b.doc ? [a, b] : [b, a];
    const ox = index.offsets[x.doc];
    const oy = index.offsets[y.doc];
    return bestAligned(close, N, [ox + x.first, ox + x.last], [oy + y.first, oy + y.last]);
  };

  const pairs = new Map<string, [number, number]>();
  for (const [i, j] of candidatePairs(windows, rarity)) pairs.set(`${i}:${j}`, [i, j]);
  for (const [i, j] of phraseSeeds(windows, phrases)) pairs.set(`${i}:${j}`, [i, j]);
  for (const [i, j] of sentenceSeeds(windows, close, index, analyzed)) pairs.set(`${i}:${j}`, [i, j]);

  const scored: Scored[] = [];
  for (const [i, j] of pairs.values()) {
    const { score, evidence } = scorePair(windows[i], windows[j], docs[windows[i].doc].text, rarity, lookup, aligned);
    if (score >= SUGGESTION_THRESHOLD) scored.push({ i, j, score, why: explain(evidence) });
  }
  scored.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);

  return select(scored, windows, limit).map((s) => {
    const a = windows[s.i];
    const b = windows[s.j];
    return {
      a: { doc: docs[a.doc].id, ...widen(analyzed[a.doc].sentences, a) },
      b: { doc: docs[b.doc].id, ...widen(analyzed[b.doc].sentences, b) },
      score: Math.round(s.score * 1000) / 1000,
      why: s.why,
    };
  });
}

/** A shown passage is at least this long where its paragraph allows. */
const MIN_SHOWN = 900;
/** and never longer than this. */
const MAX_SHOWN = 1_500;

/**
 * The span shown for a window: the window, grown by whole sentences of its paragraph on
 * either side (the shorter neighbour first) until it reaches MIN_SHOWN characters, so
 * a one-sentence match comes with the sentences that give it its sense.
 */
function widen(sentences: AnalyzedSentence[], w: Window): { start: number; end: number } {
  let first = w.first;
  let last = w.last;
  const block = sentences[w.first].block;
  const size = () => sentences[last].end - sentences[first].start;
  while (size() < MIN_SHOWN) {
    const before = first > 0 && sentences[first - 1].block === block ? sentences[first].start - sentences[first - 1].start : Infinity;
    const after = last + 1 < sentences.length && sentences[last + 1].block === block ? sentences[last + 1].end - sentences[last].end : Infinity;
    const step = Math.min(before, after);
    if (step === Infinity || size() + step > MAX_SHOWN) break;
    if (before <= after) first--;
    else last++;
  }
  return { start: sentences[first].start, end: sentences[last].end };
}

const same = (x: Window, y: Window) => x.doc === y.doc && x.start < y.end && y.start < x.end;

type Scored = { i: number; j: number; score: number; why: string[] };

/** The best suggestions, skipping the same two places again and places already used MAX_PER_PLACE times. */
function select(scored: Scored[], windows: Window[], limit: number): Scored[] {
  const chosen: { a: Window; b: Window }[] = [];
  const out: Scored[] = [];
  for (const s of scored) {
    if (out.length >= limit) break;
    const a = windows[s.i];
    const b = windows[s.j];
    if (chosen.some((c) => same(c.a, a) && same(c.b, b))) continue;
    if (crowded(chosen, a) || crowded(chosen, b)) continue;
    chosen.push({ a, b });
    out.push(s);
  }
  return out;
}

/**
 * Whether a chosen window takes up the place of `w`: it covers at least CROWD_SHARE of the
 * shorter of the two. A long window that merely touches the edge of a passage leaves the
 * passage free for the event told there.
 */
const occupies = (x: Window, w: Window) =>
  x.doc === w.doc && Math.min(x.end, w.end) - Math.max(x.start, w.start) >= CROWD_SHARE * Math.min(x.end - x.start, w.end - w.start);

function crowded(chosen: { a: Window; b: Window }[], w: Window): boolean {
  let n = 0;
  for (const c of chosen) if (occupies(c.a, w) || occupies(c.b, w)) n++;
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

type Side = { doc: number; start: number; end: number };

/** The few smallest windows that hold a span, for each span of a pair. */
function holders(windows: Window[]): (side: Side) => number[] {
  const byDoc = new Map<number, { start: number; index: number }[]>();
  windows.forEach((w, index) => {
    const list = byDoc.get(w.doc) ?? [];
    list.push({ start: w.start, index });
    byDoc.set(w.doc, list);
  });
  return (side) => {
    const list = byDoc.get(side.doc) ?? [];
    const out: number[] = [];
    for (let k = firstAtOrAfter(list, side.start + 1) - 1; k >= 0 && out.length < 4; k--) {
      const w = windows[list[k].index];
      if (side.start - w.start > 1_500) break;
      if (w.end >= side.end) out.push(list[k].index);
    }
    return out;
  };
}

/** Pairs of windows holding the two sides of a shared phrase (the few smallest that do). */
function phraseSeeds(windows: Window[], phrases: SharedPhrase[]): [number, number][] {
  const holding = holders(windows);
  const out: [number, number][] = [];
  for (const p of phrases) {
    for (const i of holding(p.a)) for (const j of holding(p.b)) out.push(i < j ? [i, j] : [j, i]);
  }
  return out;
}

/** Pairs of windows holding the two sentences of a close sentence pair. */
function sentenceSeeds(
  windows: Window[], close: Map<number, number>, index: SentenceIndex, docs: AnalyzedDoc[],
): [number, number][] {
  const holding = holders(windows);
  const N = index.doc.length;
  const side = (g: number): Side => {
    const doc = index.doc[g];
    const s = docs[doc].sentences[g - index.offsets[doc]];
    return { doc, start: s.start, end: s.end };
  };
  const out: [number, number][] = [];
  for (const [code, sim] of close) {
    if (sim < SEED_SIM) continue;
    const a = side(Math.floor(code / N));
    const b = side(code % N);
    for (const i of holding(a)) for (const j of holding(b)) out.push(i < j ? [i, j] : [j, i]);
  }
  return out;
}

/**
 * The plain baseline for parallel-passage suggestions: TF-IDF over two-sentence windows
 * (lower-cased words, English stop words removed, no stemming, no synonyms), cosine
 * between windows of different texts, best first. Deliberately independent of lib/links.
 * Two courtesies keep it from losing to its own sentence splitter: a full stop after an
 * initial or before a lower-case word ("W. W. Stueck", "ibid., p. 12") ends no sentence,
 * and windows of fewer than MIN_WORDS words are left out (bibliography fragments would
 * otherwise fill its list with perfect matches). And a pair overlapping an already
 * listed pair on both sides is skipped, so its top list is not one passage repeated.
 */

export type BaselineRef = { doc: string; start: number; end: number };

const STOP = new Set(
  ("a an the and or but if of to in on at by for with from as is was were be been being are it its this that these those " +
    "he she they we you i his her their our them him not no nor so than then there here which who whom whose what when where " +
    "why how all any both each few more most other some such only own same too very can will would should could may might " +
    "must shall do does did done had has have having into over under after before about against between through during " +
    "also however even yet still thus").split(" "),
);

type Win = { doc: number; start: number; end: number; vec: Map<string, number> };

/** Words a window needs (after stop words) to be compared at all. */
const MIN_WORDS = 8;

function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  // A full stop ends a sentence unless it follows a lone capital (an initial) or a
  // lower-case word follows it (an abbreviation).
  const re = /(?:[^.!?\n]|(?<=(?:^|[\s(])\p{Lu})\.|\.(?=[\s,;:]+\p{Ll}))+(?:[.!?]+["”’')\]]*|\n|$)/gu;
  for (const m of text.matchAll(re)) {
    const s = m.index!;
    const e = s + m[0].trimEnd().length;
    if (/\p{L}/u.test(m[0])) out.push([s + (m[0].length - m[0].trimStart().length), e]);
  }
  return out;
}

const words = (s: string) => (s.toLowerCase().match(/[\p{L}\p{Nd}]+/gu) ?? []).filter((w) => !STOP.has(w) && w.length > 1);

/** Baseline suggestions for `docs`, best first, at most `limit`. */
export function baselineTfidf(docs: { id: string; text: string }[], limit = 100): { a: BaselineRef; b: BaselineRef; score: number }[] {
  const wins: Win[] = [];
  const df = new Map<string, number>();
  docs.forEach((doc, d) => {
    const sents = sentences(doc.text);
    for (let i = 0; i + 1 < sents.length; i++) {
      const [start] = sents[i];
      const end = sents[i + 1][1];
      const found = words(doc.text.slice(start, end));
      if (found.length < MIN_WORDS) continue;
      const tf = new Map<string, number>();
      for (const w of found) tf.set(w, (tf.get(w) ?? 0) + 1);
      for (const w of tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
      wins.push({ doc: d, start, end, vec: tf });
    }
  });
  const n = wins.length;
  for (const w of wins) {
    let norm = 0;
    for (const [t, c] of w.vec) {
      const x = c * Math.log(n / df.get(t)!);
      w.vec.set(t, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, x] of w.vec) w.vec.set(t, x / norm);
  }
  const postings = new Map<string, number[]>();
  wins.forEach((w, i) => {
    for (const t of w.vec.keys()) postings.set(t, [...(postings.get(t) ?? []), i]);
  });
  const pairs: { i: number; j: number; s: number }[] = [];
  const acc = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const touched: number[] = [];
    for (const [t, x] of wins[i].vec) {
      for (const j of postings.get(t)!) {
        if (j <= i || wins[j].doc === wins[i].doc) continue;
        if (acc[j] === 0) touched.push(j);
        acc[j] += x * wins[j].vec.get(t)!;
      }
    }
    for (const j of touched) {
      if (acc[j] > 0.1) pairs.push({ i, j, s: acc[j] });
      acc[j] = 0;
    }
  }
  pairs.sort((x, y) => y.s - x.s);
  const out: { a: BaselineRef; b: BaselineRef; score: number }[] = [];
  const chosen: [Win, Win][] = [];
  const overlaps = (x: Win, y: Win) => x.doc === y.doc && x.start < y.end && y.start < x.end;
  for (const { i, j, s } of pairs) {
    if (out.length >= limit) break;
    const [a, b] = [wins[i], wins[j]];
    if (chosen.some(([ca, cb]) => overlaps(ca, a) && overlaps(cb, b))) continue;
    chosen.push([a, b]);
    out.push({ a: { doc: docs[a.doc].id, start: a.start, end: a.end }, b: { doc: docs[b.doc].id, start: b.start, end: b.end }, score: s });
  }
  return out;
}

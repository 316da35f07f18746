/**
 * Passage vectors and candidate pairs. Rarity is learnt from the texts themselves
 * (document frequency over sentences); a passage's terms are weighted TF-IDF style and
 * its names, dates and cited works are kept beside them. Candidate pairs across texts
 * come from an inverted index over all these features, so only passages that share
 * something distinctive are ever scored.
 */
import type { AnalyzedDoc, AnalyzedSentence } from "./analyze";
import type { CitedWork } from "./citations";
import type { DateMention } from "./entities";
import { passagesOf, type BlockKind } from "./segment";
import { narrativeDays, type NarrativeDay } from "./timeline";

/** Document frequency of every feature over the sentences of the whole set. */
export class Rarity {
  private readonly df = new Map<string, number>();
  readonly sentences: number;
  private readonly max: number;

  constructor(docs: AnalyzedDoc[]) {
    let n = 0;
    for (const doc of docs) {
      for (const s of doc.sentences) {
        if (s.kind === "heading") continue;
        n++;
        for (const key of featureKeys(s)) this.df.set(key, (this.df.get(key) ?? 0) + 1);
      }
    }
    this.sentences = Math.max(n, 1);
    // Normalise against a fixed scale as well as the set's size, so that two short texts
    // do not make every shared word look rare.
    this.max = Math.log(1 + Math.max(this.sentences, 200));
  }

  private readonly cache = new Map<string, number>();

  /** Inverse document frequency, ln(1 + N/df). */
  idf(key: string): number {
    let idf = this.cache.get(key);
    if (idf === undefined) {
      idf = Math.log(1 + this.sentences / Math.max(1, this.df.get(key) ?? 1));
      this.cache.set(key, idf);
    }
    return idf;
  }

  /** idf scaled to 0..1. */
  rarity(key: string): number {
    return Math.min(1, this.idf(key) / this.max);
  }
}

const featureKeys = (s: AnalyzedSentence): Set<string> =>
  new Set([
    ...s.terms.filter((t) => t.content).map((t) => `t:${t.key}`),
    ...s.names.map((n) => `n:${n.key}`),
    ...s.dates.map((d) => `d:${d.key}`),
    ...s.cites.map((c) => `a:${c.author}`),
  ]);

export type Window = {
  doc: number;
  start: number;
  end: number;
  first: number;
  last: number;
  kind: BlockKind;
  /** Unit-length TF-IDF weights of content terms ("t:" keys). */
  vec: Map<string, number>;
  /** The same for the window and up to CONTEXT sentences either side in its block. */
  context: Map<string, number>;
  /** Where each term first occurs, for showing it. */
  at: Map<string, [number, number]>;
  generic: Set<string>;
  names: Map<string, string>;
  dates: DateMention[];
  cites: CitedWork[];
  /** The day the window is telling of (timeline.ts), when the text dates it. */
  when?: NarrativeDay;
};

/** Sentences either side of a window that make its context. */
export const CONTEXT = 3;

type Counts = { tf: Map<string, number>; at: Map<string, [number, number]>; generic: Set<string> };

function countTerms(s: AnalyzedSentence): Counts {
  const tf = new Map<string, number>();
  const at = new Map<string, [number, number]>();
  const generic = new Set<string>();
  for (const t of s.terms) {
    if (!t.content) continue;
    const key = `t:${t.key}`;
    tf.set(key, (tf.get(key) ?? 0) + 1);
    if (!at.has(key)) at.set(key, [t.start, t.end]);
    if (t.generic) generic.add(key);
  }
  return { tf, at, generic };
}

/** Unit-length TF-IDF vector of a run of sentences' term counts. */
function vectorOf(counts: Counts[], rarity: Rarity, generic: Set<string>): Map<string, number> {
  const tf = new Map<string, number>();
  for (const c of counts) for (const [key, n] of c.tf) tf.set(key, (tf.get(key) ?? 0) + n);
  const vec = new Map<string, number>();
  let norm = 0;
  for (const [key, count] of tf) {
    const w = (1 + Math.log(count)) * rarity.idf(key) * (generic.has(key) ? 0.4 : 1);
    vec.set(key, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [key, w] of vec) vec.set(key, w / norm);
  return vec;
}

/** Passages of every text as windows of one to three sentences, with their features. */
export function buildWindows(docs: AnalyzedDoc[], rarity: Rarity): Window[] {
  const out: Window[] = [];
  docs.forEach((doc, d) => {
    const counts = doc.sentences.map(countTerms);
    const generic = new Set(counts.flatMap((c) => [...c.generic]));
    const days = narrativeDays(doc);
    for (const p of passagesOf(doc.sentences)) {
      const sentences = doc.sentences.slice(p.first, p.last + 1);
      const own = counts.slice(p.first, p.last + 1);
      let from = p.first;
      let to = p.last;
      const block = doc.sentences[p.first].block;
      while (from > 0 && p.first - from < CONTEXT && doc.sentences[from - 1].block === block) from--;
      while (to + 1 < doc.sentences.length && to - p.last < CONTEXT && doc.sentences[to + 1].block === block) to++;
      const at = new Map<string, [number, number]>();
      for (const c of own) for (const [key, span] of c.at) if (!at.has(key)) at.set(key, span);
      const names = new Map<string, string>();
      for (const s of sentences) for (const n of s.names) if (!names.has(n.key)) names.set(n.key, n.display);
      out.push({
        doc: d, start: p.start, end: p.end, first: p.first, last: p.last, kind: p.kind,
        vec: vectorOf(own, rarity, generic),
        context: vectorOf(counts.slice(from, to + 1), rarity, generic),
        at, generic, names,
        dates: sentences.flatMap((s) => s.dates),
        cites: sentences.flatMap((s) => s.cites),
        when: days.slice(p.first, p.last + 1).findLast((d) => d !== undefined),
      });
    }
  });
  return out;
}

/** Cosine of two unit vectors, and how many informative (non-generic) keys they share. */
export function cosine(a: Map<string, number>, b: Map<string, number>, generic: Set<string>): { cos: number; shared: number } {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let cos = 0;
  let shared = 0;
  for (const [key, w] of small) {
    const v = large.get(key);
    if (v === undefined) continue;
    cos += w * v;
    if (!generic.has(key)) shared++;
  }
  return { cos, shared };
}

/** A name counts only when it is rare in the set: common ones (the protagonists) say nothing. */
export const nameWeight = (rarity: number): number => Math.max(0, rarity - 0.4) / 0.6;

/** The features a window is indexed under for candidate search, with their weights. */
function indexFeatures(w: Window, rarity: Rarity): [string, number][] {
  const out: [string, number][] = [...w.vec];
  for (const [key, x] of w.context) out.push([`x${key}`, 0.6 * x]);
  for (const key of w.names.keys()) out.push([`n:${key}`, 0.3 * nameWeight(rarity.rarity(`n:${key}`))]);
  for (const d of w.dates) out.push([`d:${d.key}`, 0.3 * rarity.rarity(`d:${d.key}`)]);
  for (const c of w.cites) out.push([`a:${c.author}`, 0.3 * rarity.rarity(`a:${c.author}`)]);
  return out;
}

/**
 * For every window, its `perDoc` best partners in each other text by a quick dot product
 * over all features. Returns pairs [i, j] of window indices with doc(i) < doc(j).
 * Features found in more than a quarter of all windows are left out of this search:
 * they add to every pair alike and cost the most.
 */
export function candidatePairs(windows: Window[], rarity: Rarity, perDoc = 10): [number, number][] {
  const ids = new Map<string, number>();
  const features = windows.map((w) =>
    indexFeatures(w, rarity).map(([key, weight]) => {
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      return [id, weight] as [number, number];
    }),
  );
  const df = new Int32Array(ids.size);
  for (const list of features) for (const [id] of list) df[id]++;
  const common = windows.length / 4;
  const postingWin: number[][] = Array.from({ length: ids.size }, () => []);
  const postingWeight: number[][] = Array.from({ length: ids.size }, () => []);
  features.forEach((list, i) => {
    for (const [id, weight] of list) {
      if (df[id] > common) continue;
      postingWin[id].push(i);
      postingWeight[id].push(weight);
    }
  });
  const W = windows.length;
  const docOf = Int32Array.from(windows, (w) => w.doc);
  const acc = new Float64Array(W);
  const touched: number[] = [];
  const pairs = new Set<number>();
  const docs = Math.max(...docOf) + 1;
  const topWin = new Int32Array(docs * perDoc);
  const topScore = new Float64Array(docs * perDoc);
  for (let i = 0; i < W; i++) {
    for (const [id, weight] of features[i]) {
      if (df[id] > common) continue;
      const win = postingWin[id];
      const wts = postingWeight[id];
      for (let k = 0; k < win.length; k++) {
        const j = win[k];
        if (docOf[j] === docOf[i]) continue;
        if (acc[j] === 0) touched.push(j);
        acc[j] += weight * wts[k];
      }
    }
    // Keep the best `perDoc` per other text by insertion into small sorted arrays.
    topWin.fill(-1);
    topScore.fill(0);
    for (const j of touched) {
      const base = docOf[j] * perDoc;
      const s = acc[j];
      acc[j] = 0;
      if (s <= topScore[base + perDoc - 1]) continue;
      let k = perDoc - 1;
      while (k > 0 && topScore[base + k - 1] < s) {
        topScore[base + k] = topScore[base + k - 1];
        topWin[base + k] = topWin[base + k - 1];
        k--;
      }
      topScore[base + k] = s;
      topWin[base + k] = j;
    }
    touched.length = 0;
    for (const j of topWin) if (j >= 0) pairs.add(i < j ? i * W + j : j * W + i);
  }
  return [...pairs].map((code) => [Math.floor(code / W), code % W]);
}

/**
 * Sentence-to-sentence similarity across texts: the same event told in other words
 * usually comes down to one or two sentences that share a few rare words ("Japan … ally
 * … US"), which a long passage's vector dilutes. Every sentence gets a TF-IDF vector;
 * pairs of sentences from different texts are compared through an inverted index, and
 * those sharing at least two informative terms keep their cosine, discounted below
 * three. A word-vector similarity (see vectors.ts), when given, adds to it for pairs that
 * share at least one informative term, so paraphrases count without unrelated sentences
 * of one subject all looking alike.
 */
import type { AnalyzedDoc } from "./analyze";
import type { Rarity } from "./similarity";

export type SentencePair = { a: number; b: number; sim: number };

/** Global sentence numbering: sentence `k` of doc `d` is `offsets[d] + k`. */
export type SentenceIndex = { offsets: number[]; doc: Int32Array };

/** Similarity of two sentences' meaning from word vectors, in −1..1, or undefined. */
export type SemanticSim = (a: number, b: number) => number | undefined;

/** Below this a sentence pair is not kept. */
const MIN_SIM = 0.12;
/** Terms found in more sentences than this share of all are skipped (they add to every pair). */
const COMMON = 0.25;

/** How much word-vector similarity adds, and the similarity any two sentences of one subject reach. */
const SEMANTIC_WEIGHT = 0.5;
const SEMANTIC_FLOOR = 0.3;

/** Numbering of every sentence of the set, in order of docs. */
export function sentenceIndex(docs: AnalyzedDoc[]): SentenceIndex {
  const offsets: number[] = [];
  const doc: number[] = [];
  docs.forEach((d, i) => {
    offsets.push(doc.length);
    for (let k = 0; k < d.sentences.length; k++) doc.push(i);
  });
  return { offsets, doc: Int32Array.from(doc) };
}

/**
 * Every pair of sentences in different texts that look alike, with their similarity in
 * 0..1, keyed `a * N + b` (a < b, global numbers).
 */
export function sentencePairs(
  docs: AnalyzedDoc[], index: SentenceIndex, rarity: Rarity, semantic?: SemanticSim,
): Map<number, number> {
  const vecs: Map<string, number>[] = [];
  const informative: Set<string>[] = [];
  for (const d of docs) {
    for (const s of d.sentences) {
      const vec = new Map<string, number>();
      const strong = new Set<string>();
      if (s.kind !== "heading" && s.kind !== "back") {
        for (const t of s.terms) {
          if (!t.content) continue;
          const key = `t:${t.key}`;
          vec.set(key, rarity.idf(key) * (t.generic ? 0.4 : 1));
          if (!t.generic) strong.add(key);
        }
      }
      let norm = 0;
      for (const w of vec.values()) norm += w * w;
      norm = Math.sqrt(norm) || 1;
      for (const [k, w] of vec) vec.set(k, w / norm);
      vecs.push(vec);
      informative.push(strong);
    }
  }
  const N = vecs.length;
  const postings = new Map<string, number[]>();
  informative.forEach((keys, i) => {
    for (const k of keys) {
      const list = postings.get(k);
      if (list) list.push(i);
      else postings.set(k, [i]);
    }
  });
  const common = Math.max(4, COMMON * rarity.sentences);
  const out = new Map<number, number>();
  const shared = new Int32Array(N);
  const touched: number[] = [];
  for (let i = 0; i < N; i++) {
    for (const k of informative[i]) {
      const list = postings.get(k)!;
      if (list.length > common) continue;
      for (const j of list) {
        if (j <= i || index.doc[j] === index.doc[i]) continue;
        if (shared[j] === 0) touched.push(j);
        shared[j]++;
      }
    }
    for (const j of touched) {
      const n = shared[j];
      shared[j] = 0;
      let cos = 0;
      const [small, large] = vecs[i].size <= vecs[j].size ? [vecs[i], vecs[j]] : [vecs[j], vecs[i]];
      for (const [k, w] of small) {
        const v = large.get(k);
        if (v !== undefined) cos += w * v;
      }
      let sim = n >= 2 ? cos * Math.min(1, (n - 1) / 2) : 0;
      const meaning = semantic?.(i, j);
      if (meaning !== undefined) sim += SEMANTIC_WEIGHT * Math.max(0, meaning - SEMANTIC_FLOOR) / (1 - SEMANTIC_FLOOR);
      if (sim >= MIN_SIM) out.set(i * N + j, Math.min(1, sim));
    }
    touched.length = 0;
  }
  return out;
}

/** The best and second-best sentence-pair similarities between two runs of sentences. */
export function bestAligned(
  pairs: Map<number, number>, N: number, a: [number, number], b: [number, number],
): { best: number; second: number; at?: [number, number] } {
  let best = 0;
  let second = 0;
  let at: [number, number] | undefined;
  for (let i = a[0]; i <= a[1]; i++) {
    for (let j = b[0]; j <= b[1]; j++) {
      const sim = (i < j ? pairs.get(i * N + j) : pairs.get(j * N + i)) ?? 0;
      if (sim > best) {
        second = best;
        best = sim;
        at = [i, j];
      } else if (sim > second) second = sim;
    }
  }
  return { best, second, at };
}

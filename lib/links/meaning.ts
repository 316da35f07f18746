/**
 * What a sentence is about, as a point in word-vector space: the average of its content
 * words' vectors, each weighted by its rarity in the set, minus the set's mean (so the
 * subject every text shares drops out and what is left is what this sentence adds),
 * scaled to unit length. Two sentences telling one event in other words come out close.
 */
import type { AnalyzedDoc } from "./analyze";
import type { SemanticSim } from "./sentence-pairs";
import type { Rarity } from "./similarity";
import { fold } from "./tokens";
import type { WordVectors } from "./vectors";

/** Words a sentence needs with vectors before it gets a point of its own. */
const MIN_WORDS = 3;

/** One unit vector per sentence (global numbering), or null when too few of its words are known. */
export function sentenceMeanings(docs: AnalyzedDoc[], rarity: Rarity, vectors: WordVectors): (Float32Array | null)[] {
  const dims = vectors.dims;
  const raw: (Float32Array | null)[] = [];
  for (const d of docs) {
    for (const s of d.sentences) {
      if (s.kind === "heading" || s.kind === "back") {
        raw.push(null);
        continue;
      }
      const sum = new Float32Array(dims);
      let words = 0;
      for (const t of s.terms) {
        if (!t.content) continue;
        const weight = rarity.idf(`t:${t.key}`) * (t.generic ? 0.4 : 1);
        for (const w of d.text.slice(t.start, t.end).split(/[^\p{L}\d'’]+/u)) {
          const v = vectors.get(fold(w));
          if (!v) continue;
          words++;
          for (let k = 0; k < dims; k++) sum[k] += weight * v[k];
        }
      }
      raw.push(words >= MIN_WORDS ? unit(sum) : null);
    }
  }
  const mean = new Float32Array(dims);
  let n = 0;
  for (const v of raw) {
    if (!v) continue;
    n++;
    for (let k = 0; k < dims; k++) mean[k] += v[k];
  }
  for (let k = 0; k < dims; k++) mean[k] /= Math.max(1, n);
  return raw.map((v) => (v ? unit(v.map((x, k) => x - mean[k])) : null));
}

function unit(v: Float32Array): Float32Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  return v.map((x) => x / norm);
}

/** Cosine of two sentences' meanings (global numbers), undefined when either has none. */
export function meaningSim(meanings: (Float32Array | null)[]): SemanticSim {
  return (a, b) => {
    const x = meanings[a];
    const y = meanings[b];
    if (!x || !y) return undefined;
    let dot = 0;
    for (let k = 0; k < x.length; k++) dot += x[k] * y[k];
    return dot;
  };
}

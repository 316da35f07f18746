/**
 * Word vectors for meaning beyond shared words: 100-dimensional vectors of the 30,000
 * most frequent English words, quantised to int8 (lib/links/data/word-vectors.bin, made
 * by scripts/extract-word-vectors.mjs from GloVe-derived vectors). Read once, on first
 * use; when the file cannot be read, callers get no vectors and score without them.
 */
import fs from "node:fs";

export type WordVectors = { dims: number; get(word: string): Float32Array | undefined };

let loaded: WordVectors | null | undefined;

/** The shipped word vectors, or null when the data file is missing or unreadable. */
export function wordVectors(): WordVectors | null {
  if (loaded !== undefined) return loaded;
  try {
    loaded = parseVectors(fs.readFileSync(new URL("./data/word-vectors.bin", import.meta.url)));
  } catch {
    loaded = null;
  }
  return loaded;
}

/** Parses the file layout written by scripts/extract-word-vectors.mjs. */
export function parseVectors(buf: Uint8Array): WordVectors {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (new TextDecoder().decode(buf.subarray(0, 4)) !== "WV01") throw new Error("not a word-vector file");
  const count = view.getUint32(4, true);
  const dims = view.getUint32(8, true);
  const listBytes = view.getUint32(12, true);
  const words = new TextDecoder().decode(buf.subarray(16, 16 + listBytes)).split("\n");
  const scalesAt = 16 + Math.ceil(listBytes / 4) * 4;
  const valuesAt = scalesAt + 4 * count;
  const row = new Map<string, number>();
  words.forEach((w, i) => row.set(w, i));
  const cache = new Map<number, Float32Array>();
  return {
    dims,
    get(word) {
      const i = row.get(word);
      if (i === undefined) return undefined;
      let v = cache.get(i);
      if (!v) {
        const scale = view.getFloat32(scalesAt + 4 * i, true);
        v = new Float32Array(dims);
        for (let k = 0; k < dims; k++) v[k] = view.getInt8(valuesAt + i * dims + k) * scale;
        cache.set(i, v);
      }
      return v;
    },
  };
}

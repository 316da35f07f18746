/**
 * Seeded perturbation cases for the anchoring benchmark. Passages are picked from
 * the readings; each is put through every class of change, and its true place in
 * the changed text is tracked through the edits (null when it was removed).
 * Another seed builds a held-out set the same way.
 */
import { applySplices, makeRng, reflowSplices, type Rng, type Span, type Splice } from "./edits";

/** The kinds of change a case applies. */
export const CASE_CLASSES = [
  "unchanged",
  "reflowed",
  "inserted-before",
  "removed-before",
  "typo",
  "replaced-word",
  "words-elsewhere",
  "exact-copy-elsewhere",
  "short",
  "removed",
  "removed-short",
] as const;
export type CaseClass = (typeof CASE_CLASSES)[number];

/** One benchmark case: describe `original[start, end)`, anchor in `edited`, expect `expected`. */
export type AnchorCase = {
  cls: CaseClass;
  readingId: string;
  passage: number;
  original: string;
  start: number;
  end: number;
  edited: string;
  expected: Span;
};

type Reading = { id: string; text: string };
type Passage = { start: number; end: number };

/** Offsets where a sentence starts (after ., ! or ? and space, before a capital or quote). */
function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/[.!?]["'\u201d\u2019)]*\s+(?=["'\u201c\u2018(]?[A-Z])/g)) starts.push(m.index + m[0].length);
  return starts;
}

/** Offsets where a word starts and ends (runs of non-space). */
function words(text: string, from = 0, to = text.length): Passage[] {
  const out: Passage[] = [];
  for (const m of text.slice(from, to).matchAll(/\S+/g)) out.push({ start: from + m.index, end: from + m.index + m[0].length });
  return out;
}

/** Trims whitespace (and, for short spans, punctuation) off a span's ends. */
function trim(text: string, p: Passage, punctuation: boolean): Passage {
  const skip = punctuation ? /[\s\p{P}]/u : /\s/;
  let { start, end } = p;
  while (start < end && skip.test(text[start])) start++;
  while (end > start && skip.test(text[end - 1])) end--;
  return { start, end };
}

/** One or two sentences (most passages) or four to ten words. */
function pickPassage(text: string, sentences: number[], rng: Rng): Passage {
  for (;;) {
    if (rng.chance(0.25)) {
      const from = rng.int(0, text.length - 400);
      const all = words(text, from, from + 400); // all[0] may be a word's tail: skip it
      const first = rng.int(1, all.length - 11);
      const span = trim(text, { start: all[first].start, end: all[first + rng.int(3, 9)].end }, false);
      if (span.end - span.start >= 12) return span;
      continue;
    }
    const i = rng.int(0, sentences.length - 2);
    const j = Math.min(sentences.length - 1, i + rng.int(1, 2));
    const span = trim(text, { start: sentences[i], end: sentences[j] }, false);
    if (span.end - span.start >= 30 && span.end - span.start <= 600) return span;
  }
}

/** One to three words, without punctuation at the ends. */
function pickShort(text: string, rng: Rng): Passage {
  for (;;) {
    const from = rng.int(0, text.length - 200);
    const all = words(text, from, from + 200);
    const first = rng.int(1, all.length - 4);
    const span = trim(text, { start: all[first].start, end: all[first + rng.int(0, 2)].end }, true);
    if (span.end - span.start >= 2) return span;
  }
}

/** A run of sentences from another text, to insert: 20 to 400 characters. */
function foreignText(readings: Reading[], self: string, rng: Rng): string {
  const other = rng.pick(readings.filter((r) => r.id !== self).length ? readings.filter((r) => r.id !== self) : readings);
  const at = rng.int(0, other.text.length - 500);
  const chunk = other.text.slice(at, at + rng.int(20, 400));
  return chunk.replace(/^\S*\s*/, "").trimEnd() + " ";
}

/** A random word start at least `gap` characters away from the passage. */
function farWordStart(text: string, p: Passage, gap: number, rng: Rng): number {
  for (let tries = 0; tries < 100; tries++) {
    let at = rng.int(0, text.length);
    while (at < text.length && at > 0 && !/\s/.test(text[at - 1])) at++;
    if (at <= p.start - gap || at >= p.end + gap) return at;
  }
  return 0;
}

/** A word start before the passage: right before it (30%) or anywhere earlier. */
function wordStartBefore(text: string, p: Passage, rng: Rng): number {
  if (p.start === 0 || rng.chance(0.3)) return p.start;
  let at = rng.int(0, p.start - 1);
  while (at > 0 && !/\s/.test(text[at - 1])) at--;
  return at;
}

/** 1 to 3 character-level typos inside the passage (1 for short passages). */
function typoSplices(text: string, p: Passage, rng: Rng, count: number): Splice[] {
  const letters: number[] = [];
  for (let i = p.start; i < p.end - 1; i++) if (/[A-Za-z]/.test(text[i])) letters.push(i);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, letters.length)) chosen.add(rng.pick(letters));
  const out: Splice[] = [];
  for (const i of [...chosen].sort((a, b) => a - b)) {
    if (out.length && out[out.length - 1].at + 2 > i) continue; // keep splices apart
    const letter = String.fromCharCode(97 + rng.int(0, 25));
    const kind = rng.int(0, 3);
    if (kind === 0) out.push({ at: i, remove: 1, insert: letter === text[i] ? "q" : letter });
    else if (kind === 1) out.push({ at: i, remove: 1, insert: "" });
    else if (kind === 2) out.push({ at: i, remove: 0, insert: letter });
    else out.push({ at: i, remove: 2, insert: text[i + 1] + text[i] });
  }
  return out;
}

/** One word of the passage replaced by another word of the reading. */
function replaceWordSplice(text: string, p: Passage, rng: Rng): Splice[] {
  const inside = [...text.slice(p.start, p.end).matchAll(/[A-Za-z]{3,}/g)];
  if (inside.length === 0) return typoSplices(text, p, rng, 1);
  const target = rng.pick(inside);
  const vocabulary = [...text.slice(0, 20000).matchAll(/[A-Za-z]{3,}/g)].map((m) => m[0]);
  let word = rng.pick(vocabulary);
  while (word === target[0]) word = rng.pick(vocabulary);
  return [{ at: p.start + target.index, remove: target[0].length, insert: word }];
}

/** A copy of the passage's words, shuffled, or nearly the passage (a word replaced, one dropped). */
function lookAlike(text: string, p: Passage, rng: Rng): string {
  const ws = text.slice(p.start, p.end).split(/\s+/);
  if (rng.chance(0.5)) {
    for (let i = ws.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [ws[i], ws[j]] = [ws[j], ws[i]];
    }
  } else {
    const vocabulary = words(text, 0, 5000).map((w) => text.slice(w.start, w.end));
    ws[rng.int(0, ws.length - 1)] = rng.pick(vocabulary);
    if (ws.length > 3) ws.splice(rng.int(0, ws.length - 1), 1);
  }
  return ws.join(" ") + " ";
}

/** The edits that make one case of a class, for the passage (or short span) given. */
function splicesFor(cls: CaseClass, r: Reading, p: Passage, readings: Reading[], rng: Rng): Splice[] {
  const { text } = r;
  const after = (at: number) => (text[at] === " " ? 1 : 0); // the space a removal takes along
  switch (cls) {
    case "unchanged":
      return [];
    case "reflowed":
      return reflowSplices(text, rng);
    case "inserted-before":
    case "short":
      if (cls === "short" && rng.chance(0.5)) return splicesFor("removed-before", r, p, readings, rng);
      return [{ at: wordStartBefore(text, p, rng), remove: 0, insert: foreignText(readings, r.id, rng) }];
    case "removed-before": {
      const end = wordStartBefore(text, p, rng);
      const start = Math.max(0, end - rng.int(20, 400));
      return [{ at: start, remove: end - start, insert: "" }];
    }
    case "typo":
      return typoSplices(text, p, rng, p.end - p.start < 60 ? 1 : rng.int(1, 3));
    case "replaced-word":
      return replaceWordSplice(text, p, rng);
    case "words-elsewhere": {
      const at = rng.chance(0.4) ? p.start : farWordStart(text, p, 200, rng);
      return [{ at, remove: 0, insert: lookAlike(text, p, rng) }];
    }
    case "exact-copy-elsewhere": {
      const edit = rng.chance(0.5) ? typoSplices(text, p, rng, 1) : replaceWordSplice(text, p, rng);
      const copy = { at: farWordStart(text, p, 200, rng), remove: 0, insert: text.slice(p.start, p.end) + " " };
      return [...edit, copy];
    }
    case "removed":
    case "removed-short":
      return [{ at: p.start, remove: p.end - p.start + after(p.end), insert: "" }];
  }
}

/**
 * Every case for `passages` passages spread over the readings, each passage under
 * every class, in a deterministic order for a given seed. A generator, so that
 * only one changed text at a time need be held in memory.
 */
export function* generateCases(readings: Reading[], seed: number, passages = 160): Generator<AnchorCase> {
  const rng = makeRng(seed);
  for (let k = 0; k < passages; k++) {
    const r = readings[k % readings.length];
    const sentences = sentenceStarts(r.text);
    const main = pickPassage(r.text, sentences, rng);
    const short = pickShort(r.text, rng);
    for (const cls of CASE_CLASSES) {
      const p = cls === "short" || cls === "removed-short" ? short : main;
      const removed = cls === "removed" || cls === "removed-short";
      const edited = applySplices(r.text, splicesFor(cls, r, p, readings, rng), p);
      yield {
        cls,
        readingId: r.id,
        passage: k,
        original: r.text,
        start: p.start,
        end: p.end,
        edited: edited.text,
        expected: removed ? null : edited.span,
      };
    }
  }
}

/** All cases at once (fine for tests; the benchmark streams `generateCases`). */
export function buildCases(readings: Reading[], seed: number, passages = 160): AnchorCase[] {
  return [...generateCases(readings, seed, passages)];
}

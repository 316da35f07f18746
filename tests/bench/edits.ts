/**
 * Text edits for the anchoring benchmark: splices applied to a text while the span
 * of a passage is tracked through them, so every case knows its true answer.
 */

/** Replace text[at, at + remove) by `insert`. */
export type Splice = { at: number; remove: number; insert: string };

/** A passage's span, or null once it is gone. */
export type Span = { start: number; end: number } | null;

/** A small seeded PRNG (mulberry32): the same seed gives the same cases everywhere. */
export function makeRng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** Integer in [lo, hi]. */
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof makeRng>;

/**
 * Where a boundary at original offset x goes. A replacement that begins exactly at
 * the passage's start, or ends exactly at its end, is part of the passage; a pure
 * insertion at either boundary is outside it.
 */
function mapBoundary(x: number, sorted: Splice[], side: "start" | "end"): number {
  let shift = 0;
  for (const s of sorted) {
    const a = s.at;
    const b = s.at + s.remove;
    const after = side === "start" ? x < a || (x === a && b > a) : x <= a;
    if (after) break;
    if (x < b) return side === "start" ? a + shift : a + shift + s.insert.length;
    shift += s.insert.length - s.remove;
  }
  return x + shift;
}

/** Applies non-overlapping splices (any order) and tracks `span` through them. */
export function applySplices(text: string, splices: Splice[], span: Span): { text: string; span: Span } {
  const sorted = [...splices].sort((p, q) => p.at - q.at);
  const parts: string[] = [];
  let cursor = 0;
  for (const s of sorted) {
    if (s.at < cursor) throw new Error(`overlapping splices at ${s.at}`);
    parts.push(text.slice(cursor, s.at), s.insert);
    cursor = s.at + s.remove;
  }
  parts.push(text.slice(cursor));
  const moved = span && { start: mapBoundary(span.start, sorted, "start"), end: mapBoundary(span.end, sorted, "end") };
  return { text: parts.join(""), span: moved };
}

/** Reflows a text as a re-typesetting would: line breaks joined, quotes and dashes plain, spaces single. */
export function reflowSplices(text: string, rng: Rng): Splice[] {
  const out: Splice[] = [];
  const re = /[ \t]*\n[ \t\n]*| {2,}|[\u2018\u2019\u201c\u201d\u2014\u2013\u2026]/g;
  const emDash = rng.pick(["--", "-", " - "]);
  for (const m of text.matchAll(re)) {
    const ch = m[0];
    let insert: string;
    if (ch === "\u2018" || ch === "\u2019") insert = "'";
    else if (ch === "\u201c" || ch === "\u201d") insert = '"';
    else if (ch === "\u2014") insert = emDash;
    else if (ch === "\u2013") insert = "-";
    else if (ch === "\u2026") insert = "...";
    else insert = " ";
    if (insert !== ch) out.push({ at: m.index, remove: ch.length, insert });
  }
  return out;
}

/**
 * Shared wording too short or too loose for phrases.ts: a few words one text puts in
 * quotation marks that another text uses too ("push on"), and two informative words in
 * the same order a few words apart in both texts, found nowhere else in the set ("drive
 * a wedge between" / "drive a determined wedge between"). Each is weak on its own, so it
 * weighs less than a full shared phrase and counts mostly beside other evidence.
 */
import type { AnalyzedDoc } from "./analyze";
import type { SharedPhrase } from "./phrases";
import type { Term } from "./tokens";

/** Terms allowed between the two words of a loose pair (one inserted word more than the other side). */
const MAX_GAP = 3;
/** A loose pair met in more places than this is common usage. */
const MAX_PLACES = 2;
/** Shares of a full phrase's weight. */
const QUOTED_WEIGHT = 1.0;
const LOOSE_WEIGHT = 0.6;

type Flat = { terms: Term[]; text: string };

const informative = (t: Term) => t.content && !t.generic;

function flatten(doc: AnalyzedDoc): Flat {
  return { terms: doc.sentences.filter((s) => s.kind === "body").flatMap((s) => s.terms), text: doc.text };
}

/** Quotation-marked spans of two to six words in `text`. */
function quotedSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(/[“"‘]([^“”"‘’\n]{3,60})[”"’]/g)) {
    const inner = m[1];
    const words = inner.trim().split(/\s+/).length;
    if (words >= 2 && words <= 6) out.push([m.index! + 1, m.index! + 1 + inner.length]);
  }
  return out;
}

/** Index of the first item whose start is ≥ `at` (items sorted by start). */
export function firstAtOrAfter(list: { start: number }[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const side = (doc: number, run: Term[]) => ({ doc, start: run[0].start, end: run[run.length - 1].end });
const display = (f: Flat, run: Term[]) => f.text.slice(run[0].start, run[run.length - 1].end).replace(/\s+/g, " ");

/**
 * Short quoted phrases found word for word in another text, and loose pairs of
 * informative words shared by exactly two places. `rarity(key)` is a term's rarity 0..1.
 */
export function shortPhrases(docs: AnalyzedDoc[], rarity: (key: string) => number): SharedPhrase[] {
  const flats = docs.map(flatten);
  const out: SharedPhrase[] = [];

  // Quoted: the quoted terms, matched anywhere in the other texts.
  const starts = new Map<string, [number, number][]>();
  flats.forEach((f, d) =>
    f.terms.forEach((t, i) => {
      const list = starts.get(t.key);
      if (list) list.push([d, i]);
      else starts.set(t.key, [[d, i]]);
    }),
  );
  flats.forEach((f, d) => {
    for (const [s, e] of quotedSpans(f.text)) {
      const i0 = firstAtOrAfter(f.terms, s);
      let i1 = i0;
      while (i1 < f.terms.length && f.terms[i1].end <= e) i1++;
      const run = f.terms.slice(i0, i1);
      if (run.length < 2 || !run.some(informative)) continue;
      const weight = QUOTED_WEIGHT * run.filter((t) => t.content).reduce((sum, t) => sum + rarity(t.key), 0);
      const places = (starts.get(run[0].key) ?? []).filter(([od, j]) => {
        if (od === d) return false;
        const other = flats[od].terms;
        return run.every((t, k) => other[j + k]?.key === t.key);
      });
      if (places.length === 0 || places.length > MAX_PLACES) continue;
      for (const [od, j] of places) {
        const theirs = flats[od].terms.slice(j, j + run.length);
        out.push({ a: side(d, run), b: side(od, theirs), weight, display: display(f, run) });
      }
    }
  });

  // Loose pairs: two informative words within MAX_GAP terms, in two places of two texts.
  const pairs = new Map<string, [number, number, number][]>();
  flats.forEach((f, d) => {
    const T = f.terms;
    for (let i = 0; i < T.length; i++) {
      if (!informative(T[i])) continue;
      for (let k = i + 1; k < T.length && k - i <= MAX_GAP + 1; k++) {
        if (!informative(T[k])) continue;
        const key = `${T[i].key}\u0001${T[k].key}`;
        const list = pairs.get(key);
        if (list) list.push([d, i, k]);
        else pairs.set(key, [[d, i, k]]);
      }
    }
  });
  for (const places of pairs.values()) {
    if (places.length !== MAX_PLACES || places[0][0] === places[1][0]) continue;
    const [[da, ia, ka], [db, ib, kb]] = places;
    if (Math.abs(ka - ia - (kb - ib)) > 1) continue;
    const A = flats[da].terms.slice(ia, ka + 1);
    const B = flats[db].terms.slice(ib, kb + 1);
    // The same words throughout are an exact match: phrases.ts's, or a name's.
    if (A.length === B.length && A.every((t, k) => t.key === B[k].key)) continue;
    const weight = LOOSE_WEIGHT * (rarity(A[0].key) + rarity(A[A.length - 1].key)) / 2;
    out.push({ a: side(da, A), b: side(db, B), weight, display: display(flats[da], A) });
  }
  return out;
}

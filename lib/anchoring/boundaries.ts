/**
 * Boundary placement: where exactly a matched passage begins and ends. The
 * approximate search knows the quote but not the context, so an edit at the edge
 * of the passage (a replaced first word, text inserted just before) can leave its
 * ends a few characters off; the context on the outside settles them.
 */
import approxSearch from "approx-string-match";
import { costsEndingAt, costsStartingAt } from "./edit-distance";

/**
 * Moves a boundary within `radius` to where the context on one side and the
 * quote's edge on the other fit best together. Ties go to a word boundary, then to
 * the side that keeps the quote intact (inserted text belongs to the context).
 */
export function refineBoundary(
  text: string,
  at: number,
  outside: string | undefined,
  edge: string,
  side: "start" | "end",
  radius: number,
  preferred?: (x: number) => boolean,
): { at: number; contextErrors: number } {
  const lo = Math.max(0, at - radius);
  const hi = Math.min(text.length, at + radius);
  const ctx = outside ?? "";
  const pad = 8;
  let ctxCost: (x: number) => number;
  let edgeCost: (x: number) => number;
  if (side === "start") {
    const cFrom = Math.max(0, lo - ctx.length - pad);
    const c = costsEndingAt(text, cFrom, hi, ctx);
    const eTo = Math.min(text.length, hi + edge.length + pad);
    const e = costsStartingAt(text, lo, eTo, edge);
    ctxCost = (x) => c[x - cFrom];
    edgeCost = (x) => e[x - lo];
  } else {
    const cTo = Math.min(text.length, hi + ctx.length + pad);
    const c = costsStartingAt(text, lo, cTo, ctx);
    const eFrom = Math.max(0, lo - edge.length - pad);
    const e = costsEndingAt(text, eFrom, hi, edge);
    ctxCost = (x) => c[x - lo];
    edgeCost = (x) => e[x - eFrom];
  }
  let best = at;
  let bestKey = [Infinity, 0, 0, 0];
  for (let x = lo; x <= hi; x++) {
    const key = [ctxCost(x) + edgeCost(x), preferred && !preferred(x) ? 1 : 0, edgeCost(x), Math.abs(x - at)];
    if (compareKeys(key, bestKey) < 0) {
      best = x;
      bestKey = key;
    }
  }
  return { at: best, contextErrors: outside === undefined ? 0 : ctxCost(best) };
}

/** Lexicographic comparison of two equally long keys. */
function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Context errors measured exactly at a boundary (no moving). */
export function contextErrorsAt(text: string, at: number, outside: string | undefined, side: "start" | "end"): number {
  if (!outside) return 0;
  if (side === "start") {
    const from = Math.max(0, at - outside.length - 8);
    return costsEndingAt(text, from, at, outside)[at - from];
  }
  return costsStartingAt(text, at, Math.min(text.length, at + outside.length + 8), outside)[0];
}

/**
 * Whether the context is there, with at most `limit` errors, for a boundary roughly
 * within `slack` of `at`: a cheap look (bit-parallel search over a short stretch)
 * before any costly quote search.
 */
export function contextNear(
  text: string,
  at: number,
  outside: string,
  side: "start" | "end",
  slack: number,
  limit: number,
): boolean {
  const from = side === "start" ? at - slack - outside.length - 8 : at - slack;
  const to = side === "start" ? at + slack : at + slack + outside.length + 8;
  const stretch = text.slice(Math.max(0, from), Math.max(0, Math.min(text.length, to)));
  return approxSearch(stretch, outside, limit).length > 0;
}

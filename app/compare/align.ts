/**
 * The compare view's scrolling maths, pure (no DOM) so it can be tested by table:
 * aligning two passages at one height, and keeping two panes in step by mapping one
 * pane's scroll position onto the other's, piecewise linearly between link anchors.
 */

/** A passage in a scrollable pane: its top within the pane's content, and how far the pane can scroll. */
export type PanePassage = { top: number; maxScroll: number };

/**
 * Scroll positions that put both passages at the same height in their panes, as near
 * to `line` (pixels from the pane's top) as both panes allow. A pane scrolled to `s`
 * shows a passage whose top is `top` at height `top - s`, so each pane can place its
 * passage anywhere in [top - maxScroll, top]; the common height is `line` clamped to
 * where those ranges overlap. With no overlap (one passage near the very end, the
 * other near the start) each pane is placed on its own and `line` is null.
 */
export function alignPair(a: PanePassage, b: PanePassage, line: number): { a: number; b: number; line: number | null } {
  const lo = Math.max(a.top - a.maxScroll, b.top - b.maxScroll);
  const hi = Math.min(a.top, b.top);
  if (lo <= hi) {
    const y = Math.min(hi, Math.max(lo, line));
    return { a: clamp(a.top - y, 0, a.maxScroll), b: clamp(b.top - y, 0, b.maxScroll), line: y };
  }
  return { a: clamp(a.top - line, 0, a.maxScroll), b: clamp(b.top - line, 0, b.maxScroll), line: null };
}

/** A pair of scroll positions (left pane, right pane) that belong together. */
export type Knot = [number, number];

/**
 * The knots that keep two panes in step: both tops, both ends, and the aligned scroll
 * positions of each link between the two readings, in the order given (the current
 * link first). A pair is kept only if it keeps the mapping strictly increasing both
 * ways (links that cross each other cannot all be honoured), so the mapping is always
 * invertible: scrolling either pane moves the other the same way.
 */
export function buildKnots(pairs: Knot[], maxA: number, maxB: number): Knot[] {
  const knots: Knot[] = [
    [0, 0],
    [Math.max(0, maxA), Math.max(0, maxB)],
  ];
  for (const [rawA, rawB] of pairs) {
    if (!Number.isFinite(rawA) || !Number.isFinite(rawB)) continue;
    const a = clamp(rawA, 0, maxA);
    const b = clamp(rawB, 0, maxB);
    const next = knots.findIndex((k) => k[0] >= a);
    if (next <= 0) continue; // at or before the first knot: nothing to add
    const before = knots[next - 1];
    const after = knots[next];
    if (before[0] < a && a < after[0] && before[1] < b && b < after[1]) knots.splice(next, 0, [a, b]);
  }
  return knots;
}

/**
 * Maps a scroll position of one pane (`from` 0: left, 1: right) onto the other,
 * linearly between the surrounding knots; clamped to the knots' range.
 */
export function mapScroll(knots: Knot[], value: number, from: 0 | 1): number {
  const to = from === 0 ? 1 : 0;
  if (knots.length === 0) return 0;
  if (value <= knots[0][from]) return knots[0][to];
  for (let i = 1; i < knots.length; i++) {
    const [p, q] = [knots[i - 1], knots[i]];
    if (value <= q[from]) {
      const span = q[from] - p[from];
      if (span <= 0) return q[to];
      return p[to] + ((value - p[from]) / span) * (q[to] - p[to]);
    }
  }
  return knots[knots.length - 1][to];
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

/**
 * Where the "?" markers go, pure: one per question passage, in the margin left of the
 * reading at the height of the passage's first line. Markers whose lines are closer
 * than a marker's height are set side by side, leftwards, so none hides another.
 */

/** A marker to place: its key, its question and the page y of its passage's first line. */
export type MarkerInput = { key: string; questionId: string; top: number };
/** A placed marker, in page coordinates. */
export type Marker = MarkerInput & { left: number };

/** Width of a marker plus the gap between two side by side. */
export const MARKER_STEP = 28;
/** How far into the margin the first marker sits. */
export const MARKER_GUTTER = 36;

export function placeMarkers(inputs: MarkerInput[], readingLeft: number): Marker[] {
  const sorted = [...inputs].sort((a, b) => a.top - b.top || (a.key < b.key ? -1 : 1));
  const placed: Marker[] = [];
  let rowTop = Number.NEGATIVE_INFINITY;
  let inRow = 0;
  for (const input of sorted) {
    if (input.top - rowTop < MARKER_STEP - 4) inRow++;
    else {
      rowTop = input.top;
      inRow = 0;
    }
    placed.push({ ...input, top: rowTop, left: Math.max(4, readingLeft - MARKER_GUTTER - inRow * MARKER_STEP) });
  }
  return placed;
}

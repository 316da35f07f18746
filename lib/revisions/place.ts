import { anchor, describe, type Selector } from "@/lib/anchoring";
import type { AnchorStatus } from "@/lib/annotations/schema";

/**
 * Where an anchored item (a note, a link end, a question passage) lands in a new text:
 * "anchored" when its passage is verbatim at the same offsets (the engine's "position"
 * method), "reanchored" when found elsewhere or approximately, with selectors made on
 * the new text, "orphaned" when not found, keeping the old selectors so the original
 * quote is still shown. Pure: the revision report and the publishing run share it, so
 * the report says exactly what publishing will do.
 */
export type Placement =
  | { anchorStatus: "anchored" | "reanchored"; selectors: Selector[]; start: number; end: number }
  | { anchorStatus: "orphaned"; selectors: Selector[] };

/** Where an item's passage is in `text` and its status there, without new selectors (views place on the fly with it). */
export function locateItem(text: string, selectors: Selector[]): { anchorStatus: AnchorStatus; start: number; end: number } | null {
  const found = anchor(text, selectors);
  // describe() rejects an empty span; the engine never returns one, but an orphan is a
  // better outcome than a run that fails for every other item of the reading.
  if (!found || found.end <= found.start) return null;
  return { anchorStatus: found.method === "position" ? "anchored" : "reanchored", start: found.start, end: found.end };
}

/** Places one item, described by the selectors of its last placement, in `text`. */
export function placeItem(text: string, selectors: Selector[]): Placement {
  const found = locateItem(text, selectors);
  if (!found) return { anchorStatus: "orphaned", selectors };
  return { anchorStatus: found.anchorStatus as "anchored" | "reanchored", selectors: describe(text, found.start, found.end), start: found.start, end: found.end };
}

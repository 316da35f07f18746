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

/** Places one item, described by the selectors of its last placement, in `text`. */
export function placeItem(text: string, selectors: Selector[]): Placement {
  const found = anchor(text, selectors);
  // describe() rejects an empty span; the engine never returns one, but an orphan is a
  // better outcome than a run that fails for every other item of the reading.
  if (!found || found.end <= found.start) return { anchorStatus: "orphaned", selectors };
  const anchorStatus: AnchorStatus = found.method === "position" ? "anchored" : "reanchored";
  return { anchorStatus, selectors: describe(text, found.start, found.end), start: found.start, end: found.end };
}

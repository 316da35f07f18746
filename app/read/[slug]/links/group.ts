import { relations, type Relation } from "@/lib/links/relations";
import type { ReaderLinkEnd } from "./types";

/**
 * Pure helpers of the reader's link pieces: grouping the connections panel, and
 * stacking margin markers that fall on the same line.
 */

export type RelationGroup = { relation: Relation; entries: ReaderLinkEnd[] };
export type ReadingGroup = { readingSlug: string; readingTitle: string; within: boolean; count: number; relations: RelationGroup[] };

/**
 * Connections grouped by the other reading (links within this reading first, then the
 * other readings by title), and inside by relation in the fixed relation order; entries
 * keep the order given (the reader passes them in text order).
 */
export function groupConnections(ends: ReaderLinkEnd[], slug: string): ReadingGroup[] {
  const byReading = new Map<string, ReadingGroup>();
  for (const end of ends) {
    const other = end.other.readingSlug;
    let group = byReading.get(other);
    if (!group) {
      group = { readingSlug: other, readingTitle: end.other.readingTitle, within: other === slug, count: 0, relations: [] };
      byReading.set(other, group);
    }
    group.count++;
    let relation = group.relations.find((r) => r.relation === end.relation);
    if (!relation) {
      relation = { relation: end.relation, entries: [] };
      group.relations.push(relation);
    }
    relation.entries.push(end);
  }
  const groups = [...byReading.values()];
  for (const group of groups) group.relations.sort((x, y) => relations.indexOf(x.relation) - relations.indexOf(y.relation));
  return groups.sort((x, y) => Number(y.within) - Number(x.within) || x.readingTitle.localeCompare(y.readingTitle) || x.readingSlug.localeCompare(y.readingSlug));
}

/**
 * Which slot each marker takes in the margin: markers whose tops are within `tolerance`
 * pixels of the first marker of their line share that line and take slots 0, 1, 2…
 * (outwards from the text); input order decides the slots.
 */
export function stackMarkers(markers: { key: string; top: number }[], tolerance = 8): Map<string, number> {
  const slots = new Map<string, number>();
  const lines: { top: number; used: number }[] = [];
  for (const marker of markers) {
    const line = lines.find((l) => Math.abs(l.top - marker.top) <= tolerance);
    if (line) slots.set(marker.key, line.used++);
    else {
      lines.push({ top: marker.top, used: 1 });
      slots.set(marker.key, 0);
    }
  }
  return slots;
}

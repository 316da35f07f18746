import type { PrismaClient } from "@/lib/generated/prisma/client";
import { anchor, describe, type Selector } from "@/lib/anchoring";
import type { AnchorStatus } from "@/lib/annotations/schema";
import { findCurrentVersionText } from "@/lib/annotations/repo";
import { listPassagesOffVersion, movePassageAnchor } from "@/lib/questions/repo";

/** How many passages ended in each state. */
export type ReanchorCounts = Record<AnchorStatus, number>;

/** Where a passage lands in a new text: verbatim in place, found elsewhere, or lost (old selectors kept). */
export function placePassage(text: string, selectors: Selector[]): { anchorStatus: AnchorStatus; selectors: Selector[] } {
  const found = anchor(text, selectors);
  if (!found || found.end <= found.start) return { anchorStatus: "orphaned", selectors };
  return { anchorStatus: found.method === "position" ? "anchored" : "reanchored", selectors: describe(text, found.start, found.end) };
}

/**
 * Re-anchoring of question passages when a reading gets a new version: the same
 * placement as notes (lib/annotations/reanchor.ts, `placeNote`), the same guarantees (the original
 * selectors and version are kept, an orphan is never deleted, a second run is a
 * no-op). No "server-only": scripts/ingest.ts can call it after `reanchorReadings`.
 */
export async function reanchorQuestionPassages(db: PrismaClient, documentId: string): Promise<ReanchorCounts> {
  return db.$transaction(
    async (tx) => {
      const counts: ReanchorCounts = { anchored: 0, reanchored: 0, orphaned: 0 };
      const current = await findCurrentVersionText(tx, documentId);
      if (!current) return counts;
      for (const passage of await listPassagesOffVersion(tx, documentId, current.id)) {
        let selectors: unknown;
        try {
          selectors = JSON.parse(passage.selectors);
        } catch {
          selectors = [];
        }
        const placed = placePassage(current.canonicalText, Array.isArray(selectors) ? selectors : []);
        const stored = placed.anchorStatus === "orphaned" ? passage.selectors : JSON.stringify(placed.selectors);
        const moved = await movePassageAnchor(tx, passage.id, passage.versionId, { versionId: current.id, selectors: stored, anchorStatus: placed.anchorStatus });
        if (moved) counts[placed.anchorStatus]++;
      }
      return counts;
    },
    { timeout: 120_000 },
  );
}

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { parseStoredSelectors } from "@/lib/annotations/selectors";
import { findCurrentVersionText, findDocumentId } from "@/lib/annotations/repo";
import { placeNote, type ReanchorCounts } from "@/lib/annotations/reanchor";
import { listEndsOffVersion, moveEndAnchor } from "@/lib/links/repo";

/**
 * Re-anchoring link ends when a reading gets a new version: the notes' rule, end by end
 * (lib/annotations/reanchor.ts `placeNote`): found at the same offsets → "anchored",
 * elsewhere or approximately → "reanchored" with selectors made on the new text, not
 * found → "orphaned" with the old selectors kept. Original selectors and versions are
 * never touched; nothing is deleted. Until this runs, views place old ends on the fly
 * (lib/links/view.ts `placePassage`) with the same outcome. No "server-only": the ingest
 * script may run it.
 */

const TRANSACTION_TIMEOUT_MS = 120_000;

/** Moves every end on this reading that is not on its current version onto it. One transaction. */
export async function reanchorLinkEnds(db: PrismaClient, documentId: string): Promise<ReanchorCounts> {
  return db.$transaction(
    async (tx) => {
      const counts: ReanchorCounts = { anchored: 0, reanchored: 0, orphaned: 0 };
      const current = await findCurrentVersionText(tx, documentId);
      if (!current) return counts;
      for (const end of await listEndsOffVersion(tx, documentId, current.id)) {
        const placed = placeNote(current.canonicalText, parseStoredSelectors(end.selectors));
        const selectors = placed.anchorStatus === "orphaned" ? end.selectors : JSON.stringify(placed.selectors);
        if (await moveEndAnchor(tx, end.id, end.versionId, { versionId: current.id, selectors, anchorStatus: placed.anchorStatus })) {
          counts[placed.anchorStatus]++;
        }
      }
      return counts;
    },
    { timeout: TRANSACTION_TIMEOUT_MS },
  );
}

/** Re-anchors the link ends of the readings named by slug (those that just got a new version). */
export async function reanchorLinksOfReadings(db: PrismaClient, slugs: string[]): Promise<{ slug: string; counts: ReanchorCounts }[]> {
  const results: { slug: string; counts: ReanchorCounts }[] = [];
  for (const slug of slugs) {
    const document = await findDocumentId(db, slug);
    if (document) results.push({ slug, counts: await reanchorLinkEnds(db, document.id) });
  }
  return results;
}

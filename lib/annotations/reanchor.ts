import { anchor, describe, type Selector } from "@/lib/anchoring";
import { parseStoredSelectors } from "@/lib/annotations/selectors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { findCurrentVersionText, findDocumentId, listNotesOffVersion, moveNoteAnchor } from "@/lib/annotations/repo";
import type { AnchorStatus } from "@/lib/annotations/schema";

/**
 * Re-anchoring: when a reading gets a new version, every note still placed on an older
 * one is looked for in the new text and moved onto it, or marked orphaned. The note's
 * `originalVersionId` and `originalSelectors` are never touched, and an orphan is never
 * deleted. No "server-only" here: `scripts/ingest.ts` runs this outside Next.
 */

/** Where a note ends up on a new version: its status and the selectors it then stores. */
export type Placement = { anchorStatus: AnchorStatus; selectors: Selector[] };

/** How many notes of a reading ended up in each state. */
export type ReanchorCounts = Record<AnchorStatus, number>;

/** Interactive transactions time out after 5 s by default; fuzzy matching of many notes can take longer. */
const TRANSACTION_TIMEOUT_MS = 120_000;

/**
 * Places one note's passage, described by the selectors of its last anchored version,
 * in a new text. "anchored": the passage is verbatim at the same offsets (the engine's
 * "position" method); "reanchored": found elsewhere or approximately, with new
 * selectors made on the new text; "orphaned": not found, and the old selectors are kept
 * so the original quote is still shown.
 */
export function placeNote(text: string, selectors: Selector[]): Placement {
  const found = anchor(text, selectors);
  // describe() rejects an empty span; the engine never returns one, but an orphan is
  // a better outcome than a run that fails for every other note of the reading.
  if (!found || found.end <= found.start) return { anchorStatus: "orphaned", selectors };
  return {
    anchorStatus: found.method === "position" ? "anchored" : "reanchored",
    selectors: describe(text, found.start, found.end),
  };
}


/**
 * Moves every note of a reading that is not on its current version onto it: notes made
 * or last placed on an older version, and orphans of an older version (their kept
 * selectors get another chance on the new text). A note already on the current
 * version, orphaned there or not, is left alone, so a second run is a no-op and each
 * note is placed once per version. One transaction: all notes or none.
 *
 * @returns how many notes ended anchored, re-anchored and orphaned (all zero when the
 *   reading has no current version or nothing to move).
 */
export async function reanchorReading(db: PrismaClient, documentId: string): Promise<ReanchorCounts> {
  return db.$transaction(
    async (tx) => {
      const counts: ReanchorCounts = { anchored: 0, reanchored: 0, orphaned: 0 };
      const current = await findCurrentVersionText(tx, documentId);
      if (!current) return counts;
      for (const note of await listNotesOffVersion(tx, documentId, current.id)) {
        const placed = placeNote(current.canonicalText, parseStoredSelectors(note.selectors));
        // An orphan keeps its stored selectors byte for byte (even unparseable ones).
        const selectors = placed.anchorStatus === "orphaned" ? note.selectors : JSON.stringify(placed.selectors);
        const moved = await moveNoteAnchor(tx, note.id, note.versionId, {
          versionId: current.id,
          selectors,
          anchorStatus: placed.anchorStatus,
        });
        if (moved) counts[placed.anchorStatus]++;
      }
      return counts;
    },
    { timeout: TRANSACTION_TIMEOUT_MS },
  );
}

/**
 * Re-anchors the notes of the readings named by slug (those that just got a new
 * version), one transaction per reading. Unknown slugs are skipped.
 */
export async function reanchorReadings(db: PrismaClient, slugs: string[]): Promise<{ slug: string; counts: ReanchorCounts }[]> {
  const results: { slug: string; counts: ReanchorCounts }[] = [];
  for (const slug of slugs) {
    const document = await findDocumentId(db, slug);
    if (document) results.push({ slug, counts: await reanchorReading(db, document.id) });
  }
  return results;
}

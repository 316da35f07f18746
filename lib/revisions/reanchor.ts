import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AnchorStatus } from "@/lib/annotations/schema";
import { parseStoredSelectors } from "@/lib/annotations/selectors";
import { findDocumentBySlug } from "@/lib/documents/repo";
import { itemKinds, listItemAnchors, moveItemAnchors, recordPlacements, type Db, type ItemAnchor, type ItemKind, type ItemMove } from "@/lib/revisions/items";
import { placeItem, type Placement } from "@/lib/revisions/place";

/**
 * Re-anchoring: when a reading gets a new version, every item (note, link end, question
 * passage) still placed on an older one is looked for in the new text and moved onto
 * it, or marked orphaned. Originals (`originalVersionId`, `originalSelectors`) are never
 * touched, an orphan is never deleted, and the placement an item leaves is recorded so
 * an old version still shows its notes as they were. No "server-only": the ingest
 * script runs it outside Next.
 */

/** How many items of one kind ended in each state. */
export type ReanchorCounts = Record<AnchorStatus, number>;

/** What moving one reading's items onto its current version did, per kind. */
export type DocumentReanchor = { notes: ReanchorCounts; links: ReanchorCounts; questions: ReanchorCounts };

/** What one reading's re-anchoring did, by slug. */
export type ReadingReanchor = { slug: string } & DocumentReanchor;

/** Called after each item is placed: `done` of `total` items of the reading. */
export type ProgressListener = (done: number, total: number) => void;

/** Interactive transactions time out after 5 s by default; fuzzy matching of many items can take longer. */
export const TRANSACTION_TIMEOUT_MS = 120_000;

const countKey: Record<ItemKind, keyof DocumentReanchor> = { note: "notes", linkEnd: "links", questionPassage: "questions" };

const zero = (): ReanchorCounts => ({ anchored: 0, reanchored: 0, orphaned: 0 });

/** An item's placement on a new text, ready to store. An orphan keeps its stored selectors byte for byte. */
export function storedPlacement(item: ItemAnchor, text: string, placement: Placement = placeItem(text, parseStoredSelectors(item.selectors))) {
  const selectors = placement.anchorStatus === "orphaned" ? item.selectors : JSON.stringify(placement.selectors);
  return { selectors, anchorStatus: placement.anchorStatus };
}

/**
 * Moves every item of a reading that is not on `version` onto it, inside the caller's
 * transaction. Items already there (orphaned there or not) are left alone, so a second
 * run is a no-op and each item is placed once per version. `placements`, when given,
 * holds already computed placements by `kind:id` (the revision report's), so publishing
 * does exactly what the report said.
 */
export async function moveItemsOnto(
  tx: Db,
  documentId: string,
  version: { id: string; canonicalText: string },
  options: { placements?: Map<string, Placement>; onProgress?: ProgressListener } = {},
): Promise<DocumentReanchor> {
  const result: DocumentReanchor = { notes: zero(), links: zero(), questions: zero() };
  const pending = await Promise.all(itemKinds.map((kind) => listItemAnchors(tx, kind, documentId, { off: version.id })));
  const total = pending.reduce((sum, items) => sum + items.length, 0);
  let done = 0;
  for (const [index, kind] of itemKinds.entries()) {
    const moves: ItemMove[] = [];
    for (const item of pending[index]) {
      const placed = storedPlacement(item, version.canonicalText, options.placements?.get(`${kind}:${item.id}`));
      moves.push({ id: item.id, fromVersionId: item.versionId, ...placed });
      result[countKey[kind]][placed.anchorStatus]++;
      options.onProgress?.(++done, total);
    }
    // Inside one transaction nothing else moves these rows: every listed item moves.
    const moved = await moveItemAnchors(tx, kind, version.id, moves);
    if (moved !== moves.length) throw new Error(`re-anchoring moved ${moved} of ${moves.length} ${kind} rows; nothing was changed`);
    await recordPlacements(tx, kind, pending[index]);
  }
  return result;
}

/** Moves a reading's items onto its current version, in one transaction: all or none. */
export async function reanchorDocument(db: PrismaClient, documentId: string): Promise<DocumentReanchor> {
  return db.$transaction(
    async (tx) => {
      const document = await tx.document.findUnique({
        where: { id: documentId },
        select: { currentVersion: { select: { id: true, canonicalText: true } } },
      });
      if (!document?.currentVersion) return { notes: zero(), links: zero(), questions: zero() };
      return moveItemsOnto(tx, documentId, document.currentVersion);
    },
    { timeout: TRANSACTION_TIMEOUT_MS },
  );
}

/**
 * Re-anchors the named readings, one transaction each. Running it for every reading at
 * each start costs a few queries and retries any reading whose run was interrupted.
 * Unknown slugs are skipped.
 */
export async function reanchorAll(db: PrismaClient, slugs: string[]): Promise<ReadingReanchor[]> {
  const results: ReadingReanchor[] = [];
  for (const slug of slugs) {
    const document = await findDocumentBySlug(db, slug);
    if (document) results.push({ slug, ...(await reanchorDocument(db, document.id)) });
  }
  return results;
}

/** "3 anchored, 1 re-anchored, 0 orphaned", or null when nothing moved. */
export function describeCounts(counts: ReanchorCounts): string | null {
  if (counts.anchored + counts.reanchored + counts.orphaned === 0) return null;
  return `${counts.anchored} anchored, ${counts.reanchored} re-anchored, ${counts.orphaned} orphaned`;
}

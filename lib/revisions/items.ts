import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The three kinds of anchored item a reading carries, behind one shape so re-anchoring,
 * the revision report, version history and orphan repair treat them alike. Each row
 * keeps its current placement (`versionId`, `selectors`, `anchorStatus`); placements it
 * left are in `AnchorPlacement`. No "server-only": the ingest script uses it.
 */
export const itemKinds = ["note", "linkEnd", "questionPassage"] as const;
export type ItemKind = (typeof itemKinds)[number];

export type Db = PrismaClient | Prisma.TransactionClient;

/** An item's current placement, as re-anchoring reads and writes it. */
export type ItemAnchor = { id: string; versionId: string; selectors: string; anchorStatus: string };
export type AnchorUpdate = { versionId: string; selectors: string; anchorStatus: string };

const select = { id: true, versionId: true, selectors: true, anchorStatus: true } as const;

type Table = {
  findMany(args: { where: object; select: typeof select; orderBy: { id: "asc" } }): Promise<ItemAnchor[]>;
  updateMany(args: { where: object; data: AnchorUpdate }): Promise<{ count: number }>;
};

function table(db: Db, kind: ItemKind): Table {
  if (kind === "note") return db.note as unknown as Table;
  if (kind === "linkEnd") return db.linkEnd as unknown as Table;
  return db.questionPassage as unknown as Table;
}

/** Items of this kind on a reading: all, those placed on a version (`on`), or those not on it (`off`). */
export function listItemAnchors(db: Db, kind: ItemKind, documentId: string, version: { on?: string; off?: string } = {}): Promise<ItemAnchor[]> {
  const versionId = version.on ?? (version.off ? { not: version.off } : undefined);
  return table(db, kind).findMany({ where: versionId ? { documentId, versionId } : { documentId }, select, orderBy: { id: "asc" } });
}

/**
 * Moves an item onto another placement, only if it is still on `fromVersionId` (so a
 * concurrent run cannot place it twice). Leaves the item's `revision` alone: its content
 * did not change, and an edit in progress must not get a 409 for it. False when the
 * item had moved on or is gone.
 */
export async function moveItemAnchor(db: Db, kind: ItemKind, id: string, fromVersionId: string, data: AnchorUpdate): Promise<boolean> {
  const result = await table(db, kind).updateMany({ where: { id, versionId: fromVersionId }, data });
  return result.count === 1;
}

const tables: Record<ItemKind, string> = { note: '"Note"', linkEnd: '"LinkEnd"', questionPassage: '"QuestionPassage"' };

/** Rows per statement of a batched move: 4 parameters each, well under SQLite's limit. */
const MOVE_BATCH = 400;

/** One item's move onto `versionId`: from where, with which selectors and status. */
export type ItemMove = { id: string; fromVersionId: string; selectors: string; anchorStatus: string };

/**
 * Moves many items of one kind onto `versionId` in a few statements (a re-anchoring of
 * a thousand notes is a thousand rows), each only if still on its `fromVersionId`.
 * Like {@link moveItemAnchor}, leaves `revision` and `updatedAt` alone. Returns how many
 * rows moved.
 */
export async function moveItemAnchors(db: Db, kind: ItemKind, versionId: string, moves: ItemMove[]): Promise<number> {
  let moved = 0;
  for (let at = 0; at < moves.length; at += MOVE_BATCH) {
    const batch = moves.slice(at, at + MOVE_BATCH);
    const table = tables[kind];
    const values = batch.map(() => "(?, ?, ?, ?)").join(", ");
    const sql =
      `WITH moves(id, fromVersionId, selectors, anchorStatus) AS (VALUES ${values}) ` +
      `UPDATE ${table} SET "versionId" = ?, "selectors" = moves.selectors, "anchorStatus" = moves.anchorStatus ` +
      `FROM moves WHERE ${table}."id" = moves.id AND ${table}."versionId" = moves.fromVersionId`;
    const params = batch.flatMap((m) => [m.id, m.fromVersionId, m.selectors, m.anchorStatus]);
    moved += await db.$executeRawUnsafe(sql, ...params, versionId);
  }
  return moved;
}

/** Records where items sat on the versions they are leaving. */
export async function recordPlacements(db: Db, kind: ItemKind, items: ItemAnchor[]): Promise<void> {
  if (items.length === 0) return;
  await db.anchorPlacement.createMany({
    data: items.map((item) => ({
      itemType: kind,
      itemId: item.id,
      versionId: item.versionId,
      selectors: item.selectors,
      anchorStatus: item.anchorStatus,
    })),
  });
}

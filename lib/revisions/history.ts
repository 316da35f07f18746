import "server-only";
import type { Selector } from "@/lib/anchoring/types";
import { parseStoredSelectors, positionOf } from "@/lib/annotations/selectors";
import type { AnchorStatus } from "@/lib/annotations/schema";
import { AppError } from "@/lib/errors";
import type { Block } from "@/lib/documents/schema";
import { getReadingFor } from "@/lib/documents/service";
import { itemKinds, listItemAnchors, type Db } from "@/lib/revisions/items";
import { mayRevise } from "@/lib/revisions/access";
import { buildReport, compareBlocks, type Landing, type RevisionReport } from "@/lib/revisions/report";
import { loadSubjects, type Subject } from "@/lib/revisions/subjects";

/**
 * A reading's version history: every version with its date and who made it, the
 * revision report of each change (for the person looking, so it lists only what they
 * may see), and where every item sat on any version, so an old version shows its notes
 * as they were.
 */

export type VersionEntry = {
  number: number;
  createdAt: string;
  origin: "file" | "upload" | "edit";
  author: string | null;
  uploadName: string | null;
  current: boolean;
  blocks: { kept: number; added: number; removed: number } | null;
};

export type VersionHistory = { slug: string; title: string; canRevise: boolean; versions: VersionEntry[] };

/** Every version of a reading the viewer may open, newest first. */
export async function listVersionHistory(db: Db, viewerId: string | null, slug: string): Promise<VersionHistory> {
  const reading = await getReadingFor(slug, viewerId, db);
  const rows = await db.documentVersion.findMany({
    where: { documentId: reading.documentId },
    orderBy: { number: "desc" },
    select: { number: true, createdAt: true, origin: true, uploadName: true, blocks: true, author: { select: { name: true } } },
  });
  const ids = rows.map((row) => (JSON.parse(row.blocks) as Block[]).map((b) => b.id));
  const versions = rows.map((row, i): VersionEntry => ({
    number: row.number,
    createdAt: row.createdAt.toISOString(),
    origin: row.origin === "upload" || row.origin === "edit" ? row.origin : "file",
    author: row.author?.name ?? null,
    uploadName: row.uploadName,
    current: row.number === reading.versionNumber,
    blocks: i + 1 < rows.length ? compareBlocks(ids[i + 1], ids[i]) : null,
  }));
  const document = await db.document.findUniqueOrThrow({ where: { id: reading.documentId }, select: { id: true, addedById: true } });
  return { slug, title: reading.title, canRevise: viewerId ? await mayRevise(db, viewerId, document) : false, versions };
}

/** What the change to version `number` did to the work the viewer can see. */
export async function versionReport(db: Db, viewerId: string, slug: string, number: number): Promise<RevisionReport> {
  const reading = await getReadingFor(slug, viewerId, db);
  if (number < 2) throw new AppError("not_found", "The first version has no revision report: nothing came before it.");
  const [before, after] = await Promise.all([findVersion(db, reading.documentId, number - 1), findVersion(db, reading.documentId, number)]);
  const [oldPlaced, newPlaced] = await Promise.all([placementsOn(db, reading.documentId, before.id), placementsOn(db, reading.documentId, after.id)]);
  const landings = new Map<string, Landing>();
  for (const [key, placed] of newPlaced) {
    const span = positionOf(placed.selectors);
    landings.set(key, placed.anchorStatus === "orphaned" || !span ? { anchorStatus: "orphaned" } : { anchorStatus: placed.anchorStatus, ...span });
  }
  return buildReport({
    fromVersion: number - 1,
    toVersion: number,
    oldText: before.canonicalText,
    newText: after.canonicalText,
    oldBlockIds: (JSON.parse(before.blocks) as Block[]).map((b) => b.id),
    newBlockIds: (JSON.parse(after.blocks) as Block[]).map((b) => b.id),
    subjects: await loadSubjects(db, viewerId, reading.documentId, slug),
    oldSelectors: new Map([...oldPlaced].map(([key, placed]) => [key, placed.selectors])),
    landings,
  });
}

/** An item as it sat on one version: what it is and where. */
export type PlacedSubject = Subject & { anchorStatus: AnchorStatus; selectors: Selector[] };

/** The items the viewer may see as they sat on version `number` (notes made later are not there). */
export async function itemsOnVersion(db: Db, viewerId: string | null, documentId: string, slug: string, number: number): Promise<PlacedSubject[]> {
  if (!viewerId) return [];
  const version = await findVersion(db, documentId, number);
  const placed = await placementsOn(db, documentId, version.id);
  const subjects = await loadSubjects(db, viewerId, documentId, slug);
  return subjects.flatMap((subject) => {
    const at = placed.get(subject.key);
    return at ? [{ ...subject, ...at }] : [];
  });
}

type Placed = { selectors: Selector[]; anchorStatus: AnchorStatus };

/** Every item's placement on one version: the rows still there, and those that moved on since. */
async function placementsOn(db: Db, documentId: string, versionId: string): Promise<Map<string, Placed>> {
  const out = new Map<string, Placed>();
  const history = await db.anchorPlacement.findMany({ where: { versionId }, select: { itemType: true, itemId: true, selectors: true, anchorStatus: true } });
  for (const row of history) out.set(`${row.itemType}:${row.itemId}`, placed(row));
  for (const kind of itemKinds) {
    for (const row of await listItemAnchors(db, kind, documentId, { on: versionId })) out.set(`${kind}:${row.id}`, placed(row));
  }
  return out;
}

const placed = (row: { selectors: string; anchorStatus: string }): Placed => ({
  selectors: parseStoredSelectors(row.selectors),
  anchorStatus: row.anchorStatus as AnchorStatus,
});

async function findVersion(db: Db, documentId: string, number: number) {
  const version = await db.documentVersion.findUnique({
    where: { documentId_number: { documentId, number } },
    select: { id: true, canonicalText: true, blocks: true },
  });
  if (!version) throw new AppError("not_found", `This reading has no version ${number}.`);
  return version;
}

/** The file version `n` of a reading was made from, as uploaded; 404 when it came from elsewhere. */
export async function versionUpload(db: Db, viewerId: string | null, slug: string, n: string) {
  const reading = await getReadingFor(slug, viewerId, db);
  const number = Number(n);
  const row = Number.isInteger(number)
    ? await db.documentVersion.findUnique({
        where: { documentId_number: { documentId: reading.documentId, number } },
        select: { upload: true, uploadName: true, uploadFormat: true },
      })
    : null;
  if (!row?.upload) throw new AppError("not_found", `Version ${n} of this reading was not made from an upload.`);
  return { name: row.uploadName ?? "upload.txt", format: row.uploadFormat ?? "text", text: row.upload };
}

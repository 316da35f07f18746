import "server-only";
import type { Selector } from "@/lib/anchoring/types";
import { parseStoredSelectors, positionOf } from "@/lib/annotations/selectors";
import type { AnchorStatus } from "@/lib/annotations/schema";
import { AppError } from "@/lib/errors";
import type { Block } from "@/lib/documents/schema";
import { findReadableDocument } from "@/lib/documents/service";
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
  const document = await findReadableDocument(slug, viewerId, db);
  const rows = await db.documentVersion.findMany({
    where: { documentId: document.id },
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
    current: row.number === document.currentVersion.number,
    blocks: i + 1 < rows.length ? compareBlocks(ids[i + 1], ids[i]) : null,
  }));
  return { slug, title: document.title, canRevise: viewerId ? await mayRevise(db, viewerId, document) : false, versions };
}

/** What the change to version `number` did to the work the viewer can see. */
export async function versionReport(db: Db, viewerId: string, slug: string, number: number): Promise<RevisionReport> {
  const document = await findReadableDocument(slug, viewerId, db);
  return changeReport(db, viewerId, document.id, slug, number);
}

/** As {@link versionReport}, for a reading whose access the caller has already checked. */
export async function changeReport(db: Db, viewerId: string, documentId: string, slug: string, number: number): Promise<RevisionReport> {
  if (number < 2) throw new AppError("not_found", "The first version has no revision report: nothing came before it.");
  const [before, after] = await Promise.all([findVersion(db, documentId, number - 1), findVersion(db, documentId, number)]);
  const newPlaced = await placementsOn(db, documentId, after.id);
  return reportOnto(db, documentId, before, after, newPlaced, await loadSubjects(db, viewerId, documentId, slug));
}

/** An item as it sat on one version: what it is and where. */
export type PlacedSubject = Subject & { anchorStatus: AnchorStatus; selectors: Selector[] };

/** The items the viewer may see as they sat on version `number` (notes made later are not there). */
export async function itemsOnVersion(db: Db, viewerId: string | null, documentId: string, slug: string, number: number): Promise<PlacedSubject[]> {
  if (!viewerId) return [];
  const version = await findVersion(db, documentId, number);
  const placed = await placementsOn(db, documentId, version.id);
  return placedSubjects(await loadSubjects(db, viewerId, documentId, slug), placed);
}

/**
 * Version `number` as its page shows it, for a reading whose access the caller has
 * already checked: {@link itemsOnVersion} and (from version 2) {@link changeReport}, with
 * the version, its placements and the viewer's items loaded once for both.
 */
export async function versionView(
  db: Db,
  viewerId: string | null,
  documentId: string,
  slug: string,
  number: number,
): Promise<{ items: PlacedSubject[]; report: RevisionReport | null }> {
  if (number < 2 && !viewerId) return { items: [], report: null };
  const after = await findVersion(db, documentId, number);
  const newPlaced = await placementsOn(db, documentId, after.id);
  // A visitor is in no seminar, so sees no items.
  const subjects = viewerId ? await loadSubjects(db, viewerId, documentId, slug) : [];
  const before = number >= 2 ? await findVersion(db, documentId, number - 1) : null;
  return {
    items: placedSubjects(subjects, newPlaced),
    report: before && (await reportOnto(db, documentId, before, after, newPlaced, subjects)),
  };
}

type Version = Awaited<ReturnType<typeof findVersion>>;

/** The report of the change from version `before` to `after`, given the items' placements on `after`. */
async function reportOnto(
  db: Db,
  documentId: string,
  before: Version,
  after: Version,
  newPlaced: Map<string, Placed>,
  subjects: Subject[],
): Promise<RevisionReport> {
  const oldPlaced = await placementsOn(db, documentId, before.id);
  const landings = new Map<string, Landing>();
  for (const [key, placed] of newPlaced) {
    const span = positionOf(placed.selectors);
    landings.set(key, placed.anchorStatus === "orphaned" || !span ? { anchorStatus: "orphaned" } : { anchorStatus: placed.anchorStatus, ...span });
  }
  return buildReport({
    fromVersion: before.number,
    toVersion: after.number,
    oldText: before.canonicalText,
    newText: after.canonicalText,
    oldBlockIds: (JSON.parse(before.blocks) as Block[]).map((b) => b.id),
    newBlockIds: (JSON.parse(after.blocks) as Block[]).map((b) => b.id),
    subjects,
    oldSelectors: new Map([...oldPlaced].map(([key, placed]) => [key, placed.selectors])),
    landings,
  });
}

/** The subjects that sat on a version, with where they sat. */
function placedSubjects(subjects: Subject[], placed: Map<string, Placed>): PlacedSubject[] {
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
    select: { id: true, number: true, canonicalText: true, blocks: true },
  });
  if (!version) throw new AppError("not_found", `This reading has no version ${number}.`);
  return version;
}

/** The file version `n` of a reading was made from, as uploaded; 404 when it came from elsewhere. */
export async function versionUpload(db: Db, viewerId: string | null, slug: string, n: string) {
  const document = await findReadableDocument(slug, viewerId, db);
  const number = Number(n);
  const row = Number.isInteger(number)
    ? await db.documentVersion.findUnique({
        where: { documentId_number: { documentId: document.id, number } },
        select: { upload: true, uploadName: true, uploadFormat: true },
      })
    : null;
  if (!row?.upload) throw new AppError("not_found", `Version ${n} of this reading was not made from an upload.`);
  return { name: row.uploadName ?? "upload.txt", format: row.uploadFormat ?? "text", text: row.upload };
}

import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/** A Prisma client or the client of an open transaction. */
export type Db = PrismaClient | Prisma.TransactionClient;

/** What ingest writes for one reading file. */
export type VersionInput = {
  slug: string;
  title: string;
  titleSupplied: boolean;
  author: string;
  publication: string | null;
  year: number | null;
  kind: string;
  sourceFile: string;
  position: number;
  contentHash: string;
  source: string;
  canonicalText: string;
  blocks: string;
  wordCount: number;
};

/** The library (or the readings matching `where`), with the word count of each current version. */
export function listDocuments(db: Db, where: Prisma.DocumentWhereInput = {}) {
  return db.document.findMany({
    where,
    orderBy: [{ position: "asc" }, { title: "asc" }],
    include: { currentVersion: { select: { id: true, number: true, wordCount: true } } },
  });
}

/** One reading with the number and size of its current version (not its text), or null. */
export function findDocumentBySlug(db: Db, slug: string) {
  return db.document.findUnique({
    where: { slug },
    include: { currentVersion: { select: { id: true, number: true, wordCount: true } } },
  });
}

/** A version's canonical text and blocks (JSON), or null. */
export function findVersionContent(db: Db, versionId: string) {
  return db.documentVersion.findUnique({ where: { id: versionId }, select: { canonicalText: true, blocks: true } });
}

/** Every version of a reading, oldest first, without their texts. */
export function listVersions(db: Db, documentId: string) {
  return db.documentVersion.findMany({
    where: { documentId },
    orderBy: { number: "asc" },
    select: { id: true, number: true, contentHash: true, createdAt: true },
  });
}

/**
 * Writes one reading from the readings folder: updates its metadata and, when the file
 * changed since it was last read (its last version from the folder), adds a new version
 * and makes it current. So a revision an instructor published in the app stays current
 * across restarts until the file itself changes. Older versions are never touched. Returns whether a version was added.
 */
export async function saveDocumentVersion(db: Db, input: VersionInput): Promise<boolean> {
  const { contentHash, source, canonicalText, blocks, wordCount, slug, ...meta } = input;
  const document = await db.document.upsert({
    where: { slug },
    create: { slug, ...meta },
    update: meta,
    include: { currentVersion: { select: { contentHash: true } } },
  });
  if (document.currentVersion?.contentHash === contentHash) return false;
  const lastFromFile = await db.documentVersion.findFirst({
    where: { documentId: document.id, origin: "file" },
    orderBy: { number: "desc" },
    select: { contentHash: true },
  });
  if (lastFromFile?.contentHash === contentHash && document.currentVersion) return false;

  await appendVersion(db, document.id, { contentHash, source, canonicalText, blocks, wordCount });
  return true;
}

/** What a new version stores besides its number: its text and, when it came from the app, who made it and from what. */
export type VersionData = {
  contentHash: string;
  source: string;
  canonicalText: string;
  blocks: string;
  wordCount: number;
  origin?: "file" | "upload" | "edit";
  authorId?: string;
  uploadName?: string;
  uploadFormat?: string;
  upload?: string;
  report?: string;
};

/** Adds the next version of a reading and makes it current; returns its id and number. */
export async function appendVersion(db: Db, documentId: string, data: VersionData): Promise<{ id: string; number: number }> {
  const last = await db.documentVersion.findFirst({
    where: { documentId },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  const version = await db.documentVersion.create({
    data: { documentId, number: (last?.number ?? 0) + 1, ...data },
    select: { id: true, number: true },
  });
  await db.document.update({ where: { id: documentId }, data: { currentVersionId: version.id } });
  return version;
}

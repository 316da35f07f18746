import type { PrismaClient } from "@/lib/generated/prisma/client";

/** A Prisma client or the client of an open transaction. */
export type Db = Pick<PrismaClient, "document" | "documentVersion">;

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

/** The library: every reading with the word count of its current version. */
export function listDocuments(db: Db) {
  return db.document.findMany({
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
 * Writes one reading: updates its metadata and, when the text changed, adds a new
 * version and makes it current. Older versions are never touched.
 * Returns whether a version was added.
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

  const last = await db.documentVersion.findFirst({
    where: { documentId: document.id },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  const version = await db.documentVersion.create({
    data: { documentId: document.id, number: (last?.number ?? 0) + 1, contentHash, source, canonicalText, blocks, wordCount },
  });
  await db.document.update({ where: { id: document.id }, data: { currentVersionId: version.id } });
  return true;
}

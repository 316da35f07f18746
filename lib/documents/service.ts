import "server-only";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Block } from "@/lib/documents/schema";
import { findDocumentBySlug, findVersionContent, listDocuments, type Db } from "@/lib/documents/repo";
import { renderReadingHtml } from "@/lib/documents/render";
import { canReadDocument, readableBy } from "@/lib/documents/access";

/** Words a reader gets through in a minute of careful reading. */
const WORDS_PER_MINUTE = 230;

export type LibraryEntry = {
  slug: string;
  title: string;
  titleSupplied: boolean;
  author: string;
  publication: string | null;
  year: number | null;
  kind: string;
  readingMinutes: number;
};

export type Reading = LibraryEntry & {
  /** "seminar": added by an instructor for their seminars only. */
  scope: "library" | "seminar";
  documentId: string;
  versionId: string;
  versionNumber: number;
} & VersionContent;

/** What a version holds; it never changes once stored, so it is kept in memory. */
type VersionContent = { text: string; blocks: Block[]; html: string };

const MAX_CACHED_VERSIONS = 32;
const versionCache = new Map<string, VersionContent>();

/** Every reading `viewerId` may open (null: a visitor), in the library's set order. */
export async function getLibrary(db: Db = prisma, viewerId: string | null = null): Promise<LibraryEntry[]> {
  const documents = await listDocuments(db, readableBy(viewerId));
  return documents
    .filter((doc) => doc.currentVersion)
    .map((doc) => toEntry(doc, doc.currentVersion!.wordCount));
}

/**
 * One reading's current version; `not_found` for an unknown slug. Services that have
 * already checked access (through a seminar) call it as is; pages showing the text to
 * a person use {@link getReadingFor}.
 */
export async function getReading(slug: string, db: Db = prisma): Promise<Reading> {
  return readingOf(await findReading(db, slug), db);
}

/** A reading `viewerId` (null: a visitor) may open; `not_found` otherwise, as if it did not exist. */
export async function getReadingFor(slug: string, viewerId: string | null, db: Db = prisma): Promise<Reading> {
  return readingOf(await findReadableDocument(slug, viewerId, db), db);
}

/**
 * As {@link getReadingFor} without the text: the reading's row and its current version's
 * id, number and size. For pages and services that check access but do not show the text.
 */
export async function findReadableDocument(slug: string, viewerId: string | null, db: Db = prisma) {
  const doc = await findReading(db, slug);
  if (doc.scope !== "seminar" || (await canReadDocument(db, viewerId, doc.id))) return doc;
  throw new AppError("not_found", `No reading called "${slug}".`);
}

/** The reading by slug with its current version (not its text); `not_found` without one. */
async function findReading(db: Db, slug: string) {
  const doc = await findDocumentBySlug(db, slug);
  if (!doc?.currentVersion) throw new AppError("not_found", `No reading called "${slug}".`);
  return { ...doc, currentVersion: doc.currentVersion };
}

async function readingOf(doc: Awaited<ReturnType<typeof findReading>>, db: Db): Promise<Reading> {
  const version = doc.currentVersion;
  return {
    ...toEntry(doc, version.wordCount),
    scope: doc.scope === "seminar" ? "seminar" : "library",
    documentId: doc.id,
    versionId: version.id,
    versionNumber: version.number,
    ...(await versionContent(db, version.id)),
  };
}

/** One stored version of a reading (any, not only the current one): number, date, text and body. */
export async function getVersion(documentId: string, number: number, db: Db = prisma) {
  const row = await db.documentVersion.findUnique({
    where: { documentId_number: { documentId, number } },
    select: { id: true, number: true, createdAt: true },
  });
  if (!row) throw new AppError("not_found", `This reading has no version ${number}.`);
  return { ...row, ...(await versionContent(db, row.id)) };
}

/** A version's text, blocks and rendered body, from memory after the first request. */
async function versionContent(db: Db, versionId: string): Promise<VersionContent> {
  const cached = versionCache.get(versionId);
  if (cached) return cached;
  const row = await findVersionContent(db, versionId);
  if (!row) throw new AppError("not_found", "This version of the reading no longer exists.");
  const blocks = JSON.parse(row.blocks) as Block[];
  const content = { text: row.canonicalText, blocks, html: renderReadingHtml(blocks) };
  if (versionCache.size >= MAX_CACHED_VERSIONS) versionCache.delete(versionCache.keys().next().value!);
  versionCache.set(versionId, content);
  return content;
}

function toEntry(
  doc: Pick<LibraryEntry, "slug" | "title" | "titleSupplied" | "author" | "publication" | "year" | "kind">,
  wordCount: number,
): LibraryEntry {
  return {
    slug: doc.slug,
    title: doc.title,
    titleSupplied: doc.titleSupplied,
    author: doc.author,
    publication: doc.publication,
    year: doc.year,
    kind: doc.kind,
    readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
  };
}

import "server-only";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Block } from "@/lib/documents/schema";
import { findDocumentBySlug, listDocuments, type Db } from "@/lib/documents/repo";

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
  documentId: string;
  versionId: string;
  versionNumber: number;
  text: string;
  blocks: Block[];
};

/** Every reading in the library, in its set order. */
export async function getLibrary(db: Db = prisma): Promise<LibraryEntry[]> {
  const documents = await listDocuments(db);
  return documents
    .filter((doc) => doc.currentVersion)
    .map((doc) => toEntry(doc, doc.currentVersion!.wordCount));
}

/** One reading's current version; `not_found` for an unknown slug. */
export async function getReading(slug: string, db: Db = prisma): Promise<Reading> {
  const doc = await findDocumentBySlug(db, slug);
  const version = doc?.currentVersion;
  if (!doc || !version) throw new AppError("not_found", `No reading called "${slug}".`);
  return {
    ...toEntry(doc, version.wordCount),
    documentId: doc.id,
    versionId: version.id,
    versionNumber: version.number,
    text: version.canonicalText,
    blocks: JSON.parse(version.blocks) as Block[],
  };
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

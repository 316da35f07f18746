import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/annotations/repo";
import { EXCERPT_CHARS } from "@/lib/annotations/schema";

/**
 * The queries of a reading's list. They read whatever any viewer might be shown and
 * leave every decision of who sees what to list-view.ts, which applies the rules of
 * permissions.ts: nothing here filters by viewer.
 */

/** A reading as the list looks it up, with a stamp of the database's state when it did. */
export type ListedReading = {
  id: string;
  slug: string;
  currentVersionId: string | null;
  /**
   * Rows changed through this connection since it opened, and commits by any other
   * connection (SQLite's `total_changes()` and `data_version`): equal stamps mean
   * nothing in the database changed in between, which lets the list reuse what it read
   * (list-cache.ts). SQLite's own counters: unlike the list's other queries, not portable.
   */
  stamp: string;
};

/** A reading by slug with the state stamp, or null. */
export async function findListedReading(db: Db, slug: string): Promise<ListedReading | null> {
  const rows = await db.$queryRaw<{ id: string; currentVersionId: string | null; changes: number | bigint; dataVersion: number | bigint }[]>(Prisma.sql`
    SELECT d."id", d."currentVersionId", total_changes() AS "changes", (SELECT data_version FROM pragma_data_version) AS "dataVersion"
    FROM "Document" d WHERE d."slug" = ${slug}`);
  const row = rows[0];
  return row ? { id: row.id, slug, currentVersionId: row.currentVersionId, stamp: `${row.changes}:${row.dataVersion}` } : null;
}

/** A note of a reading as the list reads it, whoever it is for. */
export type NoteListRow = {
  id: string;
  authorId: string;
  authorName: string;
  /** The author's role in the note's seminar; null once they have left it. */
  authorRole: string | null;
  versionId: string;
  selectors: string;
  /** Only for orphaned notes (the list shows their original quote); null otherwise. */
  originalSelectors: string | null;
  anchorStatus: string;
  motivation: string;
  tags: string;
  visibility: string;
  hidden: boolean;
  deletedAt: Date | null;
  revision: number;
  createdAt: Date;
  /** The first EXCERPT_CHARS + 1 characters of the body's text (null: no body), all an excerpt needs. */
  bodyStart: string | null;
  /** Replies under the note neither deleted nor hidden: every viewer of the note reads them. */
  openReplies: number | bigint;
};

/**
 * Every note of one reading in one seminar, with its author's name and role and how
 * many of its replies are neither deleted nor hidden (an index covers that count), in
 * one query. Portable SQL, like the repo's other raw queries.
 */
export function listNoteRows(db: Db, seminarId: string, documentId: string): Promise<NoteListRow[]> {
  return db.$queryRaw<NoteListRow[]>(Prisma.sql`
    SELECT n."id", n."authorId", u."name" AS "authorName", m."role" AS "authorRole", n."versionId", n."selectors",
      CASE WHEN n."anchorStatus" = 'orphaned' THEN n."originalSelectors" END AS "originalSelectors",
      n."anchorStatus", n."motivation", n."tags", n."visibility", n."hidden", n."deletedAt", n."revision", n."createdAt",
      SUBSTR(n."bodyText", 1, ${EXCERPT_CHARS + 1}) AS "bodyStart",
      (SELECT COUNT(*) FROM "Reply" r WHERE r."noteId" = n."id" AND r."deletedAt" IS NULL AND r."hidden" = false) AS "openReplies"
    FROM "Note" n
    JOIN "User" u ON u."id" = n."authorId"
    LEFT JOIN "Membership" m ON m."seminarId" = n."seminarId" AND m."userId" = n."authorId"
    WHERE n."seminarId" = ${seminarId} AND n."documentId" = ${documentId}`);
}

/** The body text of every note of a reading in a seminar, for a search (the list reads no more than an excerpt otherwise). */
export function listNoteTexts(db: Db, seminarId: string, documentId: string): Promise<{ id: string; bodyText: string | null }[]> {
  return db.$queryRaw<{ id: string; bodyText: string | null }[]>(Prisma.sql`
    SELECT n."id", n."bodyText" FROM "Note" n WHERE n."seminarId" = ${seminarId} AND n."documentId" = ${documentId}`);
}

/** Hidden, undeleted replies on a reading's notes, counted per note and author. */
export type HiddenRepliesRow = { noteId: string; authorId: string; count: number | bigint };

/** How many hidden replies each author has under each note of a reading (their author and instructors still read them). */
export function listHiddenReplies(db: Db, seminarId: string, documentId: string): Promise<HiddenRepliesRow[]> {
  return db.$queryRaw<HiddenRepliesRow[]>(Prisma.sql`
    SELECT r."noteId", r."authorId", COUNT(*) AS "count"
    FROM "Reply" r JOIN "Note" n ON n."id" = r."noteId"
    WHERE n."seminarId" = ${seminarId} AND n."documentId" = ${documentId} AND r."deletedAt" IS NULL AND r."hidden" = true
    GROUP BY r."noteId", r."authorId"`);
}

/** What a card shows beyond a note's summary. */
export type NoteCardRow = { id: string; originalVersionId: string; updatedAt: Date; bodyHtml: string | null };

/** The card columns of these notes of a reading in a seminar (the caller decides which the viewer may see). */
export function listCardRows(db: Db, seminarId: string, documentId: string, ids: string[]): Promise<NoteCardRow[]> {
  return db.$queryRaw<NoteCardRow[]>(Prisma.sql`
    SELECT n."id", n."originalVersionId", n."updatedAt", n."bodyHtml" FROM "Note" n
    WHERE n."seminarId" = ${seminarId} AND n."documentId" = ${documentId} AND n."id" IN (${Prisma.join(ids)})`);
}

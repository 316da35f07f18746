import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/seminars/schema";

/** The Prisma client, or the client of an open interactive transaction. */
export type Db = PrismaClient | Prisma.TransactionClient;

const authorSelect = { select: { id: true, name: true } } as const;
const noteInclude = { author: authorSelect, document: { select: { slug: true } } } as const;

/** A stored note with its author's name and its reading's slug. */
export type NoteRecord = Prisma.NoteGetPayload<{ include: typeof noteInclude }>;
/** A stored reply with its author's name. */
export type ReplyRow = Prisma.ReplyGetPayload<{ include: { author: typeof authorSelect } }>;

/**
 * The notes of a seminar a member may see, as a database filter: their own, and
 * others' seminar notes (hidden ones for instructors only). Lists and counts both go
 * through it, so a private note cannot leak through either.
 */
export function visibleNotesWhere(seminarId: string, viewer: Viewer): Prisma.NoteWhereInput {
  const shared: Prisma.NoteWhereInput =
    viewer.role === "instructor" ? { visibility: "seminar" } : { visibility: "seminar", hidden: false };
  return { seminarId, OR: [{ authorId: viewer.userId }, shared] };
}

/** Notes the viewer may see in a seminar, counted per reading (placeholders not counted). */
export async function countVisibleNotesByDocument(db: Db, seminarId: string, viewer: Viewer): Promise<Map<string, number>> {
  const rows = await db.note.groupBy({
    by: ["documentId"],
    where: { AND: [visibleNotesWhere(seminarId, viewer), { deletedAt: null }] },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.documentId, row._count._all]));
}

/** One note by id (no permission check: the service does that), or null. */
export function findNote(db: Db, id: string): Promise<NoteRecord | null> {
  return db.note.findUnique({ where: { id }, include: noteInclude });
}

/** Every reply of these notes, flat. */
export function listReplies(db: Db, noteIds: string[]): Promise<ReplyRow[]> {
  return db.reply.findMany({ where: { noteId: { in: noteIds } }, include: { author: authorSelect } });
}

/** One reply by id, or null. */
export function findReply(db: Db, id: string): Promise<ReplyRow | null> {
  return db.reply.findUnique({ where: { id }, include: { author: authorSelect } });
}

/** Roles in a seminar of the given people (those no longer members are absent). */
export async function memberRoles(db: Db, seminarId: string, userIds: string[]): Promise<Map<string, string>> {
  const rows = await db.membership.findMany({ where: { seminarId, userId: { in: [...new Set(userIds)] } } });
  return new Map(rows.map((row) => [row.userId, row.role]));
}

/** A reading by slug with the version a note names (null when either is unknown). */
export async function findReadingVersion(db: Db, slug: string, versionId: string) {
  const document = await db.document.findUnique({ where: { slug }, select: { id: true, slug: true } });
  if (!document) return null;
  const version = await db.documentVersion.findFirst({
    where: { id: versionId, documentId: document.id },
    select: { id: true, canonicalText: true },
  });
  return { document, version };
}

/** A reading's id by slug, or null. */
export function findDocumentId(db: Db, slug: string) {
  return db.document.findUnique({ where: { slug }, select: { id: true } });
}

/** Stores a new note. */
export function insertNote(db: Db, data: Prisma.NoteUncheckedCreateInput): Promise<NoteRecord> {
  return db.note.create({ data, include: noteInclude });
}

/**
 * Updates a note only if it is still at `revision`, and moves it to the next one.
 * Returns false when someone else's edit got there first.
 */
export async function updateNoteAtRevision(db: Db, id: string, revision: number, data: Prisma.NoteUncheckedUpdateInput) {
  const result = await db.note.updateMany({ where: { id, revision }, data: { ...data, revision: { increment: 1 } } });
  return result.count === 1;
}

/** Sets a note's moderation flag. */
export function setNoteHidden(db: Db, id: string, hidden: boolean, byUserId: string) {
  return db.note.update({ where: { id }, data: { hidden, hiddenById: hidden ? byUserId : null, hiddenAt: hidden ? new Date() : null } });
}

/** Deletes a note and its replies. */
export function deleteNote(db: Db, id: string) {
  return db.note.delete({ where: { id } });
}

/** Turns a note into a placeholder: content gone, anchor and thread kept. */
export function markNoteDeleted(db: Db, id: string) {
  return db.note.update({
    where: { id },
    data: { deletedAt: new Date(), bodyJson: null, bodyHtml: null, bodyText: null, tags: "[]", revision: { increment: 1 } },
  });
}

/** How many replies a note has (any state). */
export function countNoteReplies(db: Db, noteId: string) {
  return db.reply.count({ where: { noteId } });
}

/** How many replies answer this reply (any state). */
export function countChildren(db: Db, replyId: string) {
  return db.reply.count({ where: { parentId: replyId } });
}

/** Stores a new reply. */
export function insertReply(db: Db, data: Prisma.ReplyUncheckedCreateInput): Promise<ReplyRow> {
  return db.reply.create({ data, include: { author: authorSelect } });
}

/** As `updateNoteAtRevision`, for a reply. */
export async function updateReplyAtRevision(db: Db, id: string, revision: number, data: Prisma.ReplyUncheckedUpdateInput) {
  const result = await db.reply.updateMany({ where: { id, revision }, data: { ...data, revision: { increment: 1 } } });
  return result.count === 1;
}

/** Sets a reply's moderation flag. */
export function setReplyHidden(db: Db, id: string, hidden: boolean, byUserId: string) {
  return db.reply.update({ where: { id }, data: { hidden, hiddenById: hidden ? byUserId : null, hiddenAt: hidden ? new Date() : null } });
}

/** Deletes one reply. */
export function deleteReply(db: Db, id: string) {
  return db.reply.delete({ where: { id } });
}

/** Turns a reply into a placeholder that keeps the replies under it. */
export function markReplyDeleted(db: Db, id: string) {
  return db.reply.update({
    where: { id },
    data: { deletedAt: new Date(), bodyJson: null, bodyHtml: null, bodyText: null, revision: { increment: 1 } },
  });
}

/** A reading's current version with its canonical text (null: no such reading or no version yet). */
export async function findCurrentVersionText(db: Db, documentId: string): Promise<{ id: string; canonicalText: string } | null> {
  const document = await db.document.findUnique({
    where: { id: documentId },
    select: { currentVersion: { select: { id: true, canonicalText: true } } },
  });
  return document?.currentVersion ?? null;
}

/** A note's anchor as re-anchoring reads it. */
export type NoteAnchorRow = { id: string; versionId: string; selectors: string; anchorStatus: string };

/**
 * The notes of a reading that are not on `versionId` (made on, or last placed on, an
 * older version), placeholders included: their anchor still carries the thread.
 */
export function listNotesOffVersion(db: Db, documentId: string, versionId: string): Promise<NoteAnchorRow[]> {
  return db.note.findMany({
    where: { documentId, versionId: { not: versionId } },
    select: { id: true, versionId: true, selectors: true, anchorStatus: true },
    orderBy: { id: "asc" },
  });
}

/**
 * Moves a note's anchor onto another version, only if it is still on `fromVersionId`
 * (so a concurrent run cannot place it twice). Leaves `revision` alone: the note's
 * content did not change, and an edit in progress must not get a 409 for it.
 * Returns false when the note had moved on or is gone.
 */
export async function moveNoteAnchor(
  db: Db,
  id: string,
  fromVersionId: string,
  data: { versionId: string; selectors: string; anchorStatus: string },
): Promise<boolean> {
  const result = await db.note.updateMany({ where: { id, versionId: fromVersionId }, data });
  return result.count === 1;
}

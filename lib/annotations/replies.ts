import "server-only";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { loadVisibleNote, loadVisibleReply } from "@/lib/annotations/access";
import { canSeeReply, notePermissions } from "@/lib/annotations/permissions";
import {
  countChildren,
  countNoteReplies,
  deleteNote,
  deleteReply as removeReply,
  findNote,
  findReply,
  insertReply,
  markReplyDeleted,
  memberRoles,
  setReplyHidden as storeReplyHidden,
  updateReplyAtRevision,
  type Db,
  type ReplyRow,
} from "@/lib/annotations/repo";
import { prepareBody } from "@/lib/annotations/sanitize";
import type { CreateReplyInput, ReplyView, UpdateReplyInput } from "@/lib/annotations/schema";
import { buildThread } from "@/lib/annotations/thread";
import { noteFacts, replyFacts, replyRecord } from "@/lib/annotations/view";
import type { Viewer } from "@/lib/seminars/schema";
import { liveEvents, replyEvent, type LiveEvents } from "@/lib/realtime/emit";

/**
 * Replies in a note's thread. Whoever may see a note may reply to it (and to the
 * replies they can read); authors edit and delete their own; instructors hide.
 */

async function replyView(db: Db, row: ReplyRow, seminarId: string, viewer: Viewer, noteOpen: boolean): Promise<ReplyView> {
  const roles = await memberRoles(db, seminarId, [row.authorId]);
  // A single reply is a one-node thread: the same rules decide what it shows.
  const [view] = buildThread([{ ...replyRecord(row, roles), parentId: null }], viewer, noteOpen);
  if (!view) throw new AppError("not_found", "No such reply.");
  return { ...view, parentId: row.parentId };
}

/** Replies to a note, or to a reply in its thread (`parentId`). 409 when the note or reply no longer takes replies. */
export async function createReply(db: Db, actor: Actor, noteId: string, input: CreateReplyInput, events: LiveEvents = liveEvents): Promise<ReplyView> {
  const { note, viewer } = await loadVisibleNote(db, actor, noteId);
  const open = notePermissions(noteFacts(note), viewer).reply;
  if (!open) throw new AppError("conflict", "This note no longer takes replies.");
  if (input.parentId) {
    const parent = await findReply(db, input.parentId);
    if (!parent || parent.noteId !== noteId || !canSeeReply(replyFacts(parent), viewer)) {
      throw new AppError("not_found", "No such reply in this thread.");
    }
    if (parent.deletedAt || parent.hidden) throw new AppError("conflict", "That reply no longer takes replies.");
  }
  const body = prepareBody(input.body);
  const row = await insertReply(db, { noteId, parentId: input.parentId ?? null, authorId: actor.id, ...body });
  await events.emit(db, replyEvent("reply.created", actor.id, note, row));
  return replyView(db, row, note.seminarId, viewer, open);
}

/** Edits the actor's own reply; a stale `revision` → 409 with the current reply in `details.current`. */
export async function updateReply(db: Db, actor: Actor, replyId: string, input: UpdateReplyInput, events: LiveEvents = liveEvents): Promise<ReplyView> {
  const { reply, note, viewer } = await loadVisibleReply(db, actor, replyId);
  if (reply.authorId !== actor.id) throw new AppError("forbidden", "Only its author can edit a reply.");
  if (reply.deletedAt) throw new AppError("conflict", "This reply was deleted.");
  const open = notePermissions(noteFacts(note), viewer).reply;
  const stale = async () =>
    new AppError("conflict", "This reply was changed since you started editing.", {
      current: await replyView(db, (await findReply(db, replyId))!, note.seminarId, viewer, open),
    });
  if (input.revision !== reply.revision) throw await stale();
  const body = prepareBody(input.body);
  if (!(await updateReplyAtRevision(db, replyId, input.revision, body))) throw await stale();
  await events.emit(db, replyEvent("reply.updated", actor.id, note, reply));
  return replyView(db, (await findReply(db, replyId))!, note.seminarId, viewer, open);
}

/**
 * Deletes the actor's own reply: a placeholder while replies hang below it, else
 * removed, and then any deleted placeholders above it (or a deleted note) that no
 * longer hold anything are removed too.
 */
export async function deleteReply(
  db: Db,
  actor: Actor,
  replyId: string,
  events: LiveEvents = liveEvents,
): Promise<{ id: string; outcome: "deleted" | "placeholder" }> {
  const { reply, note } = await loadVisibleReply(db, actor, replyId);
  if (reply.authorId !== actor.id) throw new AppError("forbidden", "Only its author can delete a reply.");
  if (reply.deletedAt) return { id: replyId, outcome: "placeholder" };
  if ((await countChildren(db, replyId)) > 0) {
    await markReplyDeleted(db, replyId);
    await events.emit(db, replyEvent("reply.deleted", actor.id, note, reply));
    return { id: replyId, outcome: "placeholder" };
  }
  await removeReply(db, replyId);
  await pruneEmptyPlaceholders(db, reply.noteId, reply.parentId);
  await events.emit(db, replyEvent("reply.deleted", actor.id, note, reply));
  return { id: replyId, outcome: "deleted" };
}

async function pruneEmptyPlaceholders(db: Db, noteId: string, parentId: string | null): Promise<void> {
  let current = parentId;
  while (current) {
    const parent = await findReply(db, current);
    if (!parent?.deletedAt || (await countChildren(db, current)) > 0) return;
    await removeReply(db, current);
    current = parent.parentId;
  }
  const note = await findNote(db, noteId);
  if (note?.deletedAt && (await countNoteReplies(db, noteId)) === 0) await deleteNote(db, noteId);
}

/** Hides or unhides a reply. Instructors of the note's seminar only (403 for others). */
export async function setReplyHidden(
  db: Db,
  actor: Actor,
  replyId: string,
  hidden: boolean,
  events: LiveEvents = liveEvents,
): Promise<ReplyView> {
  const { reply, note, viewer } = await loadVisibleReply(db, actor, replyId);
  if (viewer.role !== "instructor") throw new AppError("forbidden", "Only the seminar's instructors can hide replies.");
  await storeReplyHidden(db, replyId, hidden, actor.id);
  await events.emit(db, replyEvent(hidden ? "reply.hidden" : "reply.unhidden", actor.id, note, reply));
  const open = notePermissions(noteFacts(note), viewer).reply;
  return replyView(db, (await findReply(db, replyId))!, note.seminarId, viewer, open);
}

import "server-only";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { canSeeNote, canSeeReply } from "@/lib/annotations/permissions";
import { findNote, findReply, listReplies, memberRoles, type Db, type NoteRecord, type ReplyRow } from "@/lib/annotations/repo";
import { noteFacts, noteView, replyFacts } from "@/lib/annotations/view";
import type { NoteView } from "@/lib/annotations/schema";
import { findViewer } from "@/lib/seminars/membership";
import type { Viewer } from "@/lib/seminars/schema";

/**
 * The one gate to a single note or reply: anything the actor may not see answers
 * 404, exactly like an id that does not exist, so ids reveal nothing.
 */

const notFound = () => new AppError("not_found", "No such note.");

/** A note the actor may see, with their place in its seminar; 404 otherwise. */
export async function loadVisibleNote(db: Db, actor: Actor, noteId: string): Promise<{ note: NoteRecord; viewer: Viewer }> {
  const note = await findNote(db, noteId);
  if (!note) throw notFound();
  const viewer = await findViewer(db, actor, note.seminarId);
  if (!viewer || !canSeeNote(noteFacts(note), viewer)) throw notFound();
  return { note, viewer };
}

/** A reply the actor may read, with its note and their place; 404 otherwise. */
export async function loadVisibleReply(
  db: Db,
  actor: Actor,
  replyId: string,
): Promise<{ reply: ReplyRow; note: NoteRecord; viewer: Viewer }> {
  const reply = await findReply(db, replyId);
  if (!reply) throw new AppError("not_found", "No such reply.");
  const { note, viewer } = await loadVisibleNote(db, actor, reply.noteId).catch(() => {
    throw new AppError("not_found", "No such reply.");
  });
  if (!canSeeReply(replyFacts(reply), viewer)) throw new AppError("not_found", "No such reply.");
  return { reply, note, viewer };
}

/** The full view of one note for a viewer (its thread included); 404 if nothing is left to see. */
export async function viewOfNote(db: Db, note: NoteRecord, viewer: Viewer): Promise<NoteView> {
  const replies = await listReplies(db, [note.id]);
  const roles = await memberRoles(db, note.seminarId, [note.authorId, ...replies.map((r) => r.authorId)]);
  const view = noteView(note, replies, roles, viewer);
  if (!view) throw notFound();
  return view;
}

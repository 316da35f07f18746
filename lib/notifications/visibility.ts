import "server-only";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/annotations/repo";
import type { NoteView, ReplyView } from "@/lib/annotations/schema";
import { getNote } from "@/lib/annotations/service";
import { flattenThread } from "@/lib/annotations/thread";

/**
 * What a person may see of a note or reply, asked of the annotation service itself:
 * notifications are created and listed only through these.
 */

/** The note as `actor` may see it now, or null where `getNote` answers 404. */
export async function noteAs(db: Db, actor: Actor, noteId: string): Promise<NoteView | null> {
  try {
    return await getNote(db, actor, noteId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}

/** The reply inside a note view, if the viewer can read it (not a placeholder). */
export function readableReply(view: NoteView, replyId: string): ReplyView | null {
  return flattenThread(view.replies).find((reply) => reply.id === replyId && reply.placeholder === null) ?? null;
}

import type { ItemPermissions, Visibility } from "@/lib/annotations/schema";
import type { Viewer } from "@/lib/seminars/schema";

/**
 * Who may see and do what with notes and replies, as pure rules over a member of the
 * note's seminar (the service first makes sure the actor is one). Private means
 * "only me": not even an instructor sees another's private note. Hidden items stay
 * visible to their author (marked hidden) and to instructors.
 */

/** The facts about a note that the rules need. */
export type NoteFacts = { authorId: string; visibility: Visibility; hidden: boolean; deleted: boolean };
/** The facts about a reply that the rules need. */
export type ReplyFacts = { authorId: string; hidden: boolean; deleted: boolean };

/** May this member see this note at all? */
export function canSeeNote(note: NoteFacts, viewer: Viewer): boolean {
  if (note.authorId === viewer.userId) return true;
  if (note.visibility !== "seminar") return false;
  return !note.hidden || viewer.role === "instructor";
}

/** May this member read this reply's content (given they can see its note)? */
export function canSeeReply(reply: ReplyFacts, viewer: Viewer): boolean {
  return !reply.hidden || reply.authorId === viewer.userId || viewer.role === "instructor";
}

/** What a member who can see a note may do with it. */
export function notePermissions(note: NoteFacts, viewer: Viewer): ItemPermissions {
  const own = note.authorId === viewer.userId && !note.deleted;
  return {
    edit: own,
    delete: own,
    hide: viewer.role === "instructor" && note.visibility === "seminar" && !note.deleted,
    reply: canSeeNote(note, viewer) && !note.deleted && !note.hidden,
  };
}

/** What a member who can see a reply may do with it; `noteOpen`: the note takes replies. */
export function replyPermissions(reply: ReplyFacts, viewer: Viewer, noteOpen: boolean): ItemPermissions {
  const own = reply.authorId === viewer.userId && !reply.deleted;
  return {
    edit: own,
    delete: own,
    hide: viewer.role === "instructor" && !reply.deleted,
    reply: noteOpen && !reply.deleted && !reply.hidden,
  };
}

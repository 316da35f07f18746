import type { ItemPermissions } from "@/lib/annotations/schema";
import { canSeeNote, notePermissions, type NoteFacts } from "@/lib/annotations/permissions";
import type { Viewer } from "@/lib/seminars/schema";

/**
 * Who may see and do what with links: exactly the rules of notes (the same functions,
 * so the two cannot drift apart). Private means "only me", not even instructors see
 * another's private link; a hidden seminar link stays visible to its author (marked)
 * and to instructors; only instructors hide, only authors edit and delete. Replies
 * in a link's thread follow `canSeeReply` / `replyPermissions` of lib/annotations.
 */

/** The facts about a link that the rules need (the same as a note's). */
export type LinkFacts = NoteFacts;

/** May this member of the link's seminar see it at all? */
export function canSeeLink(link: LinkFacts, viewer: Viewer): boolean {
  return canSeeNote(link, viewer);
}

/** What a member who can see a link may do with it. */
export function linkPermissions(link: LinkFacts, viewer: Viewer): ItemPermissions {
  return notePermissions(link, viewer);
}

/** Only instructors see, confirm and dismiss suggested parallels. */
export function canDecideSuggestions(viewer: Viewer): boolean {
  return viewer.role === "instructor";
}

import type { AnchorStatus, AuthorView, BodyView, Motivation, NoteView, ReplyView, Visibility } from "@/lib/annotations/schema";
import { canSeeNote, notePermissions, type NoteFacts, type ReplyFacts } from "@/lib/annotations/permissions";
import { quoteOf, parseStoredSelectors } from "@/lib/annotations/selectors";
import { buildThread, countReplies, type ReplyRecord, type ThreadOrder } from "@/lib/annotations/thread";
import type { NoteRecord, ReplyRow } from "@/lib/annotations/repo";
import type { Role, Viewer } from "@/lib/seminars/schema";

/**
 * Turning stored rows into the views a viewer receives. Pure: the service loads the
 * rows and the authors' roles, these functions decide what of them is shown.
 */

/** A JSON column back to its value, or `fallback` when it is empty or unreadable. */
export function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** A stored body, or null when there is none (highlights, placeholders). */
export function bodyView(row: { bodyJson: string | null; bodyHtml: string | null; bodyText: string | null }): BodyView | null {
  if (row.bodyHtml === null) return null;
  return { json: parseJson(row.bodyJson, null), html: row.bodyHtml, text: row.bodyText ?? "" };
}

/** An author with their role in the seminar (null once they have left it). */
export function authorView(author: { id: string; name: string }, roles: Map<string, string>): AuthorView {
  return { id: author.id, name: author.name, role: (roles.get(author.id) as Role | undefined) ?? null };
}

/** The rule-relevant facts of a stored note. */
export function noteFacts(note: NoteRecord): NoteFacts {
  return { authorId: note.authorId, visibility: note.visibility as Visibility, hidden: note.hidden, deleted: note.deletedAt !== null };
}

/** The rule-relevant facts of a stored reply. */
export function replyFacts(row: Pick<ReplyRow, "authorId" | "hidden" | "deletedAt">): ReplyFacts {
  return { authorId: row.authorId, hidden: row.hidden, deleted: row.deletedAt !== null };
}

/** A stored reply (of a note's thread, or a link's with its id as `noteId`) as a thread record. */
export function replyRecord(row: ReplyRow, roles: Map<string, string>): ReplyRecord {
  return {
    id: row.id,
    noteId: row.noteId,
    parentId: row.parentId,
    authorId: row.authorId,
    author: authorView(row.author, roles),
    body: bodyView(row),
    hidden: row.hidden,
    deleted: row.deletedAt !== null,
    revision: row.revision,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * A note as this viewer may see it, with its thread. Returns null when the viewer
 * may not see it at all, or when it is a deleted placeholder whose thread has
 * nothing left this viewer can read.
 */
export function noteView(
  note: NoteRecord,
  replies: ReplyRow[],
  roles: Map<string, string>,
  viewer: Viewer,
  order: ThreadOrder = "oldest",
): NoteView | null {
  const facts = noteFacts(note);
  if (!canSeeNote(facts, viewer)) return null;
  const thread = buildThread(
    replies.map((row) => replyRecord(row, roles)),
    viewer,
    notePermissions(facts, viewer).reply,
    order,
  );
  if (facts.deleted && thread.length === 0) return null;
  return viewWithThread(note, roles, viewer, thread, countReplies(thread));
}

function viewWithThread(note: NoteRecord, roles: Map<string, string>, viewer: Viewer, thread: ReplyView[], replyCount: number): NoteView {
  const facts = noteFacts(note);
  const selectors = parseStoredSelectors(note.selectors);
  return {
    id: note.id,
    seminarId: note.seminarId,
    readingSlug: note.document.slug,
    versionId: note.versionId,
    originalVersionId: note.originalVersionId,
    selectors,
    originalSelectors: parseStoredSelectors(note.originalSelectors),
    anchorStatus: note.anchorStatus as AnchorStatus,
    quote: quoteOf(selectors),
    motivation: note.motivation as Motivation,
    body: facts.deleted ? null : bodyView(note),
    tags: facts.deleted ? [] : parseJson<string[]>(note.tags, []),
    visibility: facts.visibility,
    hidden: note.hidden,
    deleted: facts.deleted,
    author: facts.deleted ? null : authorView(note.author, roles),
    revision: note.revision,
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
    permissions: notePermissions(facts, viewer),
    replyCount,
    replies: thread,
  };
}

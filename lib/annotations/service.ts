import "server-only";
import { canReadDocument } from "@/lib/documents/access";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { loadVisibleNote, viewOfNote } from "@/lib/annotations/access";
import { normalizeTags } from "@/lib/annotations/filters";
import {
  countNoteReplies,
  deleteNote as removeNote,
  findNote,
  findReadingVersion,
  insertNote,
  listReplies,
  markNoteDeleted,
  setNoteHidden as storeNoteHidden,
  updateNoteAtRevision,
  type Db,
} from "@/lib/annotations/repo";
import { prepareBody } from "@/lib/annotations/sanitize";
import type { CreateNoteInput, ListNotesQuery, NoteCardsQuery, NoteSummary, NoteView, UpdateNoteInput } from "@/lib/annotations/schema";
import { validateSelectors } from "@/lib/annotations/selectors";
import { findListedReading } from "@/lib/annotations/list-query";
import { listReadingCards, listReadingNotes } from "@/lib/annotations/listing";
import { toWebAnnotation, type WebAnnotation } from "@/lib/annotations/w3c";
import { requireMembership } from "@/lib/seminars/membership";
import { liveEvents, noteEvent, type LiveEvents } from "@/lib/realtime/emit";

/**
 * Notes: every function takes the signed-in actor, checks what they may do once,
 * here, and returns only what they may see. Route handlers and pages call these.
 */

/**
 * The notes of one reading in one seminar that the actor may see, filtered and sorted,
 * as summaries: without their threads (only their sizes) or bodies (an excerpt stands
 * in). The panel fetches the cards it shows with `listNoteCards`.
 */
export async function listNotes(db: Db, actor: Actor, slug: string, query: ListNotesQuery): Promise<{ notes: NoteSummary[] }> {
  const viewer = await requireMembership(db, actor, query.seminar);
  const reading = await listedReading(db, slug);
  const filter = {
    q: query.q,
    tag: query.tag,
    authorId: query.author,
    motivation: query.motivation,
    mineOf: query.mine === "true" ? actor.id : undefined,
  };
  return { notes: await listReadingNotes(db, viewer, query.seminar, reading, { filter, order: query.sort ?? "position" }) };
}

/**
 * The cards of the listed notes named by `ids`: each note as `getNote` gives it, less
 * its thread (only its size), with its body's HTML. Notes the actor may not see, or
 * that are not on this reading in this seminar, are simply absent.
 */
export async function listNoteCards(db: Db, actor: Actor, slug: string, query: NoteCardsQuery): Promise<{ notes: NoteView[] }> {
  const viewer = await requireMembership(db, actor, query.seminar);
  const reading = await listedReading(db, slug);
  return { notes: await listReadingCards(db, viewer, query.seminar, reading, query.ids) };
}

async function listedReading(db: Db, slug: string) {
  const reading = await findListedReading(db, slug);
  if (!reading) throw new AppError("not_found", `No reading called "${slug}".`);
  return reading;
}

/** One note with its thread; 404 when the actor may not see it. */
export async function getNote(db: Db, actor: Actor, noteId: string): Promise<NoteView> {
  const { note, viewer } = await loadVisibleNote(db, actor, noteId);
  return viewOfNote(db, note, viewer);
}

/**
 * Creates a note on a reading in a seminar the actor belongs to. The selectors must
 * match the canonical text of the version named (400 otherwise); the body is
 * sanitised (413 beyond 20,000 characters).
 */
export async function createNote(
  db: Db,
  actor: Actor,
  slug: string,
  seminarId: string,
  input: CreateNoteInput,
  events: LiveEvents = liveEvents,
): Promise<NoteView> {
  const viewer = await requireMembership(db, actor, seminarId);
  const found = await findReadingVersion(db, slug, input.target.versionId);
  // A seminar's own reading is as unknown to anyone outside its seminars as a missing one.
  if (!found || !(await canReadDocument(db, actor.id, found.document.id))) throw new AppError("not_found", `No reading called "${slug}".`);
  if (!found.version) throw new AppError("not_found", "This reading has no such version.");
  const selectors = JSON.stringify(validateSelectors(found.version.canonicalText, input.target.selectors));
  const body = input.body ? prepareBody(input.body) : null;
  const note = await insertNote(db, {
    seminarId,
    authorId: actor.id,
    documentId: found.document.id,
    versionId: found.version.id,
    originalVersionId: found.version.id,
    selectors,
    originalSelectors: selectors,
    anchorStatus: "anchored",
    motivation: input.motivation,
    ...body,
    tags: JSON.stringify(normalizeTags(input.tags)),
    visibility: input.visibility,
  });
  await events.emit(db, noteEvent("note.created", actor.id, note));
  return viewOfNote(db, note, viewer);
}

/**
 * Edits the actor's own note. `input.revision` is the revision the edit started
 * from; if the note has moved on since, 409 with the current note in
 * `details.current` (nothing is overwritten).
 */
export async function updateNote(db: Db, actor: Actor, noteId: string, input: UpdateNoteInput, events: LiveEvents = liveEvents): Promise<NoteView> {
  const { note, viewer } = await loadVisibleNote(db, actor, noteId);
  if (note.authorId !== actor.id) throw new AppError("forbidden", "Only its author can edit a note.");
  if (note.deletedAt) throw new AppError("conflict", "This note was deleted.");
  const stale = async () =>
    new AppError("conflict", "This note was changed since you started editing.", {
      current: await viewOfNote(db, (await findNote(db, noteId))!, viewer),
    });
  if (input.revision !== note.revision) throw await stale();

  const motivation = input.motivation ?? note.motivation;
  let body: { bodyJson: string | null; bodyHtml: string | null; bodyText: string | null } | undefined;
  if (motivation === "highlighting") {
    if (input.body) throw new AppError("bad_request", "A highlight has no body; make it a comment first.");
    body = { bodyJson: null, bodyHtml: null, bodyText: null };
  } else if (input.body) body = prepareBody(input.body);
  else if (input.body === null || note.bodyHtml === null) throw new AppError("bad_request", "A comment needs a body.");

  if (input.visibility === "private" && note.visibility === "seminar") {
    const replies = await listReplies(db, [note.id]);
    if (replies.some((r) => r.authorId !== actor.id)) {
      throw new AppError("conflict", "Others have replied to this note, so it cannot become private.");
    }
  }
  const saved = await updateNoteAtRevision(db, noteId, input.revision, {
    motivation,
    ...body,
    ...(input.tags ? { tags: JSON.stringify(normalizeTags(input.tags)) } : {}),
    ...(input.visibility ? { visibility: input.visibility } : {}),
  });
  if (!saved) throw await stale(); // another edit landed between the read and the write
  await events.emit(db, noteEvent("note.updated", actor.id, note));
  return viewOfNote(db, (await findNote(db, noteId))!, viewer);
}

/**
 * Deletes the actor's own note. With replies under it, it becomes a placeholder that
 * keeps the thread ("placeholder"); without, it is removed ("deleted").
 */
export async function deleteNote(
  db: Db,
  actor: Actor,
  noteId: string,
  events: LiveEvents = liveEvents,
): Promise<{ id: string; outcome: "deleted" | "placeholder" }> {
  const { note } = await loadVisibleNote(db, actor, noteId);
  if (note.authorId !== actor.id) throw new AppError("forbidden", "Only its author can delete a note.");
  if (note.deletedAt) return { id: noteId, outcome: "placeholder" };
  if ((await countNoteReplies(db, noteId)) > 0) {
    await markNoteDeleted(db, noteId);
    await events.emit(db, noteEvent("note.deleted", actor.id, note));
    return { id: noteId, outcome: "placeholder" };
  }
  await removeNote(db, noteId);
  await events.emit(db, noteEvent("note.deleted", actor.id, note));
  return { id: noteId, outcome: "deleted" };
}

/** Hides or unhides a seminar note. Instructors of its seminar only (403 for others). */
export async function setNoteHidden(db: Db, actor: Actor, noteId: string, hidden: boolean, events: LiveEvents = liveEvents): Promise<NoteView> {
  const { note, viewer } = await loadVisibleNote(db, actor, noteId);
  if (viewer.role !== "instructor") throw new AppError("forbidden", "Only the seminar's instructors can hide notes.");
  if (note.visibility !== "seminar") throw new AppError("forbidden", "A private note is seen by its author only; there is nothing to hide.");
  await storeNoteHidden(db, noteId, hidden, actor.id);
  await events.emit(db, noteEvent(hidden ? "note.hidden" : "note.unhidden", actor.id, note));
  return viewOfNote(db, (await findNote(db, noteId))!, viewer);
}

/** One note as a W3C Web Annotation (JSON-LD); same visibility as `getNote`. */
export async function exportNote(db: Db, actor: Actor, noteId: string, baseUrl: string): Promise<WebAnnotation> {
  const note = await getNote(db, actor, noteId);
  if (note.deleted) throw new AppError("not_found", "This note was deleted.");
  return toWebAnnotation(note, { baseUrl });
}

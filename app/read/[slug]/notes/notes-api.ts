import type { BodyInput, CreateNoteInput, NoteView, ReplyView, UpdateNoteInput } from "@/lib/annotations/schema";
import { ApiError, callApi } from "@/lib/http/client";

/**
 * The notes panel's calls to the API, one per route, typed by the answers the route
 * handlers give. Errors arrive as `ApiError` with the server's message.
 */

type Outcome = { id: string; outcome: "deleted" | "placeholder" };

export async function createNote(slug: string, seminarId: string, input: CreateNoteInput): Promise<NoteView> {
  const url = `/api/readings/${encodeURIComponent(slug)}/notes?seminar=${encodeURIComponent(seminarId)}`;
  return (await callApi<{ note: NoteView }>("POST", url, input)).note;
}

/**
 * The cards of these listed notes: each complete but for its thread (only its size).
 * A note the reader may no longer see is absent from the answer.
 */
export async function fetchNoteCards(slug: string, seminarId: string, ids: string[]): Promise<NoteView[]> {
  const url = `/api/readings/${encodeURIComponent(slug)}/notes?seminar=${encodeURIComponent(seminarId)}&ids=${ids.map(encodeURIComponent).join(",")}`;
  return (await callApi<{ notes: NoteView[] }>("GET", url)).notes;
}

export async function fetchNote(id: string): Promise<NoteView> {
  return (await callApi<{ note: NoteView }>("GET", `/api/notes/${encodeURIComponent(id)}`)).note;
}

/** PATCH; a stale `revision` → ApiError 409 whose `details.current` is the note as it is now. */
export async function updateNote(id: string, input: UpdateNoteInput): Promise<NoteView> {
  return (await callApi<{ note: NoteView }>("PATCH", `/api/notes/${encodeURIComponent(id)}`, input)).note;
}

export async function deleteNote(id: string): Promise<Outcome> {
  return callApi<Outcome>("DELETE", `/api/notes/${encodeURIComponent(id)}`);
}

export async function setNoteHidden(id: string, hidden: boolean): Promise<NoteView> {
  return (await callApi<{ note: NoteView }>("POST", `/api/notes/${encodeURIComponent(id)}/hide`, { hidden })).note;
}

export async function createReply(noteId: string, parentId: string | null, body: BodyInput): Promise<ReplyView> {
  const url = `/api/notes/${encodeURIComponent(noteId)}/replies`;
  return (await callApi<{ reply: ReplyView }>("POST", url, { parentId, body })).reply;
}

/** PATCH; a stale `revision` → ApiError 409 whose `details.current` is the reply as it is now. */
export async function updateReply(id: string, revision: number, body: BodyInput): Promise<ReplyView> {
  return (await callApi<{ reply: ReplyView }>("PATCH", `/api/replies/${encodeURIComponent(id)}`, { revision, body })).reply;
}

export async function deleteReply(id: string): Promise<Outcome> {
  return callApi<Outcome>("DELETE", `/api/replies/${encodeURIComponent(id)}`);
}

export async function setReplyHidden(id: string, hidden: boolean): Promise<ReplyView> {
  return (await callApi<{ reply: ReplyView }>("POST", `/api/replies/${encodeURIComponent(id)}/hide`, { hidden })).reply;
}

/** The item as it is now, when an edit failed because someone changed it first (409). */
export function currentOnConflict<T>(error: unknown): T | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const current = (error.details as { current?: T } | undefined)?.current;
  return current ?? null;
}

/** The message to show for a failed call: the server's own, or a plain one for a network failure. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return "Could not reach the server. Check your connection and try again.";
}

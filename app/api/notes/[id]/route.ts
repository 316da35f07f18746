// GET /api/notes/[id] – one note with its thread
// PATCH /api/notes/[id] – edit my note (409 with the current note when `revision` is stale)
// DELETE /api/notes/[id] – delete my note (a placeholder stays while it has replies)
import { route } from "@/lib/http/route";
import { updateNoteInput } from "@/lib/annotations/schema";
import { deleteNote, getNote, updateNote } from "@/lib/annotations/service";

export const GET = route<{ id: string }>(async ({ db, actor, params }) => ({ note: await getNote(db, await actor(), params.id) }));

export const PATCH = route<{ id: string }>(async ({ db, actor, params, body }) => {
  const user = await actor();
  return { note: await updateNote(db, user, params.id, await body(updateNoteInput)) };
});

export const DELETE = route<{ id: string }>(async ({ db, actor, params }) => deleteNote(db, await actor(), params.id));

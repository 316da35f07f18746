// GET /api/readings/[slug]/notes?seminar=… – the notes I may see on a reading (filters: q, tag, author, motivation, mine, sort)
// POST /api/readings/[slug]/notes?seminar=… – make a note on a reading in that seminar
import { route } from "@/lib/http/route";
import { createNoteInput, listNotesQuery, seminarQuery } from "@/lib/annotations/schema";
import { createNote, listNotes } from "@/lib/annotations/service";

export const GET = route<{ slug: string }>(async ({ db, actor, params, query }) =>
  listNotes(db, await actor(), params.slug, query(listNotesQuery)),
);

export const POST = route<{ slug: string }>(
  async ({ db, actor, params, query, body }) => {
    const user = await actor();
    const { seminar } = query(seminarQuery);
    return { note: await createNote(db, user, params.slug, seminar, await body(createNoteInput)) };
  },
  { status: 201 },
);

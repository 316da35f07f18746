// GET /api/readings/[slug]/notes?seminar=… – the notes I may see on a reading, as summaries (filters: q, tag, author, motivation, mine, sort)
// GET /api/readings/[slug]/notes?seminar=…&ids=a,b – the cards of those notes: each complete but for its thread
// POST /api/readings/[slug]/notes?seminar=… – make a note on a reading in that seminar
import { route } from "@/lib/http/route";
import { createNoteInput, listNotesQuery, noteCardsQuery, seminarQuery } from "@/lib/annotations/schema";
import { createNote, listNoteCards, listNotes } from "@/lib/annotations/service";

export const GET = route<{ slug: string }>(async ({ db, actor, params, query, url }) => {
  const user = await actor();
  if (url.searchParams.has("ids")) return listNoteCards(db, user, params.slug, query(noteCardsQuery));
  return listNotes(db, user, params.slug, query(listNotesQuery));
});

export const POST = route<{ slug: string }>(
  async ({ db, actor, params, query, body }) => {
    const user = await actor();
    const { seminar } = query(seminarQuery);
    return { note: await createNote(db, user, params.slug, seminar, await body(createNoteInput)) };
  },
  { status: 201 },
);

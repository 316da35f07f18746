import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import type { Reading } from "@/lib/documents/service";
import { MAX_LISTED_IDS } from "@/lib/annotations/schema";
import { spanInVersion } from "@/lib/annotations/selectors";
import { listNoteCards, listNotes } from "@/lib/annotations/service";
import type { SeminarSummary } from "@/lib/seminars/schema";
import { listMySeminarsReading } from "@/lib/seminars/service";
import { seminarMembers } from "@/lib/notifications/repo";
import { locateIn } from "./live/reading-here";
import { loadLinksForReader, type ReaderLinks } from "./links/load-links";
import { loadQuestionsForReader } from "./questions/load-questions";
import { fillCards, isComplete, type NoteEntry } from "./notes/list-edits";
import { firstCards, placeNotes } from "./notes/order";

export type AnnotationContext =
  | { state: "signed-out" }
  | { state: "no-seminar"; user: Actor }
  | {
      state: "ready";
      user: Actor;
      seminars: SeminarSummary[];
      seminar: SeminarSummary;
      notes: NoteEntry[];
      spans: Record<string, { start: number; end: number } | null>;
      links: ReaderLinks;
      members: { id: string; name: string }[];
      questions: Awaited<ReturnType<typeof loadQuestionsForReader>>;
    };

/**
 * What the reader needs beside the text: who reads (the signed-in user, or null), in
 * which of their seminars (the one asked for, else the first that reads this reading),
 * the notes, links and questions they may see there, and where each passage is in the
 * version shown.
 */
export async function loadAnnotations(reading: Reading, user: Actor | null, seminarId: string | undefined): Promise<AnnotationContext> {
  if (!user) return { state: "signed-out" };
  const seminars = await listMySeminarsReading(prisma, user, reading.slug);
  const seminar = seminars.find((s) => s.id === seminarId) ?? seminars[0];
  if (!seminar) return { state: "no-seminar", user };
  const listed = (await listNotes(prisma, user, reading.slug, { seminar: seminar.id, sort: "position" })).notes;
  const locate = locateIn(() => reading.text);
  const spans = Object.fromEntries(listed.map((note) => [note.id, spanInVersion(note, reading.versionId, locate)]));
  const [notes, links, questions, members] = await Promise.all([
    withFirstCards(user, reading.slug, seminar.id, listed, spans),
    loadLinksForReader(prisma, user, reading.slug, seminar.id, reading),
    loadQuestionsForReader(prisma, user, reading.slug, seminar.id, reading),
    seminarMembers(prisma, seminar.id),
  ]);
  return { state: "ready", user, seminars, seminar, notes, spans, links, questions, members };
}

/**
 * The list with the cards the panel shows first in place of their summaries, so the
 * page arrives with them; the panel fetches the others as the reader goes on.
 */
async function withFirstCards(
  user: Actor,
  slug: string,
  seminarId: string,
  notes: NoteEntry[],
  spans: Record<string, { start: number; end: number } | null>,
): Promise<NoteEntry[]> {
  const ids = firstCards(placeNotes(notes, spans))
    .filter((note) => !isComplete(note))
    .map((note) => note.id);
  let filled = notes;
  for (let start = 0; start < ids.length; start += MAX_LISTED_IDS) {
    const batch = ids.slice(start, start + MAX_LISTED_IDS);
    const { notes: cards } = await listNoteCards(prisma, user, slug, { seminar: seminarId, ids: batch });
    filled = fillCards(filled, batch, cards);
  }
  return filled;
}

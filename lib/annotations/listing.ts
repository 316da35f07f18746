import { filterNotes, sortNotes, type NoteFilter, type NoteOrder } from "@/lib/annotations/filters";
import { readingNotes } from "@/lib/annotations/list-cache";
import { listCardRows, listNoteTexts, type ListedReading } from "@/lib/annotations/list-query";
import { cardFor, summaryFor } from "@/lib/annotations/list-view";
import type { Db } from "@/lib/annotations/repo";
import type { NoteSummary, NoteView } from "@/lib/annotations/schema";
import type { Viewer } from "@/lib/seminars/schema";

/**
 * The notes of one reading in one seminar for a member of it (the caller has checked
 * that), as summaries: the reading's notes (read once while nothing changes, see
 * list-cache.ts), those this viewer may see with the size of the thread they may read,
 * then the filter (a search reads the bodies' text) and the order. `lap` hears the end of each step
 * (tests/bench/support/listing-profile.ts).
 */
export async function listReadingNotes(
  db: Db,
  viewer: Viewer,
  seminarId: string,
  reading: ListedReading,
  request: { filter: NoteFilter; order: NoteOrder },
  lap: (step: string) => void = () => {},
): Promise<NoteSummary[]> {
  const notes = await readingNotes(db, seminarId, reading);
  lap("the reading's notes (readingNotes)");
  const summaries = notes.flatMap((note) => summaryFor(note, viewer) ?? []);
  lap("what this viewer sees (summaryFor)");
  const searching = Boolean(request.filter.q?.trim());
  const texts = new Map(searching ? (await listNoteTexts(db, seminarId, reading.id)).map((row) => [row.id, row.bodyText ?? ""]) : []);
  const filtered = filterNotes(summaries, request.filter, (note) => (note.deleted ? "" : (texts.get(note.id) ?? "")));
  // The notes come in text order already: readingNotes sorts them with compareNotes, as sortNotes would.
  const sorted = request.order === "position" ? filtered : sortNotes(filtered, request.order);
  lap("filter and order");
  return sorted;
}

/** The cards of these notes of a reading, for a member (checked by the caller): those the viewer may see, in text order. */
export async function listReadingCards(db: Db, viewer: Viewer, seminarId: string, reading: ListedReading, ids: string[]): Promise<NoteView[]> {
  const wanted = new Set(ids);
  const shown = (await readingNotes(db, seminarId, reading)).flatMap((note) => {
    const summary = wanted.has(note.summary.id) ? summaryFor(note, viewer) : null;
    return summary ? [{ note, summary }] : [];
  });
  if (shown.length === 0) return [];
  const rows = new Map((await listCardRows(db, seminarId, reading.id, shown.map((s) => s.summary.id))).map((row) => [row.id, row]));
  const context = { seminarId, readingSlug: reading.slug, currentVersionId: reading.currentVersionId };
  return shown.flatMap(({ note, summary }) => {
    const row = rows.get(summary.id);
    return row ? [cardFor(note, summary, row, context, viewer)] : [];
  });
}

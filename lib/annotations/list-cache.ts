import type { PrismaClient } from "@/lib/generated/prisma/client";
import { compareNotes } from "@/lib/annotations/filters";
import { listHiddenReplies, listNoteRows, type HiddenRepliesRow, type ListedReading } from "@/lib/annotations/list-query";
import { listedNote, type ListContext, type ListedNote } from "@/lib/annotations/list-view";
import type { Db } from "@/lib/annotations/repo";

/** Readings (in a seminar) whose notes are kept per database client. */
const MAX_READINGS = 32;

type Entry = { stamp: string; currentVersionId: string | null; notes: ListedNote[] };

const byClient = new WeakMap<object, Map<string, Entry>>();

/**
 * Every note of a reading in a seminar as any viewer's list starts from it, in text
 * order (orphans last, then by creation and id). What was read is kept and used again
 * while the reading's stamp (`findListedReading`) is unchanged, that is while no row
 * of the database changed: a busy reading is read once for all its readers, not once
 * per request. Nothing kept depends on the viewer; who sees what is decided afresh for
 * each one (`summaryFor`). Inside a transaction it reads and keeps nothing. The stamp
 * counts on the client's one connection, which the app keeps for its whole life: a
 * client that disconnects and connects again must not be handed to this afterwards.
 */
export async function readingNotes(db: Db, seminarId: string, reading: ListedReading): Promise<ListedNote[]> {
  const context: ListContext = { seminarId, readingSlug: reading.slug, currentVersionId: reading.currentVersionId };
  if (!isClient(db)) return loadReadingNotes(db, seminarId, reading.id, context);
  let kept = byClient.get(db);
  if (!kept) byClient.set(db, (kept = new Map()));
  const key = `${seminarId}:${reading.id}`;
  const entry = kept.get(key);
  if (entry && entry.stamp === reading.stamp && entry.currentVersionId === reading.currentVersionId) return entry.notes;
  const notes = await loadReadingNotes(db, seminarId, reading.id, context);
  kept.delete(key);
  kept.set(key, { stamp: reading.stamp, currentVersionId: reading.currentVersionId, notes });
  if (kept.size > MAX_READINGS) kept.delete(kept.keys().next().value!);
  return notes;
}

/** Every note of a reading in a seminar read afresh, in text order: what `readingNotes` keeps. */
export async function loadReadingNotes(db: Db, seminarId: string, documentId: string, context: ListContext): Promise<ListedNote[]> {
  const [rows, hidden] = await Promise.all([listNoteRows(db, seminarId, documentId), listHiddenReplies(db, seminarId, documentId)]);
  const hiddenByNote = new Map<string, HiddenRepliesRow[]>();
  for (const row of hidden) hiddenByNote.set(row.noteId, [...(hiddenByNote.get(row.noteId) ?? []), row]);
  const notes = rows.map((row) => listedNote(row, hiddenByNote.get(row.id) ?? [], context));
  const keyed = notes.map((note) => ({ note, key: { position: note.position, time: note.time, id: note.summary.id } }));
  keyed.sort((a, b) => compareNotes(a.key, b.key, "position"));
  return keyed.map((entry) => entry.note);
}

/** The client itself, not an open transaction (which may yet roll back). */
function isClient(db: Db): db is PrismaClient {
  return typeof (db as PrismaClient).$transaction === "function";
}

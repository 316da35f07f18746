import type { Motivation, NoteView } from "@/lib/annotations/schema";
import { startOf } from "@/lib/annotations/selectors";

/** What a reader narrows the notes of a reading to. Every field is optional. */
export type NoteFilter = {
  /** Words that must all appear (any case) in the quote, body, tags or author's name. */
  q?: string;
  /** A tag the note carries (any case). */
  tag?: string;
  /** The author's user id. */
  authorId?: string;
  motivation?: Motivation;
  /** Only the viewer's own notes. */
  mineOf?: string;
};

export type NoteOrder = "position" | "newest" | "oldest";

/** What filtering reads of a note (a summary has no body: its text comes from elsewhere). */
type Filterable = Pick<NoteView, "author" | "deleted" | "motivation" | "tags" | "quote"> & { body?: NoteView["body"] };
/** What ordering reads of a note. */
type Sortable = Pick<NoteView, "id" | "anchorStatus" | "selectors" | "createdAt">;

/**
 * Keeps the notes that pass every given criterion. It only ever narrows a list the
 * service already cut to what the viewer may see, so a search cannot reach further.
 * `bodyText` gives a note's body text for the words (a listed note carries no body).
 */
export function filterNotes<T extends Filterable>(notes: T[], filter: NoteFilter, bodyText: (note: T) => string = (note) => note.body?.text ?? ""): T[] {
  const terms = (filter.q ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const tag = filter.tag?.trim().toLowerCase();
  return notes.filter((note) => {
    if (filter.authorId && note.author?.id !== filter.authorId) return false;
    if (filter.mineOf && note.author?.id !== filter.mineOf) return false;
    if (filter.motivation && (note.deleted || note.motivation !== filter.motivation)) return false;
    if (tag && !note.tags.some((t) => t.toLowerCase() === tag)) return false;
    if (terms.length) {
      const haystack = [note.quote, bodyText(note), note.tags.join(" "), note.author?.name ?? ""].join("\n").toLowerCase();
      if (!terms.every((term) => haystack.includes(term))) return false;
    }
    return true;
  });
}

/** What notes are ordered by: where they sit in the text (orphans: infinity), creation time (ms) and id. */
export type OrderKey = { position: number; time: number; id: string };

/**
 * The one order of notes: by where they sit in the text, or by creation time. Ties
 * fall back to creation time and then id, so the order is stable. `sortNotes` and
 * the kept list of a reading (list-cache.ts) both sort with it.
 */
export function compareNotes(a: OrderKey, b: OrderKey, order: NoteOrder = "position"): number {
  const byTime = a.time - b.time;
  let primary = 0;
  if (order === "position") primary = a.position === b.position ? 0 : a.position < b.position ? -1 : 1;
  else if (order === "newest") primary = -byTime;
  else primary = byTime;
  return primary || byTime || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Orders notes (`compareNotes`): by where they sit in the text (orphans last), or by creation time. */
export function sortNotes<T extends Sortable>(notes: T[], order: NoteOrder = "position"): T[] {
  const keyed = notes.map((note) => ({
    note,
    key: {
      position: note.anchorStatus === "orphaned" ? Number.POSITIVE_INFINITY : startOf(note.selectors),
      time: Date.parse(note.createdAt),
      id: note.id,
    },
  }));
  keyed.sort((a, b) => compareNotes(a.key, b.key, order));
  return keyed.map((entry) => entry.note);
}

/** Tags as stored: trimmed, duplicates (any case) removed, first spelling kept. */
export function normalizeTags(tags: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, " ");
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

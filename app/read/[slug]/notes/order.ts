import { filterNotes } from "@/lib/annotations/filters";
import { quoteOf, startOf } from "@/lib/annotations/selectors";
import type { NoteEntry } from "./list-edits";

/**
 * Pure helpers of the notes panel: where each note sits, how the list is split and
 * narrowed, and what the counts say. No React, no DOM, so they are tested as tables.
 */

/** Cards the panel renders at first, and adds each time the reader reaches the end of the list. */
export const CARDS_PER_PAGE = 40;

/** A note's span in the current canonical text; null: its passage was not found there. */
export type NoteSpan = { start: number; end: number } | null;

/** The notes that were found in the text (in document order) and those that were not. */
export type PlacedNotes = { found: NoteEntry[]; notFound: NoteEntry[] };

/** What the reader narrowed the panel to. "" means "any" for author and tag. */
export type PanelFilter = { scope: "everyone" | "mine"; authorId: string; tag: string };

export const NO_FILTER: PanelFilter = { scope: "everyone", authorId: "", tag: "" };

/**
 * Where a note starts for ordering, or null when its passage is not in the text. A
 * note missing from `spans` (e.g. one just saved, before the reader re-anchors) is
 * placed by its stored position rather than flashing into "Passage not found".
 */
export function placeOf(note: NoteEntry, spans: Record<string, NoteSpan>): number | null {
  if (Object.hasOwn(spans, note.id)) return spans[note.id]?.start ?? null;
  const stored = startOf(note.selectors);
  return Number.isFinite(stored) ? stored : null;
}

/** Document order: by start, then creation time, then id, so the order is stable. */
export function placeNotes(notes: NoteEntry[], spans: Record<string, NoteSpan>): PlacedNotes {
  const found: { note: NoteEntry; start: number }[] = [];
  const notFound: NoteEntry[] = [];
  for (const note of notes) {
    const start = placeOf(note, spans);
    if (start === null) notFound.push(note);
    else found.push({ note, start });
  }
  found.sort((a, b) => a.start - b.start || byCreation(a.note, b.note));
  return { found: found.map((entry) => entry.note), notFound: [...notFound].sort(byCreation) };
}

/** The notes whose cards the panel renders first, before the reader scrolls or filters. */
export function firstCards(placed: PlacedNotes): NoteEntry[] {
  return [...placed.found.slice(0, CARDS_PER_PAGE), ...placed.notFound];
}

/**
 * The notes whose cards need their bodies when `limit` cards of those found are
 * rendered: those, every note not found (all of their cards are rendered), and the
 * next page, so that its bodies are there before the reader asks for more.
 */
export function cardsToFill(placed: PlacedNotes, limit: number): NoteEntry[] {
  return [...placed.found.slice(0, limit + CARDS_PER_PAGE), ...placed.notFound];
}

function byCreation(a: NoteEntry, b: NoteEntry): number {
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The passage a note was first made on: what a reader recognises when it is lost. */
export function originalQuote(note: NoteEntry): string {
  return quoteOf(note.originalSelectors ?? []) || note.quote;
}

/** Does this filter narrow anything? */
export function isFiltering(filter: PanelFilter): boolean {
  return filter.scope === "mine" || filter.authorId !== "" || filter.tag !== "";
}

/** The notes that pass the panel's filter (the shared `filterNotes` does the matching). */
export function applyPanelFilter(notes: NoteEntry[], filter: PanelFilter, viewerId: string): NoteEntry[] {
  return filterNotes(notes, {
    mineOf: filter.scope === "mine" ? viewerId : undefined,
    authorId: filter.authorId || undefined,
    tag: filter.tag || undefined,
  });
}

/** "12 notes" unfiltered, "12 notes · 3 shown" when a filter narrows the list. */
export function countLabel(total: number, shown: number, filtering: boolean): string {
  const all = `${total} ${total === 1 ? "note" : "notes"}`;
  return filtering ? `${all} · ${shown} shown` : all;
}

export type AuthorOption = { id: string; name: string; count: number };
export type TagOption = { tag: string; count: number };

/** Everyone who wrote a note in the list, with how many, by name. Placeholders have no author. */
export function authorOptions(notes: NoteEntry[]): AuthorOption[] {
  const byId = new Map<string, AuthorOption>();
  for (const note of notes) {
    if (!note.author) continue;
    const entry = byId.get(note.author.id) ?? { id: note.author.id, name: note.author.name, count: 0 };
    entry.count += 1;
    byId.set(note.author.id, entry);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || (a.id < b.id ? -1 : 1));
}

/**
 * Every tag in the list with the number of notes carrying it. Tags match in any case
 * (as `filterNotes` does), so "Stalin" and "stalin" are one option, first spelling kept.
 */
export function tagOptions(notes: NoteEntry[]): TagOption[] {
  const byKey = new Map<string, TagOption>();
  for (const note of notes) {
    const keys = new Set<string>();
    for (const tag of note.tags) {
      const key = tag.toLowerCase();
      if (keys.has(key)) continue;
      keys.add(key);
      const entry = byKey.get(key) ?? { tag, count: 0 };
      entry.count += 1;
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()].sort((a, b) => a.tag.localeCompare(b.tag, "en", { sensitivity: "base" }));
}

"use client";

import "./notes.css";
import { useCallback, useEffect, useId, useMemo, useRef, useState, type JSX } from "react";
import type { Selector } from "@/lib/anchoring/types";
import { ApiError } from "@/lib/http/client";
import { DraftNote } from "./draft-note";
import { dropNote, putNote, type NoteEntry } from "./list-edits";
import { NoteCard } from "./note-card";
import { fetchNote } from "./notes-api";
import { NotesFilters } from "./notes-filters";
import {
  CARDS_PER_PAGE,
  NO_FILTER,
  applyPanelFilter,
  authorOptions,
  cardsToFill,
  countLabel,
  isFiltering,
  placeNotes,
  tagOptions,
  type NoteSpan,
  type PanelFilter,
} from "./order";
import { PanelContext, noteCardSelector, type PanelTools } from "./panel-context";
import { useCards } from "./use-cards";

export type { NoteSpan } from "./order";

/** A new note being made from the reader's selection. */
export type NoteDraft = { versionId: string; selectors: Selector[]; quote: string; motivation: "highlighting" | "commenting" };

export type NotesPanelProps = {
  slug: string;
  seminarId: string;
  viewer: { id: string; name: string; role: "instructor" | "student" };
  /** The reader's list: summaries, and the complete notes of cards fetched or changed here. */
  notes: NoteEntry[];
  /** Note id → its span in the current canonical text (null: passage not found). */
  spans: Record<string, NoteSpan>;
  /** The note whose highlight was clicked: its card is scrolled to, marked and focused. */
  focusedId: string | null;
  /** "Show in text" on a card: the reader scrolls the text to the passage. */
  onFocusNote: (id: string) => void;
  /** The new list after any create, edit, delete, hide or reply. */
  onNotesChange: (notes: NoteEntry[]) => void;
  /** A new note from the reader's selection: its editor shows at the top, focused. */
  draft: NoteDraft | null;
  /** The draft was saved or cancelled. */
  onDraftDone: () => void;
  /** "Re-attach" on an orphaned note's card: the reader asks for a new passage. */
  onReattach?: (id: string) => void;
  /** Layout classes for the <aside> (width, stickiness, scrolling). */
  className?: string;
};

/** How long a focus request waits for its element to appear. */
const FOCUS_WAIT_MS = 2000;

/**
 * The notes of a reading beside its text: filters, the notes in document order,
 * those whose passage was lost, each card with its thread, and the editor of a new
 * note. The list lives with the reader (`notes`/`onNotesChange`); the panel keeps
 * only its own UI state, and fetches the cards it shows (a reading's list carries
 * summaries of its notes).
 */
export function NotesPanel(props: NotesPanelProps): JSX.Element {
  const { notes, spans, focusedId, draft, viewer } = props;
  const headingId = useId();
  const aside = useRef<HTMLElement>(null);
  const [filter, setFilter] = useState<PanelFilter>(NO_FILTER);
  const [status, setStatus] = useState({ text: "", serial: 0 });

  // Two calls may finish before the reader re-renders us: each change builds on the
  // latest list, not on the props of the render that started it.
  const latest = useRef(notes);
  useEffect(() => {
    latest.current = notes;
  }, [notes]);
  const callbacks = useRef(props);
  useEffect(() => {
    callbacks.current = props;
  });

  const update = useCallback((change: (list: NoteEntry[]) => NoteEntry[]) => {
    latest.current = change(latest.current);
    callbacks.current.onNotesChange(latest.current);
  }, []);

  const announce = useCallback((text: string) => setStatus((s) => ({ text, serial: s.serial + 1 })), []);
  useEffect(() => {
    if (!status.text) return;
    const timer = setTimeout(() => setStatus((s) => ({ ...s, text: "" })), 8000);
    return () => clearTimeout(timer);
  }, [status]);

  // Focus requests wait for their element: a new card exists only once the reader
  // has re-rendered us with the new list.
  const pendingFocus = useRef<{ selector: string; since: number } | null>(null);
  const [, setFocusTick] = useState(0);
  const requestFocus = useCallback((selector: string) => {
    pendingFocus.current = { selector, since: Date.now() };
    setFocusTick((n) => n + 1);
  }, []);
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    if (Date.now() - pending.since > FOCUS_WAIT_MS) {
      pendingFocus.current = null;
      return;
    }
    const target = aside.current?.querySelector<HTMLElement>(pending.selector);
    if (!target) return;
    pendingFocus.current = null;
    target.scrollIntoView({ block: "nearest" });
    target.focus({ preventScroll: true });
  });

  const reload = useCallback(
    async (noteId: string) => {
      try {
        const fresh = await fetchNote(noteId);
        update((list) => putNote(list, fresh));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) update((list) => dropNote(list, noteId));
        // Anything else: the list keeps what the last answer said; a reload fixes it.
      }
    },
    [update],
  );

  const authors = useMemo(() => authorOptions(notes), [notes]);
  const tags = useMemo(() => tagOptions(notes), [notes]);
  // A chosen author or tag that no note carries any more no longer narrows the list.
  const effective = useMemo<PanelFilter>(
    () => ({
      ...filter,
      authorId: authors.some((a) => a.id === filter.authorId) ? filter.authorId : "",
      tag: tags.some((t) => t.tag === filter.tag) ? filter.tag : "",
    }),
    [filter, authors, tags],
  );
  const filtering = isFiltering(effective);
  const shown = useMemo(() => applyPanelFilter(notes, effective, viewer.id), [notes, effective, viewer.id]);
  const placed = useMemo(() => placeNotes(shown, spans), [shown, spans]);
  // A reading may hold a thousand notes: cards are rendered a page at a time.
  const [limit, setLimit] = useState(CARDS_PER_PAGE);
  const toFill = useMemo(() => cardsToFill(placed, limit), [placed, limit]);
  const loadCards = useCards(props.slug, props.seminarId, toFill, update);

  const tools = useMemo<PanelTools>(
    () => ({
      viewerId: viewer.id,
      viewerRole: viewer.role,
      update,
      announce,
      requestFocus,
      reload,
      loadCards,
      showInText: (id) => callbacks.current.onFocusNote(id),
      reattach: props.onReattach ? (id) => callbacks.current.onReattach?.(id) : undefined,
    }),
    [viewer.id, viewer.role, update, announce, requestFocus, reload, loadCards, props.onReattach],
  );

  // A highlight was clicked in the text: show its card even if the filters hid it.
  // Only a new `focusedId` moves focus; list or filter changes must not steal it.
  useEffect(() => {
    if (!focusedId || !latest.current.some((n) => n.id === focusedId)) return;
    if (!applyPanelFilter(latest.current, effective, viewer.id).some((n) => n.id === focusedId)) setFilter(NO_FILTER);
    const index = placed.found.findIndex((n) => n.id === focusedId);
    if (index >= limit) setLimit(index + CARDS_PER_PAGE);
    requestFocus(noteCardSelector(focusedId));
  }, [focusedId]); // eslint-disable-line react-hooks/exhaustive-deps

  const cards = (list: NoteEntry[], found: boolean) => (
    <>
      <ol aria-label={found ? "Notes in the text" : "Notes whose passage was not found"} className="space-y-3">
        {(found ? list.slice(0, limit) : list).map((note) => (
          <li key={note.id}>
            <NoteCard note={note} found={found} focused={note.id === focusedId} />
          </li>
        ))}
      </ol>
      {found && list.length > limit && <MoreCards left={list.length - limit} onMore={() => setLimit((n) => n + CARDS_PER_PAGE)} />}
    </>
  );

  return (
    <PanelContext.Provider value={tools}>
      <aside ref={aside} aria-label="Notes" className={`p-1 font-sans text-grey-9 ${props.className ?? ""}`}>
        <div className="flex items-baseline justify-between gap-2">
          <h2 id={headingId} data-notes-heading tabIndex={-1} className="text-lg font-semibold outline-none focus-visible:outline-2 focus-visible:outline-blue-focus">
            Notes
          </h2>
          {notes.length > 0 && <p className="text-sm text-grey-7">{countLabel(notes.length, shown.length, filtering)}</p>}
        </div>
        <p aria-live="polite" className="min-h-5 text-sm text-green-dark">
          {status.text && <span key={status.serial}>{status.text}</span>}
        </p>

        {draft && (
          <DraftNote
            key={`${draft.versionId}:${draftKey(draft.selectors)}`}
            draft={draft}
            slug={props.slug}
            seminarId={props.seminarId}
            onDone={() => callbacks.current.onDraftDone()}
          />
        )}

        {notes.length === 0 ? (
          !draft && <p className="mt-4 rounded border border-grey-3 bg-grey-0 p-4 text-sm text-grey-7">No notes yet — select a passage to add one.</p>
        ) : (
          <div className="mt-3 space-y-4">
            <NotesFilters filter={effective} onChange={setFilter} authors={authors} tags={tags} />
            {shown.length === 0 ? (
              <div className="rounded border border-grey-3 bg-grey-0 p-4 text-sm text-grey-7">
                <p>No notes match these filters.</p>
                <button
                  type="button"
                  onClick={() => setFilter(NO_FILTER)}
                  className="mt-2 rounded border border-grey-3 bg-white px-2.5 py-1 text-sm font-medium text-grey-9 hover:bg-grey-1 focus-visible:outline-2 focus-visible:outline-blue-focus"
                >
                  Clear filters
                </button>
              </div>
            ) : (
              <>
                {placed.found.length > 0 && cards(placed.found, true)}
                {placed.notFound.length > 0 && (
                  <section aria-labelledby={`${headingId}-lost`}>
                    <h3 id={`${headingId}-lost`} className="text-sm font-semibold text-grey-8">
                      Passage not found
                    </h3>
                    <p className="mb-2 text-xs text-grey-7">The text changed and these passages are no longer in it. The notes keep their original quote.</p>
                    {cards(placed.notFound, false)}
                  </section>
                )}
              </>
            )}
          </div>
        )}
      </aside>
    </PanelContext.Provider>
  );
}

function draftKey(selectors: Selector[]): string {
  const position = selectors.find((s) => s.type === "TextPositionSelector");
  return position ? `${position.start}-${position.end}` : selectors.map((s) => (s.type === "TextQuoteSelector" ? s.exact.length : 0)).join("-");
}

/** The end of the rendered cards: more appear when it scrolls into view, or on a click. */
function MoreCards({ left, onMore }: { left: number; onMore: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const target = button.current;
    if (!target || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onMore();
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [onMore, left]);
  return (
    <button
      ref={button}
      type="button"
      onClick={onMore}
      className="mt-3 w-full rounded border border-grey-3 bg-white px-3 py-2 text-sm text-grey-8 hover:bg-grey-1 focus-visible:outline-2 focus-visible:outline-blue-focus"
    >
      Show more notes ({left} more)
    </button>
  );
}

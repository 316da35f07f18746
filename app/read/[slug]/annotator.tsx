"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { describe } from "@/lib/anchoring/describe";
import { TextIndex } from "@/lib/anchoring/dom";
import { Highlighter } from "@/lib/anchoring/highlighter";
import type { NoteSummary, NoteView } from "@/lib/annotations/schema";
import { spanInVersion } from "@/lib/annotations/selectors";
import { ApiError, callApi } from "@/lib/http/client";
import { NotesPanel, type NoteDraft, type NoteSpan } from "./notes/notes-panel";
import { createNote } from "./notes/notes-api";
import { dropNote, putNote, type NoteEntry } from "./notes/list-edits";
import { useLiveNotes } from "./live/use-live-notes";
import { PresenceIndicator, type PresencePerson } from "./live/presence";
import { LiveAnnouncer } from "./live/live-announcer";
import { MentionMembers } from "./live/mention-members";
import { SelectionToolbar, type ToolbarPosition } from "./selection-toolbar";
import { onReattachRequest, type ReattachTarget } from "./reattach";
import { LINKS_CHANGED, QUESTIONS_CHANGED, signalChange } from "./live/reader-events";
import { makeLinkHref, newQuestionHref } from "@/lib/passages/hrefs";

const NOTE_STYLE = "parallax-note";
const FOCUS_STYLE = "parallax-note-focus";

const NO_MEMBERS: { id: string; name: string }[] = [];

type Selected = { start: number; end: number; position: ToolbarPosition };

export type AnnotatorProps = {
  slug: string;
  versionId: string;
  seminarId: string;
  viewer: { id: string; name: string; role: "instructor" | "student" };
  initialNotes: NoteEntry[];
  initialSpans: Record<string, NoteSpan>;
  /** A note to open with (a link from the inbox or another page): its card and passage are shown. */
  focusNoteId?: string | null;
  /** The live stream's position when the page was rendered: nothing written since is missed. */
  liveCursor?: number | null;
  /** Instructors may start a guided question from a selection. */
  canAsk?: boolean;
  /** The seminar's members, offered when someone types "@" in a note or reply. */
  members?: { id: string; name: string }[];
};

/**
 * The reader's annotation layer: turns a selection in the server-rendered reading into
 * a note or a highlight, draws every note's passage, and ties highlights and cards
 * together (a click on a highlight focuses its card; "Show in text" scrolls to it).
 */
export function Annotator(props: AnnotatorProps) {
  const { slug, versionId, seminarId, viewer, initialNotes, initialSpans, focusNoteId, liveCursor, canAsk, members = NO_MEMBERS } = props;
  const [notes, setNotes] = useState(initialNotes);
  const [spans, setSpans] = useState(initialSpans);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [draft, setDraft] = useState<NoteDraft | null>(null);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const [reattaching, setReattaching] = useState<ReattachTarget | null>(null);
  const [revisedTo, setRevisedTo] = useState<number | null>(null);
  const highlighter = useRef<Highlighter | null>(null);
  const index = useRef<TextIndex | null>(null);

  useEffect(() => {
    const root = document.querySelector("[data-reading]");
    if (!root) return;
    highlighter.current = new Highlighter(root);
    index.current = new TextIndex(root);
    return () => {
      highlighter.current?.clear(NOTE_STYLE);
      highlighter.current?.clear(FOCUS_STYLE);
    };
  }, []);

  // Notes made or changed here are on the current version: place them by position.
  const updateNotes = useCallback(
    (next: NoteEntry[]) => {
      setNotes(next);
      setSpans((known) => {
        const placed = { ...known };
        for (const note of next) if (!(note.id in placed)) placed[note.id] = spanInVersion(note, versionId, () => null);
        return placed;
      });
    },
    [versionId],
  );

  // What others write arrives here: new highlights are drawn in place and the card
  // joins the list; nothing the reader is looking at moves.
  const [present, setPresent] = useState<PresencePerson[]>([]);
  const placeLive = useCallback(
    (note: NoteView) => {
      setSpans((known) => (note.id in known ? known : { ...known, [note.id]: spanInVersion(note, versionId, () => null) }));
      setNotes((current) => putNote(current, note));
    },
    [versionId],
  );
  const reloadAll = useCallback(async () => {
    try {
      const url = `/api/readings/${encodeURIComponent(slug)}/notes?seminar=${encodeURIComponent(seminarId)}`;
      const { notes: fresh } = await callApi<{ notes: NoteSummary[] }>("GET", url);
      updateNotes(fresh);
    } catch {
      // The list stays as it was; the next event or a reload brings it up to date.
    }
  }, [slug, seminarId, updateNotes]);
  const live = useLiveNotes({
    slug,
    seminarId,
    viewerId: viewer.id,
    since: liveCursor,
    onNote: placeLive,
    onNoteRemoved: (id) => setNotes((current) => dropNote(current, id)),
    onPresence: (_names, people) => setPresent(people),
    onReset: () => void reloadAll(),
    onRevised: (version) => setRevisedTo(version ?? 0),
  });

  useEffect(() => {
    const drawn = notes.filter((note) => !note.deleted && spans[note.id]).map((note) => ({ id: note.id, ...spans[note.id]! }));
    highlighter.current?.draw(NOTE_STYLE, drawn);
  }, [notes, spans]);

  const markFocus = useCallback((span: { start: number; end: number } | null) => {
    highlighter.current?.draw(FOCUS_STYLE, span ? [{ id: "focus", ...span }] : []);
  }, []);

  const showInText = useCallback(
    (id: string) => {
      const span = spans[id];
      if (!span) return;
      markFocus(span);
      const range = highlighter.current?.rangeOf(NOTE_STYLE, id);
      const box = range?.getBoundingClientRect();
      if (box) window.scrollTo({ top: window.scrollY + box.top - window.innerHeight / 3, behavior: "smooth" });
    },
    [spans, markFocus],
  );

  // Open on the note a link asked for, once the highlights are drawn.
  useEffect(() => {
    if (!focusNoteId || !initialNotes.some((note) => note.id === focusNoteId)) return;
    const frame = requestAnimationFrame(() => {
      setFocusedId(focusNoteId);
      showInText(focusNoteId);
    });
    return () => cancelAnimationFrame(frame);
    // Only on arrival: later navigation within the page is the reader's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Track the reader's selection inside the reading (mouse, touch or keyboard).
  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setSelected(readSelection(index.current)));
    };
    document.addEventListener("selectionchange", update);
    update(); // a selection made before the page came to life counts too
    return () => {
      document.removeEventListener("selectionchange", update);
      cancelAnimationFrame(frame);
    };
  }, []);

  // The selection as it is now: the `selected` state trails it by a frame, and a key
  // pressed right after Shift+arrow must act on the whole selection.
  const currentPassage = useCallback(() => readSelection(index.current) ?? selected, [selected]);

  const annotate = useCallback(() => {
    const text = index.current?.text;
    const passage = currentPassage();
    if (!passage || text === undefined || draft) return;
    const selectors = describe(text, passage.start, passage.end);
    setDraft({ versionId, selectors, quote: text.slice(passage.start, passage.end), motivation: "commenting" });
    markFocus(passage);
    window.getSelection()?.removeAllRanges();
  }, [currentPassage, draft, versionId, markFocus]);

  const highlight = useCallback(async () => {
    const text = index.current?.text;
    const passage = currentPassage();
    if (!passage || text === undefined || busy) return;
    setBusy(true);
    try {
      const selectors = describe(text, passage.start, passage.end);
      const note = await createNote(slug, seminarId, {
        target: { versionId, selectors },
        motivation: "highlighting",
        tags: [],
        visibility: "private",
      });
      setSpans((known) => ({ ...known, [note.id]: { start: passage.start, end: passage.end } }));
      setNotes((current) => [...current, note]);
      setMessage("Highlight saved (only you see it).");
      window.getSelection()?.removeAllRanges();
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "The highlight could not be saved. Try again.");
    } finally {
      setBusy(false);
    }
  }, [currentPassage, busy, slug, seminarId, versionId]);

  // Links and questions start from the selected passage on their own pages.
  const goWithPassage = useCallback(
    (to: "link" | "question") => {
      const text = index.current?.text;
      const passage = currentPassage();
      if (!passage || text === undefined) return;
      const target = { versionId, selectors: describe(text, passage.start, passage.end) };
      window.location.assign(
        to === "link" ? makeLinkHref(seminarId, slug, target) : newQuestionHref(seminarId, [{ slug, ...target }]),
      );
    },
    [currentPassage, versionId, seminarId, slug],
  );

  // Orphan repair: the note, link end or question passage chosen with "Re-attach"
  // goes onto the passage selected next.
  const startReattach = useCallback((target: ReattachTarget) => {
    setDraft(null);
    setReattaching(target);
    setMessage("Select the new passage in the text, then choose Attach here (or press Enter).");
  }, []);
  useEffect(() => onReattachRequest(startReattach), [startReattach]);
  const attach = useCallback(async () => {
    const text = index.current?.text;
    const passage = currentPassage();
    if (!reattaching || !passage || text === undefined || busy) return;
    setBusy(true);
    try {
      const target = { versionId, selectors: describe(text, passage.start, passage.end) };
      await callApi("PUT", `/api/anchors/${reattaching.kind}/${encodeURIComponent(reattaching.id)}`, { target });
      if (reattaching.kind === "note") {
        setSpans((known) => ({ ...known, [reattaching.id]: { start: passage.start, end: passage.end } }));
        await reloadAll();
        setFocusedId(reattaching.id);
      } else {
        signalChange(reattaching.kind === "link-end" ? LINKS_CHANGED : QUESTIONS_CHANGED, { slug, seminarId });
      }
      setReattaching(null);
      setMessage(`${reattaching.kind === "note" ? "Note" : reattaching.kind === "link-end" ? "Link" : "Question"} re-attached to the passage you chose.`);
      window.getSelection()?.removeAllRanges();
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "The note could not be re-attached. Try again.");
    } finally {
      setBusy(false);
    }
  }, [reattaching, currentPassage, busy, versionId, reloadAll, slug, seminarId]);

  // H and A act on the selection, as the toolbar's buttons do; while re-attaching, Enter attaches.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!selected || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return;
      if (reattaching) {
        if (event.key === "Enter") {
          event.preventDefault();
          void attach();
        }
        return;
      }
      const key = event.key.toLowerCase();
      if (key !== "a" && key !== "h") return;
      event.preventDefault();
      if (key === "a") annotate();
      else void highlight();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [selected, annotate, highlight, reattaching, attach]);

  // A click on a highlight focuses its note (the shortest passage wins where they overlap).
  useEffect(() => {
    const root = document.querySelector("[data-reading]");
    const onClick = (event: Event) => {
      const { clientX, clientY } = event as MouseEvent;
      if (!window.getSelection()?.isCollapsed) return;
      const ids = highlighter.current?.idsAtPoint(NOTE_STYLE, clientX, clientY) ?? [];
      if (ids.length === 0) return;
      const id = ids.sort((a, b) => length(spans[a]) - length(spans[b]))[0];
      markFocus(spans[id] ?? null);
      setFocusedId(null);
      requestAnimationFrame(() => setFocusedId(id));
    };
    root?.addEventListener("click", onClick);
    return () => root?.removeEventListener("click", onClick);
  }, [spans, markFocus]);

  return (
    <>
      {selected &&
        !draft &&
        createPortal(
          <SelectionToolbar
            position={selected.position}
            busy={busy}
            onHighlight={() => void highlight()}
            onAnnotate={annotate}
            onLink={() => goWithPassage("link")}
            onAsk={canAsk ? () => goWithPassage("question") : undefined}
            onAttach={reattaching ? () => void attach() : undefined}
          />,
          document.body,
        )}
      <p className="sr-only" aria-live="polite">
        {message}
      </p>
      <LiveAnnouncer announcement={live.announcement} />
      <div>
      <div className="mb-2 flex justify-end">
        <PresenceIndicator people={present} viewerId={viewer.id} />
      </div>
      {revisedTo !== null && (
        <div role="status" className="mb-3 rounded border border-brand bg-grey-0 p-3 text-sm text-grey-9">
          <p>
            A new version{revisedTo ? ` (${revisedTo})` : ""} of this reading was published. Notes, links and questions moved with it.
          </p>
          <a href={`/read/${encodeURIComponent(slug)}${revisedTo ? `?revised=${revisedTo}` : ""}`} className="mt-1 inline-block font-medium text-brand underline">
            Read the new version
          </a>
        </div>
      )}
      {reattaching && (
        <div role="status" className="mb-3 rounded border border-brand bg-grey-0 p-3 text-sm text-grey-9">
          <p>
            Re-attaching {reattaching.kind === "note" ? "a note" : reattaching.kind === "link-end" ? "a link" : "a question"}: select
            its new passage in the text, then choose <strong>Attach here</strong> (or press Enter).
          </p>
          <button
            type="button"
            onClick={() => {
              setReattaching(null);
              setMessage("Re-attaching cancelled.");
            }}
            className="mt-2 rounded border border-grey-3 bg-white px-2.5 py-1 text-sm font-medium hover:bg-grey-1 focus-visible:outline-2 focus-visible:outline-blue-focus"
          >
            Cancel
          </button>
        </div>
      )}
      <MentionMembers.Provider value={members}>
      <NotesPanel
        onReattach={(id) => startReattach({ kind: "note", id })}
        slug={slug}
        seminarId={seminarId}
        viewer={viewer}
        notes={notes}
        spans={spans}
        focusedId={focusedId}
        onFocusNote={showInText}
        onNotesChange={updateNotes}
        draft={draft}
        onDraftDone={() => {
          setDraft(null);
          markFocus(null);
        }}
      />
      </MentionMembers.Provider>
      <p className="mt-4 text-xs leading-relaxed text-grey-7">
        Select a passage, then press <kbd className="font-semibold">A</kbd> to annotate or{" "}
        <kbd className="font-semibold">H</kbd> to highlight. From the keyboard, turn on caret browsing (F7) and select
        with Shift and the arrow keys.
      </p>
      </div>
    </>
  );
}

/** The current selection as a canonical span with a toolbar position, if it lies in the reading. */
function readSelection(index: TextIndex | null): Selected | null {
  const selection = window.getSelection();
  if (!index || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!index.root.contains(range.commonAncestorContainer)) return null;
  const span = index.spanFromRange(range);
  if (!span) return null;
  const box = range.getBoundingClientRect();
  return { ...span, position: { top: box.top + window.scrollY, left: box.left + box.width / 2 + window.scrollX } };
}

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

function length(span: NoteSpan | undefined): number {
  return span ? span.end - span.start : Number.POSITIVE_INFINITY;
}

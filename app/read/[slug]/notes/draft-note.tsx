"use client";

import { useEffect, useRef, useState } from "react";
import { LazyNoteEditor, type EditorValue } from "./lazy-note-editor";
import { putNote } from "./list-edits";
import { newNoteInput } from "./note-inputs";
import { createNote, messageOf } from "./notes-api";
import type { NoteDraft } from "./notes-panel";
import { PANEL_HEADING, noteCardSelector, usePanel } from "./panel-context";

/**
 * The editor of a new note at the top of the panel, for the passage the reader
 * selected. A highlight draft may take a comment (then it is saved as a note); left
 * empty, it is saved as a highlight.
 */
export function DraftNote({ draft, slug, seminarId, onDone }: { draft: NoteDraft; slug: string; seminarId: string; onDone: () => void }) {
  const { update, announce, requestFocus } = usePanel();
  const section = useRef<HTMLElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const highlight = draft.motivation === "highlighting";

  // Braces matter: scrollIntoView returns a promise in current Chromium, and an effect
  // must return nothing or a cleanup function.
  useEffect(() => {
    section.current?.scrollIntoView({ block: "nearest" });
  }, []);

  async function save(value: EditorValue) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const note = await createNote(slug, seminarId, newNoteInput(draft, value));
      update((notes) => putNote(notes, note));
      announce(note.motivation === "highlighting" ? "Highlight saved" : "Note saved");
      requestFocus(noteCardSelector(note.id));
      onDone();
    } catch (failure) {
      // The form stays open with everything typed; the server says what to fix.
      setError(messageOf(failure));
      setBusy(false);
    }
  }

  return (
    <section ref={section} aria-label={highlight ? "New highlight" : "New note"} className="mt-3 rounded-lg border border-grey-3 bg-grey-0 p-3">
      <h3 className="text-sm font-semibold text-grey-8">{highlight ? "New highlight" : "New note"}</h3>
      <blockquote className="font-reading mt-2 line-clamp-3 border-l-4 border-yellow pl-2 text-[0.95rem] text-grey-8">{draft.quote}</blockquote>
      <div className="mt-3">
        <LazyNoteEditor
          kind="note"
          label={highlight ? "Comment (optional)" : "Note"}
          bodyRequired={!highlight}
          busy={busy}
          error={error}
          onSave={save}
          onCancel={() => {
            // The editor goes away with its focus; the panel's heading takes it.
            requestFocus(PANEL_HEADING);
            onDone();
          }}
        />
      </div>
    </section>
  );
}

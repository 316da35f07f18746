"use client";

import { useState } from "react";
import { summaryFacts } from "@/lib/annotations/list-view";
import { notePermissions } from "@/lib/annotations/permissions";
import type { NoteView } from "@/lib/annotations/schema";
import { ConfirmDelete, ConflictNotice, ItemActions, useItemForm } from "./item-actions";
import { ItemMeta } from "./item-meta";
import { LazyNoteEditor, type EditorValue } from "./lazy-note-editor";
import { asDeletedNote, dropNote, isComplete, putNote, putReply, type NoteEntry } from "./list-edits";
import { noteUpdateInput } from "./note-inputs";
import { createReply, currentOnConflict, deleteNote, fetchNote, setNoteHidden, updateNote } from "./notes-api";
import { originalQuote } from "./order";
import { PANEL_HEADING, noteCardSelector, replySelector, usePanel } from "./panel-context";
import { HiddenNotice, ReplyThread } from "./reply-thread";

/**
 * One note in the panel: its passage, byline, body, tags and the actions its
 * permissions allow, with its thread below. A highlight (no body) is the same card,
 * compact. A deleted note keeps its place as a placeholder while its thread lives.
 * A note the list carried as a summary shows the excerpt of its body until the panel
 * has fetched its card; an edit waits for it.
 */
export function NoteCard({ note, found, focused }: { note: NoteEntry; found: boolean; focused: boolean }) {
  const { viewerId, viewerRole, update, announce, requestFocus, reload, loadCards, showInText, reattach } = usePanel();
  const form = useItemForm();
  const [conflict, setConflict] = useState<NoteView | null>(null);
  const [baseRevision, setBaseRevision] = useState(note.revision);
  const full = isComplete(note) ? note : null;
  const excerpt = isComplete(note) ? null : note.excerpt;
  const permissions = isComplete(note) ? note.permissions : notePermissions(summaryFacts(note), { userId: viewerId, role: viewerRole });
  const self = noteCardSelector(note.id);
  const highlight = note.motivation === "highlighting" && !(full ? full.body : excerpt);
  const name = note.author?.name ?? "Former member";

  function startEdit() {
    setConflict(null);
    if (full) {
      setBaseRevision(full.revision);
      form.switchTo("edit");
      return;
    }
    // The editor starts from the body, which only the card carries.
    void form.run("save", async () => {
      const card = (await loadCards([note.id])).find((n) => n.id === note.id);
      if (!card) return;
      setBaseRevision(card.revision);
      form.switchTo("edit");
    });
  }

  function closeForm() {
    setConflict(null);
    form.switchTo("view");
    requestFocus(self);
  }

  const saveEdit = (value: EditorValue) =>
    form.run(
      "save",
      async () => {
        const saved = await updateNote(note.id, noteUpdateInput(value, baseRevision));
        update((notes) => putNote(notes, saved));
        announce("Note saved");
        closeForm();
      },
      (error) => {
        const current = currentOnConflict<NoteView>(error);
        if (!current) return false;
        // Their version goes into the list (the reader redraws it); the editor keeps
        // the reader's draft, and the next save starts from their revision.
        setConflict(current);
        setBaseRevision(current.revision);
        update((notes) => putNote(notes, current));
        return true;
      },
    );

  const postReply = (value: EditorValue) =>
    form.run("reply", async () => {
      if (!value.body) return;
      const created = await createReply(note.id, null, value.body);
      update((notes) => notes.map((n) => (n.id === note.id && isComplete(n) ? putReply(n, created) : n)));
      if (!full) await reload(note.id); // a summary has no thread to add to: the note comes with it
      form.switchTo("view");
      announce("Reply posted");
      requestFocus(replySelector(created.id));
    });

  const remove = () =>
    form.run("delete", async () => {
      const { outcome } = await deleteNote(note.id);
      if (outcome === "deleted") {
        update((notes) => dropNote(notes, note.id));
        announce("Note deleted");
        requestFocus(PANEL_HEADING);
      } else {
        update((notes) => putNote(notes, asDeletedNote(note)));
        announce("Note deleted; its replies stay");
        form.switchTo("view");
        requestFocus(self);
        await reload(note.id);
      }
    });

  const toggleHidden = () =>
    form.run("hide", async () => {
      const saved = await setNoteHidden(note.id, !note.hidden);
      update((notes) => putNote(notes, saved));
      announce(saved.hidden ? "Note hidden" : "Note shown again");
    });

  const label = note.deleted ? "Deleted note" : `${highlight ? "Highlight" : "Note"} by ${name}`;
  const frame = focused ? "border-yellow-dark bg-yellow-light" : "border-grey-3 bg-white";

  return (
    <article
      data-note-id={note.id}
      tabIndex={-1}
      aria-label={label}
      aria-current={focused ? "true" : undefined}
      className={`rounded-lg border p-3 shadow-sm outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-focus ${frame}`}
    >
      <Quote text={found ? note.quote : originalQuote(note)} compact={highlight} />
      {note.deleted ? (
        <p className="mt-2 text-sm italic text-grey-7">This note was deleted.</p>
      ) : (
        <>
          <div className="mt-2 flex flex-wrap items-center gap-x-2">
            <ItemMeta author={note.author} createdAt={note.createdAt} edited={note.revision > 1} />
            {note.visibility === "private" && <OnlyMe />}
          </div>
          {note.hidden && <HiddenNotice noun="note" />}
          {form.mode === "edit" ? (
            <div className="mt-2">
              <LazyNoteEditor
                kind="note"
                label={note.motivation === "commenting" ? "Note" : "Comment (optional)"}
                initialBody={full?.body?.json ?? full?.body?.html}
                initialTags={note.tags}
                initialVisibility={note.visibility}
                bodyRequired={note.motivation === "commenting"}
                busy={form.busy === "save"}
                error={form.error}
                notice={conflict && <ConflictNotice noun="note" currentHtml={conflict.body?.html ?? ""} />}
                onSave={saveEdit}
                onCancel={closeForm}
              />
            </div>
          ) : (
            <>
              {full?.body && <div className="note-body mt-2 text-sm text-grey-9" dangerouslySetInnerHTML={{ __html: full.body.html }} />}
              {excerpt && (
                <div className="note-body mt-2 text-sm text-grey-9" aria-busy="true">
                  <p>{excerpt}</p>
                </div>
              )}
              {note.tags.length > 0 && (
                <ul aria-label="Tags" className="mt-2 flex flex-wrap gap-1.5">
                  {note.tags.map((tag) => (
                    <li key={tag} className="rounded-full bg-grey-1 px-2 py-0.5 text-xs text-grey-8">
                      {tag}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </>
      )}
      {form.mode === "confirm-delete" ? (
        <div className="mt-2">
          <ConfirmDelete noun="note" busy={form.busy === "delete"} onConfirm={remove} onCancel={closeForm} />
        </div>
      ) : (
        form.mode !== "edit" && (
          <div className="mt-2">
            <ItemActions
              noun="note"
              permissions={permissions}
              hidden={note.hidden}
              busy={form.busy}
              onReply={() => form.switchTo("reply")}
              onEdit={startEdit}
              onDelete={() => form.switchTo("confirm-delete")}
              onToggleHidden={toggleHidden}
            >
              {found && (
                <button
                  type="button"
                  onClick={() => showInText(note.id)}
                  className="ml-auto rounded px-1.5 py-0.5 text-xs font-medium text-brand hover:bg-grey-1 focus-visible:outline-2 focus-visible:outline-blue-focus"
                >
                  Show in text
                </button>
              )}
              {!found && reattach && (note.author?.id === viewerId || viewerRole === "instructor") && (
                <button
                  type="button"
                  onClick={() => reattach(note.id)}
                  className="ml-auto rounded px-1.5 py-0.5 text-xs font-medium text-brand hover:bg-grey-1 focus-visible:outline-2 focus-visible:outline-blue-focus"
                >
                  Re-attach
                </button>
              )}
            </ItemActions>
          </div>
        )
      )}
      {form.error && form.mode !== "edit" && form.mode !== "reply" && (
        <p role="alert" className="mt-1 text-xs text-red-dark">
          {form.error}
        </p>
      )}
      {form.mode === "reply" && (
        <div className="mt-2">
          <LazyNoteEditor
            kind="reply"
            label="Reply"
            bodyRequired
            busy={form.busy === "reply"}
            error={form.error}
            onSave={postReply}
            onCancel={closeForm}
          />
        </div>
      )}
      {(full?.replies.length ?? 0) < note.replyCount && <LoadThread note={note} />}
      {full && <ReplyThread note={full} replies={full.replies} />}
    </article>
  );
}

/** The passage in the reading's serif, cut to a few lines (the whole text stays for screen readers). */
function Quote({ text, compact }: { text: string; compact: boolean }) {
  if (!text) return null;
  return (
    <blockquote
      className={`font-reading border-l-4 border-yellow pl-2 text-grey-8 ${compact ? "line-clamp-2 text-sm" : "line-clamp-3 text-[0.95rem]"}`}
      title={text.length > 200 ? text : undefined}
    >
      {text}
    </blockquote>
  );
}

/** The private marker: a lock and "Only me". */
function OnlyMe() {
  return (
    <span className="inline-flex items-center gap-1 text-xs text-grey-7">
      <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12" fill="currentColor">
        <path d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm2 6H6V4.5a2 2 0 1 1 4 0V7Z" />
      </svg>
      Only me
    </span>
  );
}

/** A listed note carries only the size of its thread; this fetches the thread itself. */
function LoadThread({ note }: { note: NoteEntry }) {
  const { update } = usePanel();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const count = note.replyCount;
  return (
    <p className="mt-2">
      <button
        type="button"
        aria-busy={busy}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setFailed(false);
          try {
            const full = await fetchNote(note.id);
            update((list) => putNote(list, full));
          } catch {
            setFailed(true);
          } finally {
            setBusy(false);
          }
        }}
        className="text-sm font-medium text-brand underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-focus"
      >
        {busy ? "Loading replies…" : count === 1 ? "Show 1 reply" : `Show ${count} replies`}
      </button>
      {failed && (
        <span role="alert" className="ml-2 text-sm text-red-dark">
          The replies could not be loaded. Try again.
        </span>
      )}
    </p>
  );
}

"use client";

import { useId, useState } from "react";
import type { NoteView, ReplyView } from "@/lib/annotations/schema";
import { countReplies } from "@/lib/annotations/thread";
import { ConfirmDelete, ConflictNotice, ItemActions, useItemForm } from "./item-actions";
import { ItemMeta } from "./item-meta";
import { LazyNoteEditor, type EditorValue } from "./lazy-note-editor";
import { isComplete, putReply, withoutReply } from "./list-edits";
import { createReply, currentOnConflict, deleteReply, setReplyHidden, updateReply } from "./notes-api";
import { noteCardSelector, replySelector, usePanel } from "./panel-context";

/** Deeper replies stop indenting here, so a long conversation stays readable in a narrow panel. */
const MAX_INDENT = 4;

/** A note's replies, nested under the replies they answer. */
export function ReplyThread({ note, replies, depth = 0, id }: { note: NoteView; replies: ReplyView[]; depth?: number; id?: string }) {
  if (replies.length === 0) return null;
  const indent = depth > 0 && depth <= MAX_INDENT ? "ml-2 border-l-2 border-grey-2 pl-3" : "";
  return (
    <ul id={id} aria-label={depth === 0 ? "Replies" : undefined} className={`mt-2 space-y-3 ${indent}`}>
      {replies.map((reply) => (
        <li key={reply.id}>
          <ReplyItem note={note} reply={reply} depth={depth} />
        </li>
      ))}
    </ul>
  );
}

function ReplyItem({ note, reply, depth }: { note: NoteView; reply: ReplyView; depth: number }) {
  const { update, announce, requestFocus, reload } = usePanel();
  const form = useItemForm();
  const childrenId = useId();
  const [expanded, setExpanded] = useState(true);
  const [conflict, setConflict] = useState<ReplyView | null>(null);
  const [baseRevision, setBaseRevision] = useState(reply.revision);
  const self = replySelector(reply.id);

  const putIntoList = (saved: ReplyView) => update((notes) => notes.map((n) => (n.id === note.id && isComplete(n) ? putReply(n, saved) : n)));

  function startEdit() {
    setConflict(null);
    setBaseRevision(reply.revision);
    form.switchTo("edit");
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
        if (!value.body) return;
        putIntoList(await updateReply(reply.id, baseRevision, value.body));
        announce("Reply saved");
        closeForm();
      },
      (error) => {
        const current = currentOnConflict<ReplyView>(error);
        if (!current) return false;
        // Their version goes into the list; the next save starts from it (and replaces it).
        setConflict(current);
        setBaseRevision(current.revision);
        putIntoList(current);
        return true;
      },
    );

  const postReply = (value: EditorValue) =>
    form.run("reply", async () => {
      if (!value.body) return;
      const created = await createReply(note.id, reply.id, value.body);
      putIntoList(created);
      setExpanded(true);
      form.switchTo("view");
      announce("Reply posted");
      requestFocus(replySelector(created.id));
    });

  const remove = () =>
    form.run("delete", async () => {
      const { outcome } = await deleteReply(reply.id);
      update((notes) => notes.map((n) => (n.id === note.id && isComplete(n) ? withoutReply(n, reply.id, outcome) : n)));
      announce("Reply deleted");
      requestFocus(outcome === "deleted" ? noteCardSelector(note.id) : self);
      await reload(note.id);
    });

  const toggleHidden = () =>
    form.run("hide", async () => {
      const saved = await setReplyHidden(reply.id, !reply.hidden);
      putIntoList(saved);
      announce(saved.hidden ? "Reply hidden" : "Reply shown again");
    });

  const below = countReplies(reply.children) || reply.children.length;
  const name = reply.author?.name ?? "Former member";

  return (
    <article
      data-reply-id={reply.id}
      tabIndex={-1}
      aria-label={reply.placeholder ? "Removed reply" : `Reply by ${name}`}
      className="rounded outline-none focus-visible:outline-2 focus-visible:outline-blue-focus"
    >
      {reply.placeholder ? (
        <p className="text-sm italic text-grey-7">
          {reply.placeholder === "deleted" ? "This reply was deleted." : "This reply was hidden by an instructor."}
        </p>
      ) : (
        <>
          <ItemMeta author={reply.author} createdAt={reply.createdAt} edited={reply.revision > 1} />
          {reply.hidden && <HiddenNotice noun="reply" />}
          {form.mode === "edit" ? (
            <div className="mt-2">
              <LazyNoteEditor
                kind="reply"
                label="Reply"
                initialBody={reply.body?.json ?? reply.body?.html}
                bodyRequired
                busy={form.busy === "save"}
                error={form.error}
                notice={conflict && <ConflictNotice noun="reply" currentHtml={conflict.body?.html ?? null} />}
                onSave={saveEdit}
                onCancel={closeForm}
              />
            </div>
          ) : (
            reply.body && <div className="note-body mt-1 text-sm text-grey-9" dangerouslySetInnerHTML={{ __html: reply.body.html }} />
          )}
          {form.mode === "confirm-delete" ? (
            <div className="mt-1">
              <ConfirmDelete noun="reply" busy={form.busy === "delete"} onConfirm={remove} onCancel={closeForm} />
            </div>
          ) : (
            form.mode !== "edit" && (
              <div className="mt-1">
                <ItemActions
                  noun="reply"
                  permissions={reply.permissions}
                  hidden={reply.hidden}
                  busy={form.busy}
                  onReply={() => form.switchTo("reply")}
                  onEdit={startEdit}
                  onDelete={() => form.switchTo("confirm-delete")}
                  onToggleHidden={toggleHidden}
                />
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
                label={`Reply to ${name}`}
                bodyRequired
                busy={form.busy === "reply"}
                error={form.error}
                onSave={postReply}
                onCancel={closeForm}
              />
            </div>
          )}
        </>
      )}
      {reply.children.length > 0 && (
        <>
          <button
            type="button"
            aria-expanded={expanded}
            aria-controls={childrenId}
            onClick={() => setExpanded(!expanded)}
            className="mt-1 rounded px-1.5 py-0.5 text-xs font-medium text-brand hover:bg-grey-1 focus-visible:outline-2 focus-visible:outline-blue-focus"
          >
            {expanded ? "Hide replies" : `Show ${below} ${below === 1 ? "reply" : "replies"}`}
          </button>
          {expanded && <ReplyThread note={note} replies={reply.children} depth={depth + 1} id={childrenId} />}
        </>
      )}
    </article>
  );
}

/** What the author and instructors see on an item others no longer see. */
export function HiddenNotice({ noun }: { noun: "note" | "reply" }) {
  return (
    <p className="mt-1 inline-block rounded bg-yellow-light px-2 py-0.5 text-xs font-medium text-yellow-dark">
      Hidden by an instructor{noun === "note" ? " · only its author and instructors see it" : ""}
    </p>
  );
}

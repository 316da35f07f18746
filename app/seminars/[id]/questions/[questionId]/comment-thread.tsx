"use client";

import "@/app/read/[slug]/notes/notes.css";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { LazyNoteEditor, type EditorValue } from "@/app/read/[slug]/notes/lazy-note-editor";
import type { CommentView } from "@/lib/questions/schema";
import { LocalTime } from "../local-time";
import { currentOnConflict, deleteComment, messageOf, postComment, updateComment } from "../questions-api";

const link = "text-xs font-medium text-grey-7 hover:text-grey-9 underline-offset-2 hover:underline";

/**
 * The feedback thread under an answer: the seminar's instructors and the answer's
 * author read and write it. Each author edits and deletes their own comments.
 */
export function CommentThread({ questionId, answerId, comments, canComment }: { questionId: string; answerId: string; comments: CommentView[]; canComment: boolean }) {
  const router = useRouter();
  const [writing, setWriting] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(call: () => Promise<unknown>, done: () => void) {
    setBusy(true);
    setError(null);
    try {
      await call();
      done();
      router.refresh();
    } catch (failure) {
      const current = currentOnConflict<CommentView>(failure);
      if (current) {
        setRevision(current.revision);
        setError("This comment was changed meanwhile; your text is still here: save again to replace it.");
      } else setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  const add = (value: EditorValue) => value.body && void run(() => postComment(questionId, answerId, value.body!), () => setWriting(false));
  const edit = (id: string) => (value: EditorValue) => value.body && void run(() => updateComment(questionId, answerId, id, revision, value.body!), () => setEditing(null));

  return (
    <div className="mt-3 border-t border-grey-2 pt-3">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-grey-6">Feedback</h4>
      {comments.length === 0 && !writing && <p className="mt-1 text-sm text-grey-7">No comments yet.</p>}
      <ul className="mt-1 space-y-2">
        {comments.map((c) => (
          <li key={c.id} className="rounded bg-grey-0 px-3 py-2">
            <p className="text-xs text-grey-7">
              <span className="font-medium text-grey-9">{c.author.name}</span>
              {c.author.role === "instructor" ? " (instructor)" : ""} · <LocalTime iso={c.createdAt} />
            </p>
            {editing === c.id ? (
              <LazyNoteEditor kind="reply" label="Comment" initialBody={c.body.json ?? c.body.html} bodyRequired busy={busy} error={error} onSave={edit(c.id)} onCancel={() => setEditing(null)} />
            ) : (
              <div className="note-body mt-1 text-sm text-grey-9" dangerouslySetInnerHTML={{ __html: c.body.html }} />
            )}
            {editing !== c.id && (c.permissions.edit || c.permissions.delete) && (
              <p className="mt-1 flex gap-3">
                {c.permissions.edit && (
                  <button type="button" className={link} aria-label={`Edit comment by ${c.author.name}`} onClick={() => (setRevision(c.revision), setError(null), setEditing(c.id))}>
                    Edit
                  </button>
                )}
                {c.permissions.delete && (
                  <button
                    type="button"
                    className={link}
                    aria-label={`Delete comment by ${c.author.name}`}
                    disabled={busy}
                    onClick={() => confirm("Delete this comment?") && void run(() => deleteComment(questionId, answerId, c.id), () => {})}
                  >
                    Delete
                  </button>
                )}
              </p>
            )}
          </li>
        ))}
      </ul>
      {canComment &&
        (writing ? (
          <div className="mt-2">
            <LazyNoteEditor kind="reply" label="Comment" bodyRequired busy={busy} error={error} onSave={add} onCancel={() => setWriting(false)} />
          </div>
        ) : (
          <button type="button" className={`${link} mt-2`} onClick={() => (setError(null), setWriting(true))}>
            Add a comment
          </button>
        ))}
      {error && !writing && !editing && (
        <p role="alert" className="mt-1 text-sm text-red-dark">
          {error}
        </p>
      )}
    </div>
  );
}

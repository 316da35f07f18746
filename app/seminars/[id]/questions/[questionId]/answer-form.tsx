"use client";

import "@/app/read/[slug]/notes/notes.css";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { LazyNoteEditor, type EditorValue } from "@/app/read/[slug]/notes/lazy-note-editor";
import type { AnswerView } from "@/lib/questions/schema";
import { currentOnConflict, messageOf, postAnswer, updateAnswer } from "../questions-api";

type Props = {
  questionId: string;
  /** The student's answer, if they posted one. */
  answer: AnswerView | null;
  /** Why answering is not possible now (closed, past due), or null. */
  blocked: string | null;
};

const draftKey = (questionId: string) => `parallax:answer-draft:${questionId}`;

/**
 * A student's own answer: the editor to write it (or edit it while the question is
 * open), else the answer as posted. What is typed is kept in sessionStorage until it
 * is saved, so a refused save (closed, past due: 409) or a reload loses nothing.
 */
export function AnswerForm({ questionId, answer, blocked }: Props) {
  const router = useRouter();
  const [editing, setEditing] = useState(answer === null && blocked === null);
  const [draft, setDraft] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [revision, setRevision] = useState(answer?.revision ?? 0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const kept = sessionStorage.getItem(draftKey(questionId));
    setDraft(kept);
    if (kept) setEditing(true);
    setReady(true);
  }, [questionId]);

  const open = () => {
    setDraft(sessionStorage.getItem(draftKey(questionId)));
    setEditing(true);
  };

  const keep = () => {
    const html = box.current?.querySelector("[contenteditable]")?.innerHTML;
    if (html !== undefined) sessionStorage.setItem(draftKey(questionId), html);
  };

  async function save(value: EditorValue) {
    if (busy || !value.body) return;
    keep();
    setBusy(true);
    setError(null);
    try {
      if (answer) await updateAnswer(questionId, answer.id, revision, value.body);
      else await postAnswer(questionId, value.body);
      sessionStorage.removeItem(draftKey(questionId));
      setDraft(null);
      setEditing(false);
      setNotice(null);
      router.refresh();
    } catch (failure) {
      const current = currentOnConflict<AnswerView>(failure);
      if (current && current.revision !== revision) {
        setRevision(current.revision);
        setNotice("Your answer was changed in another window. This text is still here: save again to keep it.");
      } else setError(`${messageOf(failure)} Your text is kept here; copy it if you need it.`);
    } finally {
      setBusy(false);
    }
  }

  const discardDraft = () => {
    sessionStorage.removeItem(draftKey(questionId));
    setDraft(null);
    setEditing(answer === null && blocked === null);
    setError(null);
  };

  return (
    <section aria-labelledby="my-answer" className="mt-8">
      <h2 id="my-answer" className="text-lg font-medium text-grey-9">
        Your answer
      </h2>
      {blocked && (
        <p role="status" className="mt-2 rounded bg-grey-1 px-3 py-2 text-sm text-grey-8">
          {blocked}
        </p>
      )}
      {answer && !editing && (
        <div className="mt-2 rounded-lg border border-grey-3 bg-white p-4">
          <div className="note-body text-grey-9" dangerouslySetInnerHTML={{ __html: answer.body.html }} />
          {answer.permissions.edit && (
            <button type="button" className="mt-3 rounded border border-grey-4 px-3 py-1 text-sm text-grey-8 hover:border-grey-6" onClick={open}>
              Edit your answer
            </button>
          )}
        </div>
      )}
      {!answer && !editing && !blocked && (
        <button type="button" className="mt-2 rounded bg-brand px-3 py-1.5 text-sm font-medium text-white" onClick={open}>
          Write your answer
        </button>
      )}
      {editing && ready && (
        <div ref={box} onInput={keep} className="mt-2">
          {draft && (
            <p className="mb-2 text-sm text-grey-7">
              Your unsaved text was restored.{" "}
              <button type="button" className="underline" onClick={discardDraft}>
                Discard it
              </button>
            </p>
          )}
          <LazyNoteEditor
            kind="reply"
            label="Your answer"
            initialBody={draft ?? answer?.body.json ?? answer?.body.html ?? undefined}
            bodyRequired
            busy={busy}
            error={error}
            notice={notice ? <p className="rounded border border-yellow bg-yellow-light px-3 py-2 text-sm text-yellow-dark">{notice}</p> : undefined}
            onSave={(value) => void save(value)}
            onCancel={() => {
              keep();
              setEditing(false);
            }}
          />
        </div>
      )}
    </section>
  );
}

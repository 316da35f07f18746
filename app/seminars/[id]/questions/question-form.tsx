"use client";

import "@/app/read/[slug]/notes/notes.css";
import { useEffect, useId, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { LazyNoteEditor, type EditorValue } from "@/app/read/[slug]/notes/lazy-note-editor";
import { MAX_TITLE_CHARS, type QuestionDetail } from "@/lib/questions/schema";
import {
  draftKey,
  fromLocalInput,
  mergePassages,
  movePassage,
  parseDraft,
  pickKey,
  toLocalInput,
  type FormPassage,
  type QuestionDraft,
} from "./question-draft";
import { createQuestion, currentOnConflict, messageOf, updateQuestion } from "./questions-api";
import { RestoredNotice } from "@/app/_shared/restored-notice";

export type QuestionFormProps = {
  seminarId: string;
  /** "new", or the question being edited with the revision the edit starts from. */
  target: "new" | { questionId: string; revision: number };
  /** The seminar's readings: where "Add another passage" sends the instructor. */
  readings: { slug: string; title: string }[];
  /** What the form starts from (an edited question's values; empty for a new one). */
  initial: { title: string; dueAt: string | null; answerFirst: boolean; prompt: unknown; passages: FormPassage[] };
  /** Passages that came from the reader in the URL (`from`), already decoded. */
  picked: FormPassage[];
  /** How many `from` values could not be read. */
  rejected: number;
};

const field = "mt-1 w-full rounded border border-grey-4 bg-white px-3 py-1.5 text-grey-9 focus-visible:outline-2 focus-visible:outline-blue-focus";
const small = "rounded border border-grey-4 bg-white px-2 py-0.5 text-xs text-grey-8 hover:border-grey-6 disabled:opacity-40";

/**
 * The form that asks (or edits) a question: title, prompt (the notes' lazy tiptap
 * editor), due date, answer-first, and its passages. Everything typed is kept in
 * sessionStorage as it is typed, so "Add another passage" (a trip to the reader) and
 * a failed save lose nothing; passages arriving from the reader are merged in.
 */
export function QuestionForm({ seminarId, target, readings, initial, picked, rejected }: QuestionFormProps) {
  const router = useRouter();
  const id = useId();
  const storageKey = draftKey(seminarId, target === "new" ? "new" : target.questionId);
  const [draft, setDraft] = useState<QuestionDraft | null>(null);
  const [restored, setRestored] = useState(false);
  const [editorKey, setEditorKey] = useState(0);
  const [revision, setRevision] = useState(target === "new" ? 0 : target.revision);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const promptBox = useRef<HTMLDivElement>(null);

  const fresh = (): QuestionDraft => ({
    title: initial.title,
    due: toLocalInput(initial.dueAt),
    answerFirst: initial.answerFirst,
    promptHtml: null,
    passages: mergePassages(initial.passages, picked),
  });

  // Once, in the browser: follow a pending "add a passage to question X", restore the
  // draft, merge what the reader sent, and take the passages out of the URL.
  useEffect(() => {
    const pending = sessionStorage.getItem(pickKey(seminarId));
    sessionStorage.removeItem(pickKey(seminarId));
    if (target === "new" && pending && pending !== "new") {
      router.replace(`/seminars/${encodeURIComponent(seminarId)}/questions/${encodeURIComponent(pending)}/edit${window.location.search}`);
      return;
    }
    const stored = parseDraft(sessionStorage.getItem(storageKey));
    setDraft(stored ? { ...stored, passages: mergePassages(stored.passages, picked) } : fresh());
    setRestored(stored !== null);
    if (window.location.search) window.history.replaceState(null, "", window.location.pathname);
    // Runs once on arrival; later renders must not re-merge.
  }, []);

  useEffect(() => {
    if (draft) sessionStorage.setItem(storageKey, JSON.stringify(draft));
  }, [draft, storageKey]);

  if (!draft) return <p className="mt-6 text-sm text-grey-7">Loading the form…</p>;
  const change = (patch: Partial<QuestionDraft>) => setDraft((d) => (d ? { ...d, ...patch } : d));

  // The editor reports only on save; its typed content is kept from the DOM as it changes.
  const keepPrompt = () => {
    const html = promptBox.current?.querySelector("[contenteditable]")?.innerHTML;
    if (html !== undefined) change({ promptHtml: html });
  };

  async function save(value: EditorValue) {
    if (busy || !draft) return;
    const dueAt = fromLocalInput(draft.due);
    const problem = !draft.title.trim()
      ? "Give the question a title."
      : draft.passages.length === 0
        ? "Pin the question to at least one passage: add one from a reading."
        : dueAt === undefined
          ? "The due date is not a date and time."
          : !value.body
            ? "Write the prompt."
            : null;
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      const passages = draft.passages.map((p) => (p.kind === "kept" ? { id: p.id } : { slug: p.slug, versionId: p.versionId, selectors: p.selectors }));
      const common = { title: draft.title, prompt: value.body!, dueAt: dueAt ?? null, answerFirst: draft.answerFirst };
      const saved =
        target === "new"
          ? await createQuestion(seminarId, { ...common, passages: passages.filter((p): p is Exclude<typeof p, { id: string }> => !("id" in p)) })
          : await updateQuestion(target.questionId, { revision, ...common, passages });
      sessionStorage.removeItem(storageKey);
      router.push(`/seminars/${encodeURIComponent(seminarId)}/questions/${encodeURIComponent(saved.id)}`);
      router.refresh();
    } catch (failure) {
      const current = currentOnConflict<QuestionDetail>(failure);
      if (current) {
        setRevision(current.revision);
        setNotice("Someone else changed this question while you were editing. Your changes are still here: save again to replace theirs.");
      } else setError(messageOf(failure));
      setBusy(false);
    }
  }

  const discard = () => {
    sessionStorage.removeItem(storageKey);
    setDraft(fresh());
    setRestored(false);
    setEditorKey((k) => k + 1);
  };

  return (
    <div className="mt-6 space-y-5">
      {restored && (
        <RestoredNotice what="unsaved draft" onDiscard={discard} />
      )}
      {rejected > 0 && (
        <p role="alert" className="rounded bg-red-light px-3 py-2 text-sm text-red-dark">
          {rejected === 1 ? "One passage in the link could not be read" : `${rejected} passages in the link could not be read`}; pick it again in the reader.
        </p>
      )}
      <div>
        <label htmlFor={`${id}-title`} className="text-sm font-medium text-grey-8">
          Title
        </label>
        <input id={`${id}-title`} className={field} value={draft.title} maxLength={MAX_TITLE_CHARS} onChange={(e) => change({ title: e.target.value })} required />
      </div>

      <fieldset>
        <legend className="text-sm font-medium text-grey-8">Passages</legend>
        {draft.passages.length === 0 && <p className="mt-1 text-sm text-grey-7">No passage yet.</p>}
        <ol className="mt-1 space-y-2">
          {draft.passages.map((p, index) => (
            <li key={p.key} className="rounded border border-grey-3 bg-white px-3 py-2">
              <p className="text-xs uppercase tracking-wide text-grey-6">{p.readingTitle}</p>
              <blockquote className="font-reading mt-1 line-clamp-3 border-l-4 border-grey-4 pl-2 text-[0.95rem] text-grey-8">{p.quote}</blockquote>
              <p className="mt-2 flex gap-1">
                <button type="button" className={small} disabled={index === 0} aria-label={`Move passage ${index + 1} up`} onClick={() => change({ passages: movePassage(draft.passages, index, -1) })}>
                  ↑
                </button>
                <button type="button" className={small} disabled={index === draft.passages.length - 1} aria-label={`Move passage ${index + 1} down`} onClick={() => change({ passages: movePassage(draft.passages, index, 1) })}>
                  ↓
                </button>
                <button type="button" className={small} aria-label={`Remove passage ${index + 1}`} onClick={() => change({ passages: draft.passages.filter((x) => x.key !== p.key) })}>
                  Remove
                </button>
              </p>
            </li>
          ))}
        </ol>
        <div className="mt-2 text-sm text-grey-8">
          <p>Add another passage: open a reading, select the passage, then choose “Ask a question”. This form keeps everything meanwhile.</p>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {readings.map((r) => (
              <li key={r.slug}>
                <Link
                  href={`/read/${encodeURIComponent(r.slug)}?seminar=${encodeURIComponent(seminarId)}`}
                  className="text-brand underline"
                  onClick={() => sessionStorage.setItem(pickKey(seminarId), target === "new" ? "new" : target.questionId)}
                >
                  {r.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </fieldset>

      <div className="flex flex-wrap gap-6">
        <div>
          <label htmlFor={`${id}-due`} className="text-sm font-medium text-grey-8">
            Due (optional)
          </label>
          <input id={`${id}-due`} type="datetime-local" className={field} value={draft.due} onChange={(e) => change({ due: e.target.value })} />
        </div>
        <label className="flex items-center gap-2 self-end pb-2 text-sm text-grey-9">
          <input type="checkbox" className="accent-brand" checked={draft.answerFirst} onChange={(e) => change({ answerFirst: e.target.checked })} />
          Students see each other&apos;s answers only after posting their own
        </label>
      </div>

      <div ref={promptBox} onInput={keepPrompt}>
        <p className="mb-1 text-sm font-medium text-grey-8">Prompt</p>
        <LazyNoteEditor
          key={editorKey}
          kind="reply"
          label="Prompt"
          initialBody={draft.promptHtml ?? initial.prompt ?? undefined}
          bodyRequired
          busy={busy}
          error={error}
          notice={notice ? <p className="rounded border border-yellow bg-yellow-light px-3 py-2 text-sm text-yellow-dark">{notice}</p> : undefined}
          onSave={(value) => void save(value)}
          onCancel={() => router.push(`/seminars/${encodeURIComponent(seminarId)}/questions`)}
        />
        <p className="mt-1 text-xs text-grey-7">Save {target === "new" ? "asks the question" : "keeps the changes"}; Cancel leaves the draft for later.</p>
      </div>
    </div>
  );
}

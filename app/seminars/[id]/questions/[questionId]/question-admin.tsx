"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { closeQuestion, deleteQuestion, messageOf } from "../questions-api";

const button = "rounded border border-grey-4 bg-white px-3 py-1 text-sm text-grey-8 hover:border-grey-6 disabled:opacity-60";

/** An instructor's actions on a question: edit, close or reopen, export, delete. */
export function QuestionAdmin({ seminarId, questionId, title, closed }: { seminarId: string; questionId: string; title: string; closed: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const base = `/seminars/${encodeURIComponent(seminarId)}/questions`;

  async function run(action: () => Promise<unknown>, after: () => void) {
    setBusy(true);
    setError(null);
    try {
      await action();
      after();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mt-4 flex flex-wrap items-center gap-2">
      <Link href={`${base}/${encodeURIComponent(questionId)}/edit`} className={button}>
        Edit
      </Link>
      <button type="button" className={button} disabled={busy} onClick={() => void run(() => closeQuestion(questionId, !closed), () => router.refresh())}>
        {closed ? "Reopen" : "Close"}
      </button>
      <a href={`/api/questions/${encodeURIComponent(questionId)}/export.csv`} download className={button}>
        Export answers (CSV)
      </a>
      <button
        type="button"
        className={`${button} text-red-dark`}
        disabled={busy}
        onClick={() => {
          if (confirm(`Delete “${title}” with all its answers and comments? This cannot be undone.`)) {
            void run(() => deleteQuestion(questionId), () => {
              router.push(base);
              router.refresh();
            });
          }
        }}
      >
        Delete
      </button>
      <p role="alert" className={error ? "w-full text-sm text-red-dark" : "sr-only"}>
        {error ?? ""}
      </p>
    </div>
  );
}

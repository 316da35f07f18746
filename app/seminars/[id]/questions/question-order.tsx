"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { messageOf, reorderQuestions } from "./questions-api";

const button =
  "rounded border border-grey-4 bg-white px-2 py-0.5 text-sm text-grey-8 hover:border-grey-6 disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-blue-focus";

/** Move up / move down for one question of the list (instructors); the page re-renders after. */
export function MoveQuestionButtons({ seminarId, ids, index, title }: { seminarId: string; ids: string[]; index: number; title: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function move(by: -1 | 1) {
    const order = [...ids];
    const [moved] = order.splice(index, 1);
    order.splice(index + by, 0, moved);
    setBusy(true);
    setError(null);
    try {
      await reorderQuestions(seminarId, order);
      router.refresh();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="flex items-center gap-1">
      <button type="button" className={button} disabled={busy || index === 0} aria-label={`Move “${title}” up`} onClick={() => void move(-1)}>
        ↑
      </button>
      <button type="button" className={button} disabled={busy || index === ids.length - 1} aria-label={`Move “${title}” down`} onClick={() => void move(1)}>
        ↓
      </button>
      {error && (
        <span role="alert" className="text-xs text-red-dark">
          {error}
        </span>
      )}
    </span>
  );
}

"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { markExemplary, messageOf } from "../questions-api";

/** Marks or unmarks an answer as exemplary (instructors); exemplary answers are listed first. */
export function ExemplaryToggle({ questionId, answerId, exemplary, author }: { questionId: string; answerId: string; exemplary: boolean; author: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        aria-pressed={exemplary}
        aria-label={`Exemplary answer by ${author}`}
        disabled={busy}
        className="rounded border border-grey-4 bg-white px-2 py-0.5 text-xs text-grey-8 hover:border-grey-6 aria-pressed:border-green-dark aria-pressed:bg-green-light aria-pressed:text-green-dark"
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await markExemplary(questionId, answerId, !exemplary);
            router.refresh();
          } catch (failure) {
            setError(messageOf(failure));
          } finally {
            setBusy(false);
          }
        }}
      >
        {exemplary ? "★ Exemplary" : "☆ Mark exemplary"}
      </button>
      {error && (
        <span role="alert" className="text-xs text-red-dark">
          {error}
        </span>
      )}
    </span>
  );
}

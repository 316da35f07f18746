"use client";

import { useState } from "react";
import { ApiError } from "@/lib/http/client";
import { confirmSuggestion, dismissSuggestion } from "@/lib/links/client";
import type { LinkView } from "@/lib/links/schema";

const button =
  "rounded border px-2 py-0.5 text-xs font-medium disabled:cursor-wait disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-blue-focus";

/**
 * Confirm / Dismiss for one suggested parallel (instructors): Confirm makes it a seminar
 * link ("parallel"), Dismiss hides it from this seminar for good. `what` names the
 * suggestion in the buttons' accessible names. Used by the reader's connections panel,
 * the seminar's map and the compare view of a suggestion.
 */
export function SuggestionActions({
  seminarId,
  suggestionId,
  what,
  onDecided,
}: {
  seminarId: string;
  suggestionId: string;
  what: string;
  onDecided: (outcome: { decision: "confirmed"; link: LinkView } | { decision: "dismissed" }) => void;
}) {
  const [busy, setBusy] = useState<"confirm" | "dismiss" | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function decide(kind: "confirm" | "dismiss") {
    if (busy) return;
    setBusy(kind);
    setError(null);
    try {
      if (kind === "confirm") onDecided({ decision: "confirmed", link: await confirmSuggestion(seminarId, suggestionId) });
      else {
        await dismissSuggestion(seminarId, suggestionId);
        onDecided({ decision: "dismissed" });
      }
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Could not reach the server. Try again.");
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <button
        type="button"
        disabled={busy !== null}
        aria-label={`Confirm suggested parallel: ${what}`}
        onClick={() => void decide("confirm")}
        className={`${button} border-brand bg-brand text-white hover:bg-brand-dark`}
      >
        {busy === "confirm" ? "Confirming…" : "Confirm"}
      </button>
      <button
        type="button"
        disabled={busy !== null}
        aria-label={`Dismiss suggested parallel: ${what}`}
        onClick={() => void decide("dismiss")}
        className={`${button} border-grey-3 bg-white text-grey-8 hover:bg-grey-1`}
      >
        {busy === "dismiss" ? "Dismissing…" : "Dismiss"}
      </button>
      {error && (
        <p role="alert" className="w-full text-xs text-red-dark">
          {error}
        </p>
      )}
    </div>
  );
}

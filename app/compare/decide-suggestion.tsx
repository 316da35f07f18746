"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { viewLinkHref } from "@/lib/links/passage-param";
import { SuggestionActions } from "@/app/read/[slug]/links/suggestion-actions";

/**
 * Confirm / Dismiss on the compare view of a suggestion. Confirming opens the new link
 * in the same view; dismissing says so and offers the next suggestion between the same
 * readings, or the way back.
 */
export function DecideSuggestion({
  seminarId,
  suggestionId,
  what,
  leftSlug,
  backHref,
  nextHref,
  mapHref,
}: {
  seminarId: string;
  suggestionId: string;
  what: string;
  leftSlug: string;
  backHref: string;
  nextHref: string | null;
  mapHref: string;
}) {
  const router = useRouter();
  const [dismissed, setDismissed] = useState(false);
  const onward = useRef<HTMLAnchorElement>(null);
  // The buttons are gone: keyboard focus moves on to the next step rather than the page's start.
  useEffect(() => {
    if (dismissed) onward.current?.focus();
  }, [dismissed]);
  if (dismissed) {
    return (
      <p role="status" className="text-sm text-grey-8">
        Dismissed: it will not be suggested again in this seminar.{" "}
        {nextHref && (
          <>
            <Link ref={onward} href={nextHref} className="text-brand underline">
              Next suggestion →
            </Link>{" "}
            ·{" "}
          </>
        )}
        <Link ref={nextHref ? undefined : onward} href={backHref} className="text-brand underline">
          Back to the reading
        </Link>{" "}
        ·{" "}
        <Link href={mapHref} className="text-brand underline">
          Connections map
        </Link>
      </p>
    );
  }
  return (
    <SuggestionActions
      seminarId={seminarId}
      suggestionId={suggestionId}
      what={what}
      onDecided={(outcome) => {
        if (outcome.decision === "confirmed") router.push(viewLinkHref(seminarId, outcome.link.id, leftSlug));
        else setDismissed(true);
      }}
    />
  );
}

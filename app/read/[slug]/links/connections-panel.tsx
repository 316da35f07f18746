"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { rangeFromSpan } from "@/lib/anchoring/dom";
import { viewSuggestionHref } from "@/lib/links/passage-param";
import { RELATION_STYLES, relationPhrase, shortQuote } from "@/lib/links/relations";
import { groupConnections } from "./group";
import { useLiveLinkEnds } from "./live-links";
import { useReportTabCount } from "../tab-count";
import { requestReattach } from "../reattach";
import { useFocusAfterDecision } from "./focus-next";
import { SuggestionActions } from "./suggestion-actions";
import type { ReaderLinkEnd, ReaderSuggestion, Span } from "./types";

export type ConnectionsPanelProps = {
  /** The reading shown. */
  slug: string;
  seminarId: string;
  /** The person reading: a link's author may re-attach its orphaned end (instructors may too). */
  viewerId: string;
  /** From `loadLinksForReader`. */
  ends: ReaderLinkEnd[];
  /** Pending suggestions touching this reading (instructors), or null. */
  suggestions: ReaderSuggestion[] | null;
  mapHref: string;
};

/** Scrolls the reading to a span of it (the page's `[data-reading]`). */
function showInText(span: Span | null) {
  const root = document.querySelector("[data-reading]");
  const box = span && root ? rangeFromSpan(root, span.start, span.end)?.getBoundingClientRect() : null;
  if (box) window.scrollTo({ top: window.scrollY + box.top - window.innerHeight / 3, behavior: "smooth" });
}

/**
 * Every link touching the reading, grouped by the other reading and by relation with
 * counts; each entry quotes the other passage and leads to the compare view. For
 * instructors, the pending suggested parallels of this reading with Confirm / Dismiss.
 * Links made, changed or removed while the page is open come and go live.
 */
export function ConnectionsPanel({ slug, seminarId, viewerId, ends: initial, suggestions, mapHref }: ConnectionsPanelProps) {
  const ends = useLiveLinkEnds(initial);
  useReportTabCount("connections", new Set(ends.map((end) => end.linkId)).size);
  const headingId = useId();
  const router = useRouter();
  const [pending, setPending] = useState(suggestions ?? []);
  const [status, setStatus] = useState("");
  const list = useRef<HTMLUListElement>(null);
  const focusFrom = useFocusAfterDecision(list);
  const groups = groupConnections(ends, slug);
  const linkCount = new Set(ends.map((e) => e.linkId)).size;

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-grey-3 bg-white p-4 text-sm">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold text-grey-9">
          Connections <span className="font-normal text-grey-7">({linkCount})</span>
        </h2>
        <Link href={mapHref} className="text-xs text-brand underline">
          Seminar map
        </Link>
      </div>
      {groups.length === 0 && <p className="mt-2 text-grey-7">No links touch this reading yet.</p>}
      {groups.map((group) => (
        <section key={group.readingSlug} aria-label={`Links ${group.within ? "within this reading" : `to ${group.readingTitle}`}`} className="mt-3">
          <h3 className="font-reading font-semibold text-grey-9">
            {group.within ? "Within this reading" : group.readingTitle} <span className="font-sans font-normal text-grey-7">({group.count})</span>
          </h3>
          {group.relations.map(({ relation, entries }) => (
            <div key={relation} className="mt-1.5">
              <h4 className="flex items-center gap-1.5 text-xs font-semibold uppercase tracking-wide text-grey-8">
                <span aria-hidden="true" className="inline-block h-2 w-2 rounded-full" style={{ background: RELATION_STYLES[relation].colour }} />
                {RELATION_STYLES[relation].label} ({entries.length})
              </h4>
              <ul className="mt-1 space-y-2">
                {entries.map((end) => (
                  <li key={end.key} className="border-l-2 pl-2" style={{ borderColor: RELATION_STYLES[relation].colour }}>
                    <p className="text-xs text-grey-7">
                      {relationPhrase(end.relation, end.side)} · {end.author?.name ?? "Former member"}
                      {end.visibility === "private" ? " · only you" : ""}
                      {end.hidden ? " · hidden" : ""}
                      {end.replyCount > 0 ? ` · ${end.replyCount} ${end.replyCount === 1 ? "reply" : "replies"}` : ""}
                    </p>
                    <p className="font-reading text-grey-9">“{shortQuote(end.other.quote, 160)}”</p>
                    {end.other.anchorStatus === "orphaned" && <p className="text-xs text-red-dark">No longer in the current text of that reading.</p>}
                    <p className="mt-0.5 flex flex-wrap gap-x-3 text-xs">
                      <Link href={end.href} className="text-brand underline">
                        Compare side by side
                      </Link>
                      {end.span ? (
                        <button type="button" onClick={() => showInText(end.span)} className="text-grey-7 underline">
                          Show here
                        </button>
                      ) : (
                        <>
                          <span className="text-red-dark">Not found in this version</span>
                          {(end.author?.id === viewerId || suggestions) && (
                            <button type="button" onClick={() => requestReattach({ kind: "link-end", id: `${end.linkId}:${end.side}` })} className="text-brand underline">
                              Re-attach
                            </button>
                          )}
                        </>
                      )}
                    </p>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
      {suggestions && (
        <section aria-label="Suggested parallels" className="mt-4 border-t border-grey-2 pt-3">
          <h3 className="font-semibold text-grey-9">
            Suggested parallels <span className="font-normal text-grey-7">({pending.length})</span>
          </h3>
          <p className="text-xs text-grey-7">Only instructors see these until they are confirmed.</p>
          {pending.length === 0 && <p className="mt-1 text-grey-7">Nothing waiting.</p>}
          <ul ref={list} tabIndex={-1} aria-label="Suggestions to confirm or dismiss" className="mt-2 space-y-3 outline-none">
            {pending.map(({ suggestion, here, other, span }, index) => (
              <li key={suggestion.id} className="rounded border border-dashed border-grey-5 p-2">
                <p className="text-xs text-grey-7">Here</p>
                <p className="font-reading text-grey-9">“{shortQuote(here.quote, 120)}”</p>
                <p className="mt-1 text-xs text-grey-7">{other.readingTitle}</p>
                <p className="font-reading text-grey-9">“{shortQuote(other.quote, 120)}”</p>
                <p className="mt-1 text-xs text-grey-7">
                  Score {Math.round(suggestion.score * 100)}% · {suggestion.why.slice(0, 2).join("; ")}
                </p>
                <div className="mt-1.5 flex flex-wrap items-center gap-2">
                  {span && (
                    <button type="button" onClick={() => showInText(span)} className="text-xs text-grey-7 underline">
                      Show here
                    </button>
                  )}
                  <Link href={viewSuggestionHref(seminarId, suggestion.id, slug)} className="text-xs text-grey-7 underline">
                    Compare side by side
                  </Link>
                  <SuggestionActions
                    seminarId={seminarId}
                    suggestionId={suggestion.id}
                    what={`‘${shortQuote(here.quote, 50)}’ ↔ ${other.readingTitle} ‘${shortQuote(other.quote, 50)}’`}
                    onDecided={(outcome) => {
                      setPending((list) => list.filter((p) => p.suggestion.id !== suggestion.id));
                      focusFrom(index);
                      setStatus(outcome.decision === "confirmed" ? "Confirmed as a parallel link." : "Suggestion dismissed.");
                      if (outcome.decision === "confirmed") router.refresh();
                    }}
                  />
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="sr-only" aria-live="polite">
        {status}
      </p>
    </section>
  );
}

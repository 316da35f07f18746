import type { Selector } from "@/lib/anchoring/types";
import { encodeJsonParam } from "@/lib/passages/param";

/** A passage as it leaves the reader: the version it was picked on and its W3C selectors. */
export type PassageTarget = { versionId: string; selectors: Selector[] };

/** The reader's address opening one note (or its thread) in a seminar. */
export function readerHref(slug: string, seminarId: string, noteId: string): string {
  return `/read/${encodeURIComponent(slug)}?seminar=${encodeURIComponent(seminarId)}&note=${encodeURIComponent(noteId)}`;
}

/** The compare view's address for making a link from a passage of `left` (to `right`, when chosen). */
export function makeLinkHref(seminarId: string, left: string, from: PassageTarget, right?: string): string {
  const params = new URLSearchParams({ seminar: seminarId, left });
  if (right) params.set("right", right);
  params.set("from", encodeJsonParam({ versionId: from.versionId, selectors: from.selectors }));
  return `/compare?${params}`;
}

/** The new-question form's address with these passages (one `from` each). */
export function newQuestionHref(seminarId: string, passages: (PassageTarget & { slug: string })[]): string {
  const query = passages.map((p) => `from=${encodeJsonParam({ slug: p.slug, versionId: p.versionId, selectors: p.selectors })}`).join("&");
  return `/seminars/${encodeURIComponent(seminarId)}/questions/new${query ? `?${query}` : ""}`;
}

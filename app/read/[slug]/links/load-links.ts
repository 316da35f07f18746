import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Reading } from "@/lib/documents/service";
import { listPendingSuggestions } from "@/lib/links/decisions";
import type { Db } from "@/lib/links/repo";
import type { SuggestionView } from "@/lib/links/schema";
import { listReadingLinks } from "@/lib/links/service";
import { findViewer } from "@/lib/seminars/membership";
import { locateIn, type ReadingHere } from "../live/reading-here";
import { readerEnds, spanHere } from "./ends";
import type { ReaderLinkEnd, ReaderLinks, ReaderSuggestion } from "./types";

export type { ReaderLinkEnd, ReaderLinks, ReaderSuggestion };

/**
 * What the reader needs to show a reading's links in one seminar: every end of every
 * link the actor may see that lies in this reading, with its span in the version shown
 * (for the margin markers), the other end, and the compare view's address; for
 * instructors, the pending suggested parallels that touch this reading (null for
 * students). Throws AppError not_found when the actor is not a member.
 */
export async function loadLinksForReader(
  db: Db,
  actor: Actor,
  slug: string,
  seminarId: string,
  reading: Pick<Reading, "slug" | "versionId" | "text">,
): Promise<ReaderLinks> {
  const { links } = await listReadingLinks(db, actor, slug, seminarId);
  const here: ReadingHere = { slug: reading.slug, versionId: reading.versionId, locate: locateIn(() => reading.text) };
  const ends = readerEnds(links, here, seminarId);
  const viewer = await findViewer(db, actor, seminarId);
  let suggestions: ReaderSuggestion[] | null = null;
  if (viewer?.role === "instructor") {
    const pending: SuggestionView[] = (await listPendingSuggestions(db, actor, seminarId, slug)).suggestions;
    suggestions = pending.flatMap((s) => {
      const i = s.ends[0].readingSlug === slug ? 0 : 1;
      return [{ suggestion: s, here: s.ends[i], other: s.ends[1 - i], span: spanHere(s.ends[i], here) }];
    });
  }
  return { ends, suggestions, mapHref: `/seminars/${encodeURIComponent(seminarId)}/map` };
}

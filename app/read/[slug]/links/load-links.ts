import "server-only";
import { anchor } from "@/lib/anchoring";
import type { Actor } from "@/lib/auth/actor";
import type { Reading } from "@/lib/documents/service";
import { listPendingSuggestions } from "@/lib/links/decisions";
import { viewLinkHref } from "@/lib/links/passage-param";
import type { Db } from "@/lib/links/repo";
import type { LinkEndView, LinkSummary, SuggestionEndView, SuggestionView } from "@/lib/links/schema";
import { listReadingLinks } from "@/lib/links/service";
import { findViewer } from "@/lib/seminars/membership";
import type { ReaderLinkEnd, ReaderLinks, ReaderSuggestion, Span } from "./types";

export type { ReaderLinkEnd, ReaderLinks, ReaderSuggestion };

/**
 * Where a passage is in the version the reader shows: its placement when that is this
 * version, else found by the anchoring engine in this text (as load-annotations does
 * for notes), else null (orphaned here).
 */
function spanHere(end: Pick<LinkEndView | SuggestionEndView, "current" | "selectors">, reading: Pick<Reading, "versionId" | "text">): Span | null {
  if (end.current?.versionId === reading.versionId) return { start: end.current.start, end: end.current.end };
  if (end.selectors.length === 0) return null;
  const found = anchor(reading.text, end.selectors);
  return found && found.end > found.start ? { start: found.start, end: found.end } : null;
}

/** One entry per end of `link` that lies in this reading (two for a link within it). */
function endsHere(link: LinkSummary, reading: Pick<Reading, "slug" | "versionId" | "text">, seminarId: string): ReaderLinkEnd[] {
  return link.ends.flatMap((here, i) => {
    if (here.readingSlug !== reading.slug) return [];
    const other = link.ends[1 - i];
    return [
      {
        key: `${link.id}:${here.side}`,
        linkId: link.id,
        relation: link.relation,
        side: here.side,
        span: spanHere(here, reading),
        here,
        other,
        author: link.author,
        visibility: link.visibility,
        hidden: link.hidden,
        replyCount: link.replyCount,
        href: viewLinkHref(seminarId, link.id, reading.slug),
      },
    ];
  });
}

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
  const ends = links.flatMap((link) => endsHere(link, reading, seminarId));
  ends.sort((x, y) => (x.span?.start ?? Number.POSITIVE_INFINITY) - (y.span?.start ?? Number.POSITIVE_INFINITY));
  const viewer = await findViewer(db, actor, seminarId);
  let suggestions: ReaderSuggestion[] | null = null;
  if (viewer?.role === "instructor") {
    const pending: SuggestionView[] = (await listPendingSuggestions(db, actor, seminarId, slug)).suggestions;
    suggestions = pending.flatMap((s) => {
      const i = s.ends[0].readingSlug === slug ? 0 : 1;
      return [{ suggestion: s, here: s.ends[i], other: s.ends[1 - i], span: spanHere(s.ends[i], reading) }];
    });
  }
  return { ends, suggestions, mapHref: `/seminars/${encodeURIComponent(seminarId)}/map` };
}

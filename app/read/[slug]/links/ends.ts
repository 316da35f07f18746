import { viewLinkHref } from "@/lib/links/passage-param";
import type { LinkEndView, LinkSummary, SuggestionEndView } from "@/lib/links/schema";
import type { ReadingHere } from "../live/reading-here";
import type { ReaderLinkEnd, Span } from "./types";

/**
 * From the links list to what the reader draws: the ends that lie in the reading shown,
 * each placed in the version rendered. Pure: the server page and the live refetch in
 * the browser use the same code.
 */

/**
 * Where a passage is in the version the reader shows: its placement when that is this
 * version, else found by the anchoring engine in this text (as load-annotations does
 * for notes), else null (orphaned here).
 */
export function spanHere(end: Pick<LinkEndView | SuggestionEndView, "current" | "selectors">, reading: ReadingHere): Span | null {
  if (end.current?.versionId === reading.versionId) return { start: end.current.start, end: end.current.end };
  if (end.selectors.length === 0) return null;
  return reading.locate(end.selectors);
}

/** One entry per end of `link` that lies in this reading (two for a link within it). */
export function endsHere(link: LinkSummary, reading: ReadingHere, seminarId: string): ReaderLinkEnd[] {
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

/** Every end of these links in the reading, in text order (those not found here last). */
export function readerEnds(links: LinkSummary[], reading: ReadingHere, seminarId: string): ReaderLinkEnd[] {
  const ends = links.flatMap((link) => endsHere(link, reading, seminarId));
  return ends.sort((x, y) => (x.span?.start ?? Number.POSITIVE_INFINITY) - (y.span?.start ?? Number.POSITIVE_INFINITY));
}

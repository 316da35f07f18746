import type { ReplyRow } from "@/lib/annotations/repo";
import { replyFacts } from "@/lib/annotations/view";
import type { LinkRecord } from "@/lib/links/repo";
import { linkFacts } from "@/lib/links/view";
import type { EventInput, LinkEventType } from "@/lib/realtime/events";

/**
 * Events about links and their threads. A link touches two readings (or two places of
 * one): the event names both, so each reading's stream hears of it.
 */

/** An event about a link; `link` is the row as it was before the write (or as created). */
export function linkEvent(type: LinkEventType, actorId: string, link: LinkRecord): EventInput {
  const documentIds = [...new Set(link.ends.map((end) => end.documentId))];
  return {
    type,
    seminarId: link.seminarId,
    documentId: documentIds[0] ?? null,
    documentIds,
    readingSlug: link.ends[0]?.document.slug ?? null,
    itemId: link.id,
    linkId: link.id,
    actorId,
    before: { link: linkFacts(link) },
  };
}

/** An event about a reply in `link`'s thread; both rows as before the write (or as created). */
export function linkReplyEvent(
  type: LinkEventType,
  actorId: string,
  link: LinkRecord,
  reply: Pick<ReplyRow, "id" | "authorId" | "hidden" | "deletedAt">,
): EventInput {
  return { ...linkEvent(type, actorId, link), itemId: reply.id, before: { link: linkFacts(link), reply: replyFacts(reply) } };
}

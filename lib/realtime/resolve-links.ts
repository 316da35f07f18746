import "server-only";
import { canSeeReply } from "@/lib/annotations/permissions";
import { currentVersionsFor } from "@/lib/links/current";
import { canSeeLink } from "@/lib/links/permissions";
import { findLink, listLinkReplies, type LinkRecord, type LinkReplyRow } from "@/lib/links/repo";
import type { LinkReplyView, LinkSummary } from "@/lib/links/schema";
import { linkView, summaryOf, type CurrentVersion } from "@/lib/links/view";
import { memberViewer, REVOKED, send, SKIP, type EventResolver, type ResolverContext } from "@/lib/realtime/resolver";
import type { Viewer } from "@/lib/seminars/schema";

/**
 * Link events as one subscriber may see them: the link exactly as the reading's links
 * list (`listReadingLinks`) would show it to them now, made by the same `linkView`
 * (which applies `canSeeLink` and, in the thread, `canSeeReply`), with deleted
 * placeholders left out as the list leaves them out. A link that drops out of their
 * list is sent as `link.removed`, and only to those who could see it before.
 */

type LinkLoad = { link: LinkRecord | null; replies: LinkReplyRow[]; currents: Map<string, CurrentVersion> };

/** The event's link with its whole thread and its readings' current versions, once per event. */
function loadLink({ db, event, loads }: ResolverContext): Promise<LinkLoad> {
  return loads.memo(event, "link", async () => {
    const link = await findLink(db, event.linkId ?? event.itemId);
    if (!link) return { link, replies: [], currents: new Map() };
    const [replies, currents] = await Promise.all([listLinkReplies(db, [link.id]), currentVersionsFor(db, link.ends)]);
    return { link, replies, currents };
  });
}

/** The link as it stands in this viewer's links list, thread included for reply checks; null when it is not listed. */
async function listedFor(context: ResolverContext, viewer: Viewer) {
  const { link, replies, currents } = await loadLink(context);
  if (!link) return null;
  // The seminar's roles: the ones linkView shows authors with, as the list does.
  const view = linkView(link, replies, await context.loads.members(context.event), viewer, currents);
  return view && !view.deleted ? view : null;
}

/** Is this reply in the thread with its content (not a placeholder)? */
function readableIn(nodes: LinkReplyView[], replyId: string): boolean {
  return nodes.some((node) => (node.id === replyId && node.placeholder === null) || readableIn(node.children, replyId));
}

/** Link and link reply events: the link summary as the subscriber's list shows it now, or its removal. */
export const resolveLinkEvent: EventResolver = async (context) => {
  const { event } = context;
  const viewer = await memberViewer(context);
  if (!viewer) return REVOKED;
  const linkId = event.linkId ?? event.itemId;
  const view = await listedFor(context, viewer);
  const before = event.type === "link.created" ? undefined : event.before;
  const listedBefore = before?.link !== undefined && !before.link.deleted && canSeeLink(before.link, viewer);
  if (!view) return listedBefore ? send("link.removed", { cause: event.type, linkId }) : SKIP;
  const link: LinkSummary = summaryOf(view);
  if (!event.type.startsWith("link.reply.")) return send(event.type, { linkId, link });

  const replyId = event.itemId;
  const readableNow = readableIn(view.replies, replyId);
  const readableBefore = listedBefore && before?.reply !== undefined && !before.reply.deleted && canSeeReply(before.reply, viewer);
  if (!readableNow && !readableBefore) return SKIP; // a change to a reply they cannot read
  return send(event.type, { linkId, replyId, link });
};

import "server-only";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { canSeeReply } from "@/lib/annotations/permissions";
import { memberRoles } from "@/lib/annotations/repo";
import { findViewer } from "@/lib/seminars/membership";
import type { Viewer } from "@/lib/seminars/schema";
import { currentVersionsFor } from "@/lib/links/current";
import { canSeeLink } from "@/lib/links/permissions";
import { findLink, findLinkReply, listLinkReplies, type Db, type LinkRecord, type LinkReplyRow } from "@/lib/links/repo";
import type { LinkView } from "@/lib/links/schema";
import { linkFacts, linkView } from "@/lib/links/view";

/**
 * The one gate to a single link or a reply in its thread: anything the actor may not
 * see answers 404, exactly like an id that does not exist, so ids reveal nothing.
 */

const notFound = () => new AppError("not_found", "No such link.");

/** A link the actor may see, with their place in its seminar; 404 otherwise. */
export async function loadVisibleLink(db: Db, actor: Actor, linkId: string): Promise<{ link: LinkRecord; viewer: Viewer }> {
  const link = await findLink(db, linkId);
  if (!link) throw notFound();
  const viewer = await findViewer(db, actor, link.seminarId);
  if (!viewer || !canSeeLink(linkFacts(link), viewer)) throw notFound();
  return { link, viewer };
}

/** A reply in this link's thread that the actor may read, with the link and their place; 404 otherwise. */
export async function loadVisibleLinkReply(
  db: Db,
  actor: Actor,
  linkId: string,
  replyId: string,
): Promise<{ reply: LinkReplyRow; link: LinkRecord; viewer: Viewer }> {
  const missing = () => new AppError("not_found", "No such reply.");
  const reply = await findLinkReply(db, replyId);
  if (!reply || reply.linkId !== linkId) throw missing();
  const { link, viewer } = await loadVisibleLink(db, actor, linkId).catch(() => {
    throw missing();
  });
  if (!canSeeReply({ authorId: reply.authorId, hidden: reply.hidden, deleted: reply.deletedAt !== null }, viewer)) throw missing();
  return { reply, link, viewer };
}

/** The full view of one link for a viewer (its thread included); 404 if nothing is left to see. */
export async function viewOfLink(db: Db, link: LinkRecord, viewer: Viewer): Promise<LinkView> {
  const replies = await listLinkReplies(db, [link.id]);
  const roles = await memberRoles(db, link.seminarId, [link.authorId, ...replies.map((r) => r.authorId)]);
  const currents = await currentVersionsFor(db, link.ends);
  const view = linkView(link, replies, roles, viewer, currents);
  if (!view) throw notFound();
  return view;
}

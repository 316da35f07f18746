import "server-only";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { canSeeReply } from "@/lib/annotations/permissions";
import { memberRoles } from "@/lib/annotations/repo";
import { prepareBody } from "@/lib/annotations/sanitize";
import type { CreateReplyInput, UpdateReplyInput } from "@/lib/annotations/schema";
import type { Viewer } from "@/lib/seminars/schema";
import { loadVisibleLink, loadVisibleLinkReply } from "@/lib/links/access";
import { linkPermissions } from "@/lib/links/permissions";
import {
  countLinkReplies,
  countLinkReplyChildren,
  deleteLink,
  deleteLinkReply,
  findLink,
  findLinkReply,
  insertLinkReply,
  markLinkReplyDeleted,
  setLinkReplyHidden as storeReplyHidden,
  updateLinkReplyAtRevision,
  type Db,
  type LinkRecord,
  type LinkReplyRow,
} from "@/lib/links/repo";
import type { LinkReplyView } from "@/lib/links/schema";
import { linkFacts, linkThread, toLinkReply } from "@/lib/links/view";
import { liveEvents, type LiveEvents } from "@/lib/realtime/emit";
import { linkReplyEvent } from "@/lib/realtime/link-events";

/**
 * The discussion under a link: the same thread as a note's (same contracts, same
 * pure helpers, same rules), stored in its own table. Whoever may see a link may reply
 * to it; authors edit and delete their own replies; instructors hide. Each write
 * publishes a live event (`events`) about the link's thread.
 */

const open = (link: LinkRecord, viewer: Viewer) => linkPermissions(linkFacts(link), viewer).reply;

async function replyView(db: Db, row: LinkReplyRow, link: LinkRecord, viewer: Viewer): Promise<LinkReplyView> {
  const roles = await memberRoles(db, link.seminarId, [row.authorId]);
  // A single reply is a one-node thread: the same rules decide what it shows.
  const [view] = linkThread([{ ...row, parentId: null }], roles, viewer, open(link, viewer));
  if (!view) throw new AppError("not_found", "No such reply.");
  return { ...toLinkReply(view), parentId: row.parentId };
}

/** Replies to a link, or to a reply in its thread (`parentId`). 409 when it no longer takes replies. */
export async function createLinkReply(
  db: Db,
  actor: Actor,
  linkId: string,
  input: CreateReplyInput,
  events: LiveEvents = liveEvents,
): Promise<LinkReplyView> {
  const { link, viewer } = await loadVisibleLink(db, actor, linkId);
  if (!open(link, viewer)) throw new AppError("conflict", "This link no longer takes replies.");
  if (input.parentId) {
    const parent = await findLinkReply(db, input.parentId);
    if (!parent || parent.linkId !== linkId || !canSeeReply({ authorId: parent.authorId, hidden: parent.hidden, deleted: parent.deletedAt !== null }, viewer)) {
      throw new AppError("not_found", "No such reply in this thread.");
    }
    if (parent.deletedAt || parent.hidden) throw new AppError("conflict", "That reply no longer takes replies.");
  }
  const body = prepareBody(input.body);
  const row = await insertLinkReply(db, { linkId, parentId: input.parentId ?? null, authorId: actor.id, ...body });
  await events.emit(db, linkReplyEvent("link.reply.created", actor.id, link, row));
  return replyView(db, row, link, viewer);
}

/** Edits the actor's own reply; a stale `revision` → 409 with the current reply in `details.current`. */
export async function updateLinkReply(
  db: Db,
  actor: Actor,
  linkId: string,
  replyId: string,
  input: UpdateReplyInput,
  events: LiveEvents = liveEvents,
): Promise<LinkReplyView> {
  const { reply, link, viewer } = await loadVisibleLinkReply(db, actor, linkId, replyId);
  if (reply.authorId !== actor.id) throw new AppError("forbidden", "Only its author can edit a reply.");
  if (reply.deletedAt) throw new AppError("conflict", "This reply was deleted.");
  const stale = async () =>
    new AppError("conflict", "This reply was changed since you started editing.", {
      current: await replyView(db, (await findLinkReply(db, replyId))!, link, viewer),
    });
  if (input.revision !== reply.revision) throw await stale();
  const body = prepareBody(input.body);
  if (!(await updateLinkReplyAtRevision(db, replyId, input.revision, body))) throw await stale();
  await events.emit(db, linkReplyEvent("link.reply.updated", actor.id, link, reply));
  return replyView(db, (await findLinkReply(db, replyId))!, link, viewer);
}

/**
 * Deletes the actor's own reply: a placeholder while replies hang below it, else
 * removed, and then emptied placeholders above it (or a deleted link) go too.
 */
export async function deleteLinkReplyOf(
  db: Db,
  actor: Actor,
  linkId: string,
  replyId: string,
  events: LiveEvents = liveEvents,
): Promise<{ id: string; outcome: "deleted" | "placeholder" }> {
  const { reply, link: before } = await loadVisibleLinkReply(db, actor, linkId, replyId);
  if (reply.authorId !== actor.id) throw new AppError("forbidden", "Only its author can delete a reply.");
  if (reply.deletedAt) return { id: replyId, outcome: "placeholder" };
  if ((await countLinkReplyChildren(db, replyId)) > 0) {
    await markLinkReplyDeleted(db, replyId);
    await events.emit(db, linkReplyEvent("link.reply.deleted", actor.id, before, reply));
    return { id: replyId, outcome: "placeholder" };
  }
  await deleteLinkReply(db, replyId);
  let current = reply.parentId;
  while (current) {
    const parent = await findLinkReply(db, current);
    if (!parent?.deletedAt || (await countLinkReplyChildren(db, current)) > 0) break;
    await deleteLinkReply(db, current);
    current = parent.parentId;
  }
  const link = await findLink(db, linkId);
  if (link?.deletedAt && (await countLinkReplies(db, linkId)) === 0) await deleteLink(db, linkId);
  await events.emit(db, linkReplyEvent("link.reply.deleted", actor.id, before, reply));
  return { id: replyId, outcome: "deleted" };
}

/** Hides or unhides a reply. Instructors of the link's seminar only (403 for others). */
export async function setLinkReplyHidden(
  db: Db,
  actor: Actor,
  linkId: string,
  replyId: string,
  hidden: boolean,
  events: LiveEvents = liveEvents,
): Promise<LinkReplyView> {
  const { link, viewer, reply } = await loadVisibleLinkReply(db, actor, linkId, replyId);
  if (viewer.role !== "instructor") throw new AppError("forbidden", "Only the seminar's instructors can hide replies.");
  await storeReplyHidden(db, replyId, hidden, actor.id);
  await events.emit(db, linkReplyEvent(hidden ? "link.reply.hidden" : "link.reply.unhidden", actor.id, link, reply));
  return replyView(db, (await findLinkReply(db, replyId))!, link, viewer);
}

import "server-only";
import { canReadDocument } from "@/lib/documents/access";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { memberRoles } from "@/lib/annotations/repo";
import { prepareBody } from "@/lib/annotations/sanitize";
import { validateSelectors } from "@/lib/annotations/selectors";
import { requireMembership } from "@/lib/seminars/membership";
import type { Viewer } from "@/lib/seminars/schema";
import { loadVisibleLink, viewOfLink } from "@/lib/links/access";
import { currentVersionsFor } from "@/lib/links/current";
import { endStart } from "@/lib/links/order";
import {
  countLinkReplies,
  deleteLink as removeLink,
  findLink,
  findReadingsBySlug,
  findVersionOfReading,
  insertLink,
  listLinkReplies,
  listSeminarReadings,
  listVisibleLinks,
  listVisibleLinksOnReading,
  markLinkDeleted,
  setLinkHidden as storeLinkHidden,
  updateLinkAtRevision,
  type Db,
  type EndData,
  type LinkRecord,
} from "@/lib/links/repo";
import type { CreateLinkInput, LinkEndInput, LinkSummary, LinkView, SeminarLinks, UpdateLinkInput } from "@/lib/links/schema";
import { linkView, summaryOf } from "@/lib/links/view";
import { liveEvents, type LiveEvents } from "@/lib/realtime/emit";
import { linkEvent } from "@/lib/realtime/link-events";

/**
 * Links: every function takes the signed-in actor, checks what they may do once, here,
 * and returns only what they may see. Route handlers and pages call these. The rules are
 * the notes' rules (lib/links/permissions.ts). Each write publishes a live event
 * (`events`, lib/realtime/link-events.ts) that both readings' streams hear.
 */

/** One end of a new link, checked against the canonical text of the version it names (404 unknown, 400 mismatch). */
async function resolveEnd(db: Db, actorId: string, end: LinkEndInput, label: string): Promise<EndData & { start: number; end: number }> {
  const [reading] = await findReadingsBySlug(db, [end.slug]);
  if (!reading || !(await canReadDocument(db, actorId, reading.id))) throw new AppError("not_found", `No reading called "${end.slug}".`);
  const version = await findVersionOfReading(db, reading.id, end.target.versionId);
  if (!version) throw new AppError("not_found", `The ${label} reading has no such version.`);
  let selectors;
  try {
    selectors = validateSelectors(version.canonicalText, end.target.selectors);
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, `The ${label} passage: ${error.message}`);
    throw error;
  }
  return { documentId: reading.id, versionId: version.id, selectors: JSON.stringify(selectors), start: selectors[1].start, end: selectors[1].end };
}

/**
 * Makes a link between two passages in a seminar the actor belongs to. Both ends'
 * selectors must match the canonical texts of the versions named (400 otherwise); the
 * two ends must be different passages; the note is sanitised (413 beyond 20,000 characters).
 */
export async function createLink(
  db: Db,
  actor: Actor,
  seminarId: string,
  input: CreateLinkInput,
  events: LiveEvents = liveEvents,
): Promise<LinkView> {
  const viewer = await requireMembership(db, actor, seminarId);
  const a = await resolveEnd(db, actor.id, input.a, "first");
  const b = await resolveEnd(db, actor.id, input.b, "second");
  if (a.documentId === b.documentId && a.versionId === b.versionId && a.start === b.start && a.end === b.end) {
    throw new AppError("bad_request", "A link joins two different passages; both ends are the same passage.");
  }
  const body = input.body ? prepareBody(input.body) : null;
  const link = await insertLink(
    db,
    { seminarId, authorId: actor.id, relation: input.relation, visibility: input.visibility, ...body },
    { a, b },
  );
  await events.emit(db, linkEvent("link.created", actor.id, link));
  return viewOfLink(db, link, viewer);
}

/** One link with its thread; 404 when the actor may not see it. */
export async function getLink(db: Db, actor: Actor, linkId: string): Promise<LinkView> {
  const { link, viewer } = await loadVisibleLink(db, actor, linkId);
  return viewOfLink(db, link, viewer);
}

/** Rows → summaries for one viewer: threads counted, ends placed in the current versions. */
async function summaries(db: Db, seminarId: string, rows: LinkRecord[], viewer: Viewer): Promise<LinkSummary[]> {
  if (rows.length === 0) return [];
  const replies = await listLinkReplies(db, rows.map((row) => row.id));
  const byLink = new Map<string, typeof replies>();
  for (const reply of replies) {
    const thread = byLink.get(reply.linkId);
    if (thread) thread.push(reply);
    else byLink.set(reply.linkId, [reply]);
  }
  const roles = await memberRoles(db, seminarId, [...rows.map((row) => row.authorId), ...replies.map((r) => r.authorId)]);
  const currents = await currentVersionsFor(db, rows.flatMap((row) => row.ends));
  return rows.flatMap((row) => {
    const view = linkView(row, byLink.get(row.id) ?? [], roles, viewer, currents);
    return view ? [summaryOf(view)] : [];
  });
}

/**
 * Every link the actor may see in a seminar that touches a reading (either end, or
 * both), in the order of their passages in that reading. 404 for a non-member or an
 * unknown reading.
 */
export async function listReadingLinks(db: Db, actor: Actor, slug: string, seminarId: string): Promise<{ links: LinkSummary[] }> {
  const viewer = await requireMembership(db, actor, seminarId);
  const [reading] = await findReadingsBySlug(db, [slug]);
  if (!reading) throw new AppError("not_found", `No reading called "${slug}".`);
  const rows = await listVisibleLinksOnReading(db, seminarId, reading.id, viewer);
  const links = await summaries(db, seminarId, rows, viewer);
  const at = (link: LinkSummary) => Math.min(...link.ends.filter((e) => e.readingSlug === slug).map(endStart));
  return { links: links.sort((x, y) => at(x) - at(y) || x.createdAt.localeCompare(y.createdAt)) };
}

/**
 * The seminar's map: its readings in order (plus any other reading a visible link
 * reaches), each with its current length, and every link the actor may see.
 */
export async function listSeminarLinks(db: Db, actor: Actor, seminarId: string): Promise<SeminarLinks> {
  const viewer = await requireMembership(db, actor, seminarId);
  const rows = await listVisibleLinks(db, seminarId, viewer);
  const links = await summaries(db, seminarId, rows, viewer);
  const assigned = await listSeminarReadings(db, seminarId);
  const known = new Set(assigned.map((r) => r.slug));
  const extraSlugs = [...new Set(links.flatMap((l) => l.ends.map((e) => e.readingSlug)))].filter((s) => !known.has(s));
  const extra = extraSlugs.length ? await findReadingsBySlug(db, extraSlugs) : [];
  const readings = [...assigned, ...extra.sort((x, y) => x.slug.localeCompare(y.slug))].filter((r) => r.currentVersionId);
  const currents = await currentVersionsFor(db, readings.map((r) => ({ documentId: r.id, versionId: r.currentVersionId! })), "always");
  return {
    readings: readings.map((r) => ({
      slug: r.slug,
      title: r.title,
      author: r.author,
      versionId: r.currentVersionId!,
      length: currents.get(r.id)?.text?.length ?? 0,
    })),
    links,
  };
}

/**
 * Edits the actor's own link. `input.revision` is the revision the edit started from;
 * if the link has moved on since, 409 with the current link in `details.current`.
 */
export async function updateLink(db: Db, actor: Actor, linkId: string, input: UpdateLinkInput, events: LiveEvents = liveEvents): Promise<LinkView> {
  const { link, viewer } = await loadVisibleLink(db, actor, linkId);
  if (link.authorId !== actor.id) throw new AppError("forbidden", "Only its author can edit a link.");
  if (link.deletedAt) throw new AppError("conflict", "This link was deleted.");
  const stale = async () =>
    new AppError("conflict", "This link was changed since you started editing.", {
      current: await viewOfLink(db, (await findLink(db, linkId))!, viewer),
    });
  if (input.revision !== link.revision) throw await stale();
  let body: { bodyJson: string | null; bodyHtml: string | null; bodyText: string | null } | undefined;
  if (input.body === null) body = { bodyJson: null, bodyHtml: null, bodyText: null };
  else if (input.body) body = prepareBody(input.body);
  if (input.visibility === "private" && link.visibility === "seminar") {
    const replies = await listLinkReplies(db, [link.id]);
    if (replies.some((r) => r.authorId !== actor.id)) {
      throw new AppError("conflict", "Others have replied to this link, so it cannot become private.");
    }
  }
  const saved = await updateLinkAtRevision(db, linkId, input.revision, {
    ...body,
    ...(input.relation ? { relation: input.relation } : {}),
    ...(input.visibility ? { visibility: input.visibility } : {}),
  });
  if (!saved) throw await stale(); // another edit landed between the read and the write
  await events.emit(db, linkEvent("link.updated", actor.id, link));
  return viewOfLink(db, (await findLink(db, linkId))!, viewer);
}

/**
 * Deletes the actor's own link. With replies under it, it becomes a placeholder that
 * keeps the thread ("placeholder"); without, it is removed with its ends ("deleted").
 */
export async function deleteLink(
  db: Db,
  actor: Actor,
  linkId: string,
  events: LiveEvents = liveEvents,
): Promise<{ id: string; outcome: "deleted" | "placeholder" }> {
  const { link } = await loadVisibleLink(db, actor, linkId);
  if (link.authorId !== actor.id) throw new AppError("forbidden", "Only its author can delete a link.");
  if (link.deletedAt) return { id: linkId, outcome: "placeholder" };
  const outcome = (await countLinkReplies(db, linkId)) > 0 ? "placeholder" : "deleted";
  if (outcome === "placeholder") await markLinkDeleted(db, linkId);
  else await removeLink(db, linkId);
  await events.emit(db, linkEvent("link.deleted", actor.id, link));
  return { id: linkId, outcome };
}

/** Hides or unhides a seminar link. Instructors of its seminar only (403 for others). */
export async function setLinkHidden(db: Db, actor: Actor, linkId: string, hidden: boolean, events: LiveEvents = liveEvents): Promise<LinkView> {
  const { link, viewer } = await loadVisibleLink(db, actor, linkId);
  if (viewer.role !== "instructor") throw new AppError("forbidden", "Only the seminar's instructors can hide links.");
  if (link.visibility !== "seminar") throw new AppError("forbidden", "A private link is seen by its author only; there is nothing to hide.");
  if (link.deletedAt) throw new AppError("conflict", "This link was deleted.");
  await storeLinkHidden(db, linkId, hidden, actor.id);
  await events.emit(db, linkEvent(hidden ? "link.hidden" : "link.unhidden", actor.id, link));
  return viewOfLink(db, (await findLink(db, linkId))!, viewer);
}

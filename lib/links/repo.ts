import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/annotations/repo";
import type { Viewer } from "@/lib/seminars/schema";

export type { Db };

/**
 * Prisma calls for links, their ends and threads, and suggested parallels. Nothing
 * else: no permission checks (lib/links/service.ts), no rules.
 */

const authorSelect = { select: { id: true, name: true } } as const;
const endInclude = { document: { select: { slug: true, title: true } } } as const;
const linkInclude = { author: authorSelect, ends: { include: endInclude, orderBy: { side: "asc" } } } as const;

/** A stored link with its author's name and both ends (a, then b) with their readings. */
export type LinkRecord = Prisma.LinkGetPayload<{ include: typeof linkInclude }>;
/** A stored end of a link with its reading's slug and title. */
export type LinkEndRecord = LinkRecord["ends"][number];
/** A stored reply in a link's thread with its author's name. */
export type LinkReplyRow = Prisma.LinkReplyGetPayload<{ include: { author: typeof authorSelect } }>;

/**
 * The links of a seminar a member may see, as a database filter: their own, and others'
 * seminar links (hidden ones for instructors only). Deleted placeholders are left out:
 * lists, the map and the reader draw live links only.
 */
export function visibleLinksWhere(seminarId: string, viewer: Viewer): Prisma.LinkWhereInput {
  const shared: Prisma.LinkWhereInput =
    viewer.role === "instructor" ? { visibility: "seminar" } : { visibility: "seminar", hidden: false };
  return { seminarId, deletedAt: null, OR: [{ authorId: viewer.userId }, shared] };
}

/** Every link of a seminar the viewer may see, oldest first. */
export function listVisibleLinks(db: Db, seminarId: string, viewer: Viewer): Promise<LinkRecord[]> {
  return db.link.findMany({
    where: visibleLinksWhere(seminarId, viewer),
    include: linkInclude,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** The links of a seminar the viewer may see that have an end on this reading. */
export function listVisibleLinksOnReading(db: Db, seminarId: string, documentId: string, viewer: Viewer): Promise<LinkRecord[]> {
  return db.link.findMany({
    where: { AND: [visibleLinksWhere(seminarId, viewer), { ends: { some: { documentId } } }] },
    include: linkInclude,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** One link by id (no permission check), or null. */
export function findLink(db: Db, id: string): Promise<LinkRecord | null> {
  return db.link.findUnique({ where: { id }, include: linkInclude });
}

/** What one end stores. */
export type EndData = { documentId: string; versionId: string; selectors: string };

/** Stores a new link with its two ends, made on the versions named. */
export function insertLink(
  db: Db,
  data: Omit<Prisma.LinkUncheckedCreateInput, "ends" | "replies">,
  ends: { a: EndData; b: EndData },
): Promise<LinkRecord> {
  const end = (side: "a" | "b", e: EndData) => ({
    side,
    documentId: e.documentId,
    versionId: e.versionId,
    originalVersionId: e.versionId,
    selectors: e.selectors,
    originalSelectors: e.selectors,
    anchorStatus: "anchored",
  });
  return db.link.create({
    data: { ...data, ends: { create: [end("a", ends.a), end("b", ends.b)] } },
    include: linkInclude,
  });
}

/** Updates a link only if it is still at `revision`, moving it to the next. False when another edit got there first. */
export async function updateLinkAtRevision(db: Db, id: string, revision: number, data: Prisma.LinkUncheckedUpdateManyInput) {
  const result = await db.link.updateMany({ where: { id, revision }, data: { ...data, revision: { increment: 1 } } });
  return result.count === 1;
}

/** Sets a link's moderation flag. */
export function setLinkHidden(db: Db, id: string, hidden: boolean, byUserId: string) {
  return db.link.update({ where: { id }, data: { hidden, hiddenById: hidden ? byUserId : null, hiddenAt: hidden ? new Date() : null } });
}

/** Deletes a link with its ends and replies. */
export function deleteLink(db: Db, id: string) {
  return db.link.delete({ where: { id } });
}

/** Turns a link into a placeholder: its note gone, its ends and thread kept. */
export function markLinkDeleted(db: Db, id: string) {
  return db.link.update({
    where: { id },
    data: { deletedAt: new Date(), bodyJson: null, bodyHtml: null, bodyText: null, revision: { increment: 1 } },
  });
}

/** Every reply of these links, flat. */
export function listLinkReplies(db: Db, linkIds: string[]): Promise<LinkReplyRow[]> {
  if (linkIds.length === 0) return Promise.resolve([]);
  return db.linkReply.findMany({ where: { linkId: { in: linkIds } }, include: { author: authorSelect } });
}

/** One reply of a link's thread by id, or null. */
export function findLinkReply(db: Db, id: string): Promise<LinkReplyRow | null> {
  return db.linkReply.findUnique({ where: { id }, include: { author: authorSelect } });
}

/** Stores a new reply in a link's thread. */
export function insertLinkReply(db: Db, data: Prisma.LinkReplyUncheckedCreateInput): Promise<LinkReplyRow> {
  return db.linkReply.create({ data, include: { author: authorSelect } });
}

/** As `updateLinkAtRevision`, for a reply. */
export async function updateLinkReplyAtRevision(db: Db, id: string, revision: number, data: Prisma.LinkReplyUncheckedUpdateManyInput) {
  const result = await db.linkReply.updateMany({ where: { id, revision }, data: { ...data, revision: { increment: 1 } } });
  return result.count === 1;
}

/** Sets a reply's moderation flag. */
export function setLinkReplyHidden(db: Db, id: string, hidden: boolean, byUserId: string) {
  return db.linkReply.update({ where: { id }, data: { hidden, hiddenById: hidden ? byUserId : null, hiddenAt: hidden ? new Date() : null } });
}

/** Deletes one reply (and, by cascade, nothing else: callers check it has no children). */
export function deleteLinkReply(db: Db, id: string) {
  return db.linkReply.delete({ where: { id } });
}

/** Turns a reply into a placeholder that keeps the replies under it. */
export function markLinkReplyDeleted(db: Db, id: string) {
  return db.linkReply.update({
    where: { id },
    data: { deletedAt: new Date(), bodyJson: null, bodyHtml: null, bodyText: null, revision: { increment: 1 } },
  });
}

/** How many replies a link has (any state). */
export function countLinkReplies(db: Db, linkId: string) {
  return db.linkReply.count({ where: { linkId } });
}

/** How many replies answer this reply (any state). */
export function countLinkReplyChildren(db: Db, replyId: string) {
  return db.linkReply.count({ where: { parentId: replyId } });
}

/** Readings by slug with their current version id (those that exist). */
export function findReadingsBySlug(db: Db, slugs: string[]) {
  return db.document.findMany({
    where: { slug: { in: [...new Set(slugs)] } },
    select: { id: true, slug: true, title: true, author: true, currentVersionId: true },
  });
}

/** Readings by id with their current version id. */
export function findReadingsById(db: Db, ids: string[]) {
  return db.document.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, slug: true, title: true, author: true, currentVersionId: true },
  });
}

/** A version of a reading with its canonical text, or null when the reading has no such version. */
export function findVersionOfReading(db: Db, documentId: string, versionId: string) {
  return db.documentVersion.findFirst({ where: { id: versionId, documentId }, select: { id: true, canonicalText: true } });
}

/** A version's canonical text, or null. */
export async function findVersionText(db: Db, versionId: string): Promise<string | null> {
  const row = await db.documentVersion.findUnique({ where: { id: versionId }, select: { canonicalText: true } });
  return row?.canonicalText ?? null;
}

/** A seminar's assigned readings in order, with their current version ids. */
export async function listSeminarReadings(db: Db, seminarId: string) {
  const rows = await db.seminarReading.findMany({
    where: { seminarId },
    orderBy: { position: "asc" },
    include: { document: { select: { id: true, slug: true, title: true, author: true, currentVersionId: true } } },
  });
  return rows.map((row) => row.document);
}

// Suggested parallels ------------------------------------------------------------

const suggestionInclude = {
  aDocument: { select: { slug: true, title: true } },
  bDocument: { select: { slug: true, title: true } },
} as const;

/** A stored suggestion with both readings' slugs and titles. */
export type SuggestionRecord = Prisma.LinkSuggestionGetPayload<{ include: typeof suggestionInclude }>;

/** What refreshing stores for one suggestion. */
export type SuggestionData = Omit<Prisma.LinkSuggestionUncheckedCreateInput, "id" | "createdAt">;

/** Every reading that has a current version, with its text (what suggestions are computed over). */
export async function listCurrentTexts(db: Db) {
  const rows = await db.document.findMany({
    where: { currentVersionId: { not: null } },
    orderBy: [{ position: "asc" }, { slug: "asc" }],
    select: { id: true, slug: true, currentVersion: { select: { id: true, canonicalText: true } } },
  });
  return rows.flatMap((row) => (row.currentVersion ? [{ documentId: row.id, slug: row.slug, versionId: row.currentVersion.id, text: row.currentVersion.canonicalText }] : []));
}

/** Replaces every stored suggestion with `rows` (decisions are kept: they name keys, not rows). */
export async function replaceSuggestions(db: Db, rows: SuggestionData[]): Promise<void> {
  await db.linkSuggestion.deleteMany({});
  if (rows.length) await db.linkSuggestion.createMany({ data: rows });
}

/** Suggestions whose two readings are both among `documentIds`, best first. */
export function listSuggestionsBetween(db: Db, documentIds: string[]): Promise<SuggestionRecord[]> {
  return db.linkSuggestion.findMany({
    where: { aDocumentId: { in: documentIds }, bDocumentId: { in: documentIds } },
    include: suggestionInclude,
    orderBy: [{ score: "desc" }, { key: "asc" }],
  });
}

/** One suggestion by id, or null. */
export function findSuggestion(db: Db, id: string): Promise<SuggestionRecord | null> {
  return db.linkSuggestion.findUnique({ where: { id }, include: suggestionInclude });
}

/** Every stored suggestion (tests and tools). */
export function listAllSuggestions(db: Db): Promise<SuggestionRecord[]> {
  return db.linkSuggestion.findMany({ include: suggestionInclude, orderBy: [{ score: "desc" }, { key: "asc" }] });
}

/** The decisions made in a seminar (dismissed or confirmed), with the passages each was made on. */
export function listDecisions(db: Db, seminarId: string) {
  return db.linkSuggestionDecision.findMany({
    where: { seminarId },
    select: { key: true, aDocumentId: true, aVersionId: true, aSelectors: true, bDocumentId: true, bVersionId: true, bSelectors: true },
  });
}

/** A seminar's decision as matching reads it: its key, and its passages where it kept them. */
export type DecisionRecord = Awaited<ReturnType<typeof listDecisions>>[number];

/** A seminar's decision on a suggestion key, or null. */
export function findDecision(db: Db, seminarId: string, key: string) {
  return db.linkSuggestionDecision.findUnique({ where: { seminarId_key: { seminarId, key } } });
}

/** Records a decision; false when the suggestion was already decided in this seminar. */
export async function insertDecision(
  db: Db,
  data: Omit<Prisma.LinkSuggestionDecisionUncheckedCreateInput, "id" | "decidedAt">,
): Promise<boolean> {
  try {
    await db.linkSuggestionDecision.create({ data });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return false; // decided at the same moment by someone else
    throw error;
  }
}

/** Points a confirmed decision at the link it made. */
export function setDecisionLink(db: Db, seminarId: string, key: string, linkId: string) {
  return db.linkSuggestionDecision.update({ where: { seminarId_key: { seminarId, key } }, data: { linkId } });
}

/** A link end's anchor as re-anchoring reads it. */
export type EndAnchorRow = { id: string; versionId: string; selectors: string; anchorStatus: string };

/** The link ends on a reading that are not on `versionId` (placeholders' ends included). */
export function listEndsOffVersion(db: Db, documentId: string, versionId: string): Promise<EndAnchorRow[]> {
  return db.linkEnd.findMany({
    where: { documentId, versionId: { not: versionId } },
    select: { id: true, versionId: true, selectors: true, anchorStatus: true },
    orderBy: { id: "asc" },
  });
}

/**
 * Moves an end's anchor onto another version, only if it is still on `fromVersionId`.
 * Leaves the link's `revision` alone (its content did not change). False when it had moved on.
 */
export async function moveEndAnchor(db: Db, id: string, fromVersionId: string, data: { versionId: string; selectors: string; anchorStatus: string }) {
  const result = await db.linkEnd.updateMany({ where: { id, versionId: fromVersionId }, data });
  return result.count === 1;
}

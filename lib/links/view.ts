import type { Selector } from "@/lib/anchoring/types";
import type { AnchorStatus, ReplyView } from "@/lib/annotations/schema";
import { quoteOf, spanInVersion, parseStoredSelectors } from "@/lib/annotations/selectors";
import { buildThread, countReplies, type ReplyRecord } from "@/lib/annotations/thread";
import { authorView, bodyView, replyRecord } from "@/lib/annotations/view";
import { canSeeLink, linkPermissions, type LinkFacts } from "@/lib/links/permissions";
import type { LinkEndRecord, LinkRecord, LinkReplyRow } from "@/lib/links/repo";
import type { LinkEndView, LinkReplyView, LinkSummary, LinkView, Placement, Relation, Visibility } from "@/lib/links/schema";
import type { Viewer } from "@/lib/seminars/schema";
import { locateItem } from "@/lib/revisions/place";

/**
 * Stored link rows → the views a viewer receives. Pure: the service loads rows, roles
 * and the current texts; these functions decide what is shown. Threads are built by
 * lib/annotations/thread.ts, the same code as notes' threads.
 */

/** The reading's current version and, when some passage must be searched for, its text. */
export type CurrentVersion = { versionId: string; text: string | null };

/**
 * Where a stored passage is in the current version of its reading, and its status
 * there: the stored position when it was made or last placed on that version, else
 * where re-anchoring would put it (lib/revisions/place.ts `locateItem`).
 */
export function placePassage(
  stored: { versionId: string; anchorStatus: string; selectors: Selector[] },
  current: CurrentVersion | undefined,
): { current: Placement; status: AnchorStatus } {
  if (!current) return { current: null, status: "orphaned" };
  if (stored.versionId === current.versionId) {
    const span = spanInVersion(stored, current.versionId, () => null);
    return { current: span && { versionId: current.versionId, ...span }, status: span ? (stored.anchorStatus as AnchorStatus) : "orphaned" };
  }
  if (stored.anchorStatus === "orphaned" || current.text === null) return { current: null, status: "orphaned" };
  const found = locateItem(current.text, stored.selectors);
  if (!found) return { current: null, status: "orphaned" };
  return { current: { versionId: current.versionId, start: found.start, end: found.end }, status: found.anchorStatus };
}

/** The rule-relevant facts of a stored link. */
export function linkFacts(link: Pick<LinkRecord, "authorId" | "visibility" | "hidden" | "deletedAt">): LinkFacts {
  return { authorId: link.authorId, visibility: link.visibility as Visibility, hidden: link.hidden, deleted: link.deletedAt !== null };
}

/** One stored end as a view, placed in its reading's current version. */
export function endView(end: LinkEndRecord, current: CurrentVersion | undefined): LinkEndView {
  const selectors = parseStoredSelectors(end.selectors);
  const placed = placePassage({ versionId: end.versionId, anchorStatus: end.anchorStatus, selectors }, current);
  return {
    side: end.side === "b" ? "b" : "a",
    readingSlug: end.document.slug,
    readingTitle: end.document.title,
    versionId: end.versionId,
    originalVersionId: end.originalVersionId,
    selectors,
    originalSelectors: parseStoredSelectors(end.originalSelectors),
    anchorStatus: placed.status,
    quote: quoteOf(selectors),
    current: placed.current,
  };
}

/** A stored reply as a thread record (the thread's owner id goes where a note's would). */
export function linkReplyRecord(row: LinkReplyRow, roles: Map<string, string>): ReplyRecord {
  return replyRecord({ ...row, noteId: row.linkId }, roles);
}

/** A built thread node with the link's id under its own name. */
export function toLinkReply(view: ReplyView): LinkReplyView {
  const { noteId, children, ...rest } = view;
  return { ...rest, linkId: noteId, children: children.map(toLinkReply) };
}

/** The thread of a link as a viewer may see it (in the notes' shape; see `toLinkReply`). */
export function linkThread(replies: LinkReplyRow[], roles: Map<string, string>, viewer: Viewer, open: boolean): ReplyView[] {
  return buildThread(replies.map((row) => linkReplyRecord(row, roles)), viewer, open);
}

/**
 * A link as this viewer may see it, with its thread. Null when the viewer may not see
 * it, or when it is a deleted placeholder with nothing left this viewer can read.
 */
export function linkView(
  link: LinkRecord,
  replies: LinkReplyRow[],
  roles: Map<string, string>,
  viewer: Viewer,
  currents: Map<string, CurrentVersion>,
): LinkView | null {
  const facts = linkFacts(link);
  if (!canSeeLink(facts, viewer)) return null;
  const permissions = linkPermissions(facts, viewer);
  const thread = linkThread(replies, roles, viewer, permissions.reply);
  if (facts.deleted && thread.length === 0) return null;
  const [a, b] = orderedEnds(link.ends);
  return {
    id: link.id,
    seminarId: link.seminarId,
    relation: link.relation as Relation,
    ends: [endView(a, currents.get(a.documentId)), endView(b, currents.get(b.documentId))],
    body: facts.deleted ? null : bodyView(link),
    visibility: facts.visibility,
    hidden: link.hidden,
    deleted: facts.deleted,
    author: facts.deleted ? null : authorView(link.author, roles),
    fromSuggestion: link.suggestionKey !== null,
    revision: link.revision,
    createdAt: link.createdAt.toISOString(),
    updatedAt: link.updatedAt.toISOString(),
    permissions,
    replyCount: countReplies(thread),
    replies: thread.map(toLinkReply),
  };
}

/** A link view without its thread. */
export function summaryOf(view: LinkView): LinkSummary {
  const { replies: _replies, ...summary } = view;
  return summary;
}

/** A link's ends as [a, b] (a link always has both; the order is fixed by `side`). */
export function orderedEnds(ends: LinkEndRecord[]): [LinkEndRecord, LinkEndRecord] {
  const a = ends.find((end) => end.side === "a");
  const b = ends.find((end) => end.side === "b");
  if (!a || !b) throw new Error("A link is missing one of its ends.");
  return [a, b];
}

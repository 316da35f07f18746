import type { Selector } from "@/lib/anchoring/types";
import type { HiddenRepliesRow, NoteCardRow, NoteListRow } from "@/lib/annotations/list-query";
import { canSeeNote, notePermissions, type NoteFacts } from "@/lib/annotations/permissions";
import { EXCERPT_CHARS, type AnchorStatus, type Motivation, type NoteSummary, type NoteView, type Visibility } from "@/lib/annotations/schema";
import { parseStoredSelectors, quoteOf, startOf } from "@/lib/annotations/selectors";
import { parseJson } from "@/lib/annotations/view";
import type { Role, Viewer } from "@/lib/seminars/schema";

/**
 * The notes of a reading's list. A list carries every note the viewer may see as a
 * summary: no thread (only its size), no body (an excerpt of its text stands in).
 * The panel asks for the cards it shows by id: the complete notes, less their threads.
 * Pure: the listing loads the rows, these decide what each viewer is shown.
 */

/** What is the same for every note of one list. */
export type ListContext = {
  seminarId: string;
  readingSlug: string;
  /** The reading's current version: notes on it are placed by position alone. */
  currentVersionId: string | null;
};

/** A note of a reading as any viewer's list starts from it: its facts, its summary for those who may see it, its threads' parts. */
export type ListedNote = {
  facts: NoteFacts;
  /** The summary as a viewer who reads no hidden reply under it receives it (shared: never changed). */
  summary: NoteSummary;
  /** Where it starts (orphans: +∞) and when it was made, for the order. */
  position: number;
  time: number;
  /** Replies every viewer of the note reads (not deleted, not hidden). */
  openReplies: number;
  /** Hidden, undeleted replies by their authors, who still read their own (instructors read all). */
  hiddenReplies: Map<string, number> | null;
};

/**
 * The start of a body's text as a list shows it in place of the body: runs of white
 * space as one space, cut after a word within EXCERPT_CHARS characters, "…" when cut.
 * Reads no further than EXCERPT_CHARS + 1 characters, which is what the listing loads.
 */
export function excerptOf(text: string): string {
  const flat = (part: string) => part.replace(/\s+/g, " ").trim();
  if (text.length <= EXCERPT_CHARS) return flat(text);
  let cut = text.slice(0, EXCERPT_CHARS + 1);
  const space = cut.search(/\s\S*$/);
  cut = space > EXCERPT_CHARS / 2 ? cut.slice(0, space) : cut.slice(0, EXCERPT_CHARS);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${flat(cut)}…`;
}

/**
 * A note's selectors as a list carries them. On the current version its position
 * places it, so the quote goes without its context (the quote itself stays: it is
 * what the card shows); a note still on another version keeps the context it is
 * found by.
 */
export function listSelectors(selectors: Selector[], onCurrentVersion: boolean): Selector[] {
  if (!onCurrentVersion) return selectors;
  return selectors.map((s) => (s.type === "TextQuoteSelector" ? { type: s.type, exact: s.exact } : s));
}

/** A listing row, with the hidden replies under it, as every list starts from it. */
export function listedNote(row: NoteListRow, hidden: HiddenRepliesRow[], context: ListContext): ListedNote {
  const deleted = row.deletedAt !== null;
  const facts: NoteFacts = { authorId: row.authorId, visibility: row.visibility as Visibility, hidden: row.hidden, deleted };
  const selectors = parseStoredSelectors(row.selectors);
  const openReplies = Number(row.openReplies);
  const summary: NoteSummary = {
    id: row.id,
    versionId: row.versionId,
    selectors: listSelectors(selectors, row.versionId === context.currentVersionId),
    anchorStatus: row.anchorStatus as AnchorStatus,
    quote: quoteOf(selectors),
    motivation: row.motivation as Motivation,
    excerpt: deleted || row.bodyStart === null ? null : excerptOf(row.bodyStart),
    tags: deleted ? [] : parseJson<string[]>(row.tags, []),
    visibility: facts.visibility,
    hidden: row.hidden,
    deleted,
    author: deleted ? null : { id: row.authorId, name: row.authorName, role: (row.authorRole as Role | null) ?? null },
    revision: row.revision,
    createdAt: row.createdAt.toISOString(),
    replyCount: openReplies,
  };
  if (row.originalSelectors !== null) summary.originalSelectors = parseStoredSelectors(row.originalSelectors);
  return {
    facts,
    summary,
    position: row.anchorStatus === "orphaned" ? Number.POSITIVE_INFINITY : startOf(selectors),
    time: row.createdAt.getTime(),
    openReplies,
    hiddenReplies: hidden.length ? new Map(hidden.map((h) => [h.authorId, Number(h.count)])) : null,
  };
}

/**
 * The note's summary for this viewer, or null when they may not see it (`canSeeNote`),
 * or when it is a deleted placeholder with nothing left for them to read under it. The
 * thread's size counts the replies they may read (`canSeeReply`), placeholders not.
 */
export function summaryFor(note: ListedNote, viewer: Viewer): NoteSummary | null {
  if (!canSeeNote(note.facts, viewer)) return null;
  let hidden = 0;
  if (note.hiddenReplies) {
    if (viewer.role === "instructor") for (const count of note.hiddenReplies.values()) hidden += count;
    else hidden = note.hiddenReplies.get(viewer.userId) ?? 0;
  }
  const replyCount = note.openReplies + hidden;
  if (note.facts.deleted && replyCount === 0) return null;
  return hidden === 0 ? note.summary : { ...note.summary, replyCount };
}

/** A summary with what only its card shows: the complete note, less its thread, with its body's HTML. */
export function cardFor(note: ListedNote, summary: NoteSummary, row: NoteCardRow, context: ListContext, viewer: Viewer): NoteView {
  const { excerpt: _excerpt, originalSelectors = [], ...rest } = summary;
  return {
    ...rest,
    seminarId: context.seminarId,
    readingSlug: context.readingSlug,
    originalVersionId: row.originalVersionId,
    originalSelectors,
    body: note.facts.deleted || row.bodyHtml === null ? null : { json: null, html: row.bodyHtml, text: "" },
    updatedAt: row.updatedAt.toISOString(),
    permissions: notePermissions(note.facts, viewer),
    replies: [],
  };
}

/**
 * The facts the rules of permissions.ts read, from a summary: what the panel decides
 * a listed card's actions with. A placeholder names no author, and none of the rules
 * gives anything on a deleted note.
 */
export function summaryFacts(summary: NoteSummary): NoteFacts {
  return { authorId: summary.author?.id ?? "", visibility: summary.visibility, hidden: summary.hidden, deleted: summary.deleted };
}

/** What a list makes of a complete note (`getNote`): its summary. */
export function summaryOf(view: NoteView, currentVersionId: string | null): NoteSummary {
  const summary: NoteSummary = {
    id: view.id,
    versionId: view.versionId,
    selectors: listSelectors(view.selectors, view.versionId === currentVersionId),
    anchorStatus: view.anchorStatus,
    quote: view.quote,
    motivation: view.motivation,
    excerpt: view.body ? excerptOf(view.body.text) : null,
    tags: view.tags,
    visibility: view.visibility,
    hidden: view.hidden,
    deleted: view.deleted,
    author: view.author,
    revision: view.revision,
    createdAt: view.createdAt,
    replyCount: view.replyCount,
  };
  if (view.anchorStatus === "orphaned") summary.originalSelectors = view.originalSelectors;
  return summary;
}

/** What a list asked for cards makes of a complete note (`getNote`): no thread, the body's HTML. */
export function cardOf(view: NoteView, currentVersionId: string | null): NoteView {
  return {
    ...view,
    selectors: listSelectors(view.selectors, view.versionId === currentVersionId),
    originalSelectors: view.anchorStatus === "orphaned" ? view.originalSelectors : [],
    body: view.body && { json: null, html: view.body.html, text: "" },
    replies: [],
  };
}

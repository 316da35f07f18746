import { z } from "zod";
import { relations, type Relation, type Side } from "@/lib/links/relations";
import type { Selector } from "@/lib/anchoring/types";
import {
  bodyInput,
  targetInput,
  visibilities,
  type AnchorStatus,
  type AuthorView,
  type BodyView,
  type ItemPermissions,
  type ReplyView,
  type Visibility,
} from "@/lib/annotations/schema";

/**
 * Contracts and views of links: two anchored passages joined by a relation, inside one
 * seminar. A link's body, visibility, moderation and thread follow the notes' rules, so
 * the note contracts for bodies, targets and replies are reused as they are.
 */

// The relation names live in a module without zod, so client code can use them.
export { relations, type Relation, type Side } from "@/lib/links/relations";
export { visibilities, type Visibility };

const id = z.string().min(1).max(100);
const slug = z.string().min(1).max(200);

/** One end of a new link: a reading, the version the passage was chosen on, both W3C selectors. */
export const linkEndInput = z.object({ slug, target: targetInput }).strict();
export type LinkEndInput = z.infer<typeof linkEndInput>;

/** POST /api/seminars/[id]/links */
export const createLinkInput = z
  .object({
    a: linkEndInput,
    b: linkEndInput,
    relation: z.enum(relations),
    body: bodyInput.optional(),
    visibility: z.enum(visibilities),
  })
  .strict();
export type CreateLinkInput = z.infer<typeof createLinkInput>;

/** PATCH /api/links/[id]: `revision` is the one the edit started from; `body: null` removes the note. */
export const updateLinkInput = z
  .object({
    revision: z.number().int().min(1),
    relation: z.enum(relations).optional(),
    body: bodyInput.nullable().optional(),
    visibility: z.enum(visibilities).optional(),
  })
  .strict();
export type UpdateLinkInput = z.infer<typeof updateLinkInput>;

/** Query of GET /api/readings/[slug]/links */
export const readingLinksQuery = z.object({ seminar: id }).strict();

/** Where an end's passage is in the current version of its reading (null: orphaned there). */
export type Placement = { versionId: string; start: number; end: number } | null;

/** One end of a link as every viewer who may see the link receives it. */
export type LinkEndView = {
  side: Side;
  readingSlug: string;
  readingTitle: string;
  versionId: string;
  originalVersionId: string;
  selectors: Selector[];
  originalSelectors: Selector[];
  anchorStatus: AnchorStatus;
  /** The quoted passage (the TextQuoteSelector's exact). */
  quote: string;
  /** The passage in the reading's current version, or null when it cannot be found. */
  current: Placement;
};

/** A reply in a link's discussion: a note's ReplyView with the link's id in place of the note's. */
export type LinkReplyView = Omit<ReplyView, "noteId" | "children"> & { linkId: string; children: LinkReplyView[] };

/** A link as one viewer may see it, without its thread (lists, the map, the reader). */
export type LinkSummary = {
  id: string;
  seminarId: string;
  relation: Relation;
  ends: [LinkEndView, LinkEndView];
  body: BodyView | null;
  visibility: Visibility;
  hidden: boolean;
  /** A deleted link kept as a placeholder because its thread has replies. */
  deleted: boolean;
  author: AuthorView | null;
  /** True when it was confirmed from a suggested parallel. */
  fromSuggestion: boolean;
  revision: number;
  createdAt: string;
  updatedAt: string;
  permissions: ItemPermissions;
  /** Replies this viewer can read (placeholders not counted). */
  replyCount: number;
};

/** One link with the thread the viewer may see. */
export type LinkView = LinkSummary & { replies: LinkReplyView[] };

/** A reading as the map and the compare view place it. */
export type LinkedReading = { slug: string; title: string; author: string; versionId: string; length: number };

/** GET /api/seminars/[id]/links: the seminar's readings (columns) and the links the viewer may see. */
export type SeminarLinks = { readings: LinkedReading[]; links: LinkSummary[] };

/** One side of a suggested parallel. */
export type SuggestionEndView = {
  side: Side;
  readingSlug: string;
  readingTitle: string;
  versionId: string;
  selectors: Selector[];
  quote: string;
  current: Placement;
};

/** A suggested parallel waiting for an instructor's decision in a seminar. */
export type SuggestionView = {
  id: string;
  key: string;
  score: number;
  why: string[];
  ends: [SuggestionEndView, SuggestionEndView];
};

/** Query of GET /api/seminars/[id]/suggestions: optionally only those touching one reading. */
export const suggestionsQuery = z.object({ reading: slug.optional() }).strict();

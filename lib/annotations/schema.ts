import { z } from "zod";
import type { Selector } from "@/lib/anchoring/types";

/** Longest body, in characters of its text; longer → 413. */
export const MAX_BODY_CHARS = 20_000;
/** Longest body markup (HTML or serialised JSON) accepted before sanitising → 413. */
export const MAX_BODY_MARKUP = 200_000;
export const MAX_TAGS = 20;
export const MAX_TAG_CHARS = 40;
/** Characters of a body's text a reading's list carries in place of the body (see `NoteSummary`). */
export const EXCERPT_CHARS = 60;
/** Most notes one request for cards may name in `ids`. */
export const MAX_LISTED_IDS = 100;

export const motivations = ["highlighting", "commenting"] as const;
export type Motivation = (typeof motivations)[number];
export const visibilities = ["private", "seminar"] as const;
export type Visibility = (typeof visibilities)[number];
export type AnchorStatus = "anchored" | "reanchored" | "orphaned";

const id = z.string().min(1).max(100);

export const textQuoteSelector = z
  .object({
    type: z.literal("TextQuoteSelector"),
    exact: z.string().min(1).max(MAX_BODY_MARKUP),
    prefix: z.string().max(256).optional(),
    suffix: z.string().max(256).optional(),
  })
  .strict();

export const textPositionSelector = z
  .object({
    type: z.literal("TextPositionSelector"),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
  })
  .strict();

/** Where a new note sits: the version it was made on and both W3C selectors. */
export const targetInput = z
  .object({
    versionId: id,
    selectors: z
      .array(z.discriminatedUnion("type", [textQuoteSelector, textPositionSelector]))
      .length(2)
      .refine((list) => new Set(list.map((s) => s.type)).size === 2, {
        message: "Give one TextQuoteSelector and one TextPositionSelector.",
      }),
  })
  .strict();

/**
 * A rich-text body: tiptap's JSON (preferred, allow-listed node by node) or HTML
 * (e.g. from a client without the editor; sanitised). At least one.
 */
export const bodyInput = z
  .object({
    json: z.looseObject({ type: z.literal("doc") }).optional(),
    html: z.string().optional(),
  })
  .strict()
  .refine((body) => body.json !== undefined || body.html !== undefined, { message: "Give the body as json or html." });
export type BodyInput = z.infer<typeof bodyInput>;

export const tagsInput = z
  .array(z.string().trim().min(1, { message: "Tags cannot be empty." }).max(MAX_TAG_CHARS))
  .max(MAX_TAGS, { message: `At most ${MAX_TAGS} tags.` });

/** POST /api/readings/[slug]/notes?seminar=… */
export const createNoteInput = z
  .object({
    target: targetInput,
    motivation: z.enum(motivations),
    body: bodyInput.optional(),
    tags: tagsInput.default([]),
    visibility: z.enum(visibilities),
  })
  .strict()
  .refine((note) => (note.motivation === "commenting") === (note.body !== undefined), {
    message: "A comment needs a body; a highlight has none.",
    path: ["body"],
  });
export type CreateNoteInput = z.infer<typeof createNoteInput>;

/** PATCH /api/notes/[id]: `revision` is the one the edit started from. */
export const updateNoteInput = z
  .object({
    revision: z.number().int().min(1),
    motivation: z.enum(motivations).optional(),
    body: bodyInput.nullable().optional(),
    tags: tagsInput.optional(),
    visibility: z.enum(visibilities).optional(),
  })
  .strict();
export type UpdateNoteInput = z.infer<typeof updateNoteInput>;

/** POST /api/notes/[id]/hide and /api/replies/[id]/hide */
export const hideInput = z.object({ hidden: z.boolean() }).strict();

/** POST /api/notes/[id]/replies: `parentId` null or absent answers the note itself. */
export const createReplyInput = z.object({ parentId: id.nullable().optional(), body: bodyInput }).strict();
export type CreateReplyInput = z.infer<typeof createReplyInput>;

/** PATCH /api/replies/[id] */
export const updateReplyInput = z.object({ revision: z.number().int().min(1), body: bodyInput }).strict();
export type UpdateReplyInput = z.infer<typeof updateReplyInput>;

/** Query of POST /api/readings/[slug]/notes: the seminar the note belongs to. */
export const seminarQuery = z.object({ seminar: id }).strict();

/** Query of GET /api/readings/[slug]/notes */
export const listNotesQuery = z
  .object({
    seminar: id,
    q: z.string().max(200).optional(),
    tag: z.string().max(MAX_TAG_CHARS).optional(),
    author: id.optional(),
    motivation: z.enum(motivations).optional(),
    mine: z.enum(["true", "false"]).optional(),
    sort: z.enum(["position", "newest", "oldest"]).optional(),
  })
  .strict();
export type ListNotesQuery = z.infer<typeof listNotesQuery>;

/** Query of GET /api/readings/[slug]/notes with `ids`: comma-separated ids of the notes whose cards the panel shows. */
export const noteCardsQuery = z
  .object({
    seminar: id,
    ids: z
      .string()
      .max(MAX_LISTED_IDS * 101)
      .transform((text) => text.split(",").filter(Boolean))
      .pipe(z.array(id).min(1).max(MAX_LISTED_IDS)),
  })
  .strict();
export type NoteCardsQuery = z.infer<typeof noteCardsQuery>;

/** A stored body as every reader receives it. */
export type BodyView = { json: unknown | null; html: string; text: string };

/** Who wrote an item, with their role in the seminar (null: no longer a member). */
export type AuthorView = { id: string; name: string; role: "instructor" | "student" | null };

/** What the viewer may do with an item (drives the UI's buttons; the service re-checks). */
export type ItemPermissions = { edit: boolean; delete: boolean; hide: boolean; reply: boolean };

/** A reply in a thread. A placeholder (deleted, or hidden from this viewer) has no author or body. */
export type ReplyView = {
  id: string;
  noteId: string;
  parentId: string | null;
  placeholder: null | "deleted" | "hidden";
  hidden: boolean;
  author: AuthorView | null;
  body: BodyView | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
  permissions: ItemPermissions;
  children: ReplyView[];
};

/** A note as one viewer may see it, with its visible thread. */
export type NoteView = {
  id: string;
  seminarId: string;
  readingSlug: string;
  versionId: string;
  originalVersionId: string;
  selectors: Selector[];
  originalSelectors: Selector[];
  anchorStatus: AnchorStatus;
  /** The quoted passage (the TextQuoteSelector's exact). */
  quote: string;
  motivation: Motivation;
  body: BodyView | null;
  tags: string[];
  visibility: Visibility;
  hidden: boolean;
  /** A deleted note kept as a placeholder because its thread has replies. */
  deleted: boolean;
  author: AuthorView | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
  permissions: ItemPermissions;
  /** Replies this viewer can read (placeholders not counted). */
  replyCount: number;
  /** The thread; empty in a reading's list (see `cardOf`), where only `replyCount` tells its size. */
  replies: ReplyView[];
};

/**
 * A note as a reading's list carries it: where it sits, what and whose it is and the
 * size of its thread, with the start of its body's text in place of the body. What the
 * viewer may do with it follows from these facts by the rules of permissions.ts
 * (`summaryFacts`). The panel fetches the complete notes (`noteCardsQuery`) of the
 * cards it shows. See lib/annotations/list-view.ts.
 */
export type NoteSummary = Pick<
  NoteView,
  | "id"
  | "versionId"
  | "selectors"
  | "anchorStatus"
  | "quote"
  | "motivation"
  | "tags"
  | "visibility"
  | "hidden"
  | "deleted"
  | "author"
  | "revision"
  | "createdAt"
  | "replyCount"
> & {
  /** The start of the body's text (see `excerptOf`); null when the note has no body. */
  excerpt: string | null;
  /** Only for an orphan: the selectors it was made with, whose quote its card shows. */
  originalSelectors?: Selector[];
};

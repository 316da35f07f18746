import { z } from "zod";

/** What a reading is; the library shows it beside the title. */
export const documentKinds = ["article", "essay", "book excerpt", "transcript"] as const;

/** One of {@link documentKinds}. */
export const documentKindSchema = z.enum(documentKinds);

/**
 * A reading's front matter. `titleSupplied` marks a title given by the editor because the
 * source has none; `source` names the raw file the reading was cleaned from; `order` is the
 * reading's place in the library.
 */
export const documentMetaSchema = z.strictObject({
  title: z.string().trim().min(1),
  titleSupplied: z.boolean().default(false),
  author: z.string().trim().min(1),
  publication: z.string().trim().min(1).optional(),
  year: z.number().int().optional(),
  kind: documentKindSchema,
  source: z.string().trim().min(1),
  order: z.number().int().optional(),
});

/** The kinds of block a reading is made of. */
export const blockTypes = ["heading", "paragraph", "blockquote", "listItem", "caption", "note", "bibliography"] as const;

/**
 * A piece of a block: text (with its offsets into the canonical text) or a note call, which
 * is chrome and not part of the canonical text. `noteId` is the id of the note block the call
 * points to, or null when the reading has no notes at all.
 */
export const inlineSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string(), start: z.number().int(), end: z.number().int() }),
  z.object({ type: z.literal("noteCall"), label: z.string(), noteId: z.string().nullable() }),
]);

/**
 * One block of a reading. `id` is derived from the block's type and content, so an unchanged
 * paragraph keeps its id across revisions; `start`/`end` span the block's text in the
 * canonical text, and the text inlines concatenate exactly to that slice.
 */
export const blockSchema = z.object({
  id: z.string(),
  type: z.enum(blockTypes),
  /** Headings: 1–3. */
  level: z.number().int().min(1).max(3).optional(),
  /** Notes: the note's label as written ("128", "12"). */
  label: z.string().optional(),
  start: z.number().int(),
  end: z.number().int(),
  inlines: z.array(inlineSchema),
});

/** One of {@link documentKinds}. */
export type DocumentKind = z.infer<typeof documentKindSchema>;
/** A reading's front matter, defaults applied. */
export type DocumentMeta = z.infer<typeof documentMetaSchema>;
/** One of {@link blockTypes}. */
export type BlockType = (typeof blockTypes)[number];
/** See {@link inlineSchema}. */
export type Inline = z.infer<typeof inlineSchema>;
/** See {@link blockSchema}. */
export type Block = z.infer<typeof blockSchema>;

/**
 * A parsed reading: its metadata, its blocks, and the canonical text every offset in the
 * system indexes into (the blocks' texts joined with "\n\n", in block order).
 */
export type ParsedDocument = { meta: DocumentMeta; blocks: Block[]; text: string; wordCount: number };

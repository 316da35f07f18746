import { z } from "zod";
import { documentKindSchema } from "@/lib/documents/schema";

/** The largest reading text Parallax takes, typed or uploaded (characters ≈ bytes for most texts). */
export const MAX_READING_CHARS = 5 * 1024 * 1024;
/** Request bodies of the add and revise endpoints: the text, the original upload and the form. */
export const MAX_READING_REQUEST_BYTES = 2 * MAX_READING_CHARS + 64 * 1024;

const tooLong = { message: "The text is longer than 5 MB." };

/** The original upload, kept with the version as its provenance. */
export const uploadInput = z.strictObject({
  name: z.string().trim().min(1).max(255),
  format: z.enum(["text", "markdown", "html"]),
  text: z.string().max(MAX_READING_CHARS, tooLong),
});

/** A reading's details as the add form gives them. */
export const readingDetailsInput = z.strictObject({
  title: z.string().trim().min(1, { message: "Give the reading a title." }).max(300),
  author: z.string().trim().min(1, { message: "Name the author (or write Unknown)." }).max(300),
  publication: z.string().trim().max(300).optional(),
  year: z.number().int().min(-3000).max(3000).optional(),
  kind: documentKindSchema,
});

/** POST /api/readings */
export const addReadingInput = readingDetailsInput.extend({
  body: z.string().max(MAX_READING_CHARS, tooLong),
  seminarIds: z.array(z.string().min(1).max(64)).max(50).default([]),
  shared: z.boolean().default(false),
  upload: uploadInput.optional(),
});

/** POST /api/readings/[slug]/revisions and …/revisions/report */
export const reviseReadingInput = z.strictObject({
  baseVersion: z.number().int().min(1),
  body: z.string().max(MAX_READING_CHARS, tooLong),
  upload: uploadInput.optional(),
});

export type AddReadingInput = z.infer<typeof addReadingInput>;
export type ReviseReadingInput = z.infer<typeof reviseReadingInput>;
export type UploadInput = z.infer<typeof uploadInput>;

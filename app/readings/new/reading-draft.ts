import { documentKinds, type DocumentKind } from "@/lib/documents/schema";
import type { AddReadingInput, UploadInput } from "@/lib/revisions/schema";

/**
 * The add-a-reading form's draft, pure: what is typed, the check before publishing
 * (the same rules as the server's contract, in the same words), and keeping it in
 * sessionStorage so a reload or a failed publish loses nothing.
 */

export type ReadingDraft = {
  title: string;
  author: string;
  publication: string;
  year: string;
  kind: DocumentKind;
  seminarIds: string[];
  shared: boolean;
  body: string;
  /** The converted file (or paste) the body came from, kept with the version. */
  upload: UploadInput | null;
  warnings: string[];
  paste: string;
  pasteFormat: "text" | "markdown";
};

export const DRAFT_KEY = "parallax:reading-draft:new";

export function emptyDraft(seminarIds: string[]): ReadingDraft {
  return { title: "", author: "", publication: "", year: "", kind: "article", seminarIds, shared: false, body: "", upload: null, warnings: [], paste: "", pasteFormat: "text" };
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
const str = (value: unknown) => (typeof value === "string" ? value : "");

/** A stored draft read back (seminars limited to those the instructor teaches), or null. */
export function parseDraft(text: string | null, taught: string[]): ReadingDraft | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    if (!v || typeof v !== "object" || typeof v.body !== "string") return null;
    const upload = v.upload as Partial<UploadInput> | null | undefined;
    const validUpload =
      upload && typeof upload.name === "string" && typeof upload.text === "string" && (upload.format === "text" || upload.format === "markdown" || upload.format === "html")
        ? { name: upload.name, format: upload.format, text: upload.text }
        : null;
    return {
      title: str(v.title),
      author: str(v.author),
      publication: str(v.publication),
      year: str(v.year),
      kind: (documentKinds as readonly unknown[]).includes(v.kind) ? (v.kind as DocumentKind) : "article",
      seminarIds: strings(v.seminarIds).filter((id) => taught.includes(id)),
      shared: v.shared === true,
      body: v.body,
      upload: validUpload,
      warnings: strings(v.warnings),
      paste: str(v.paste),
      pasteFormat: v.pasteFormat === "markdown" ? "markdown" : "text",
    };
  } catch {
    return null;
  }
}

/** Keeps the draft; when it is too large for sessionStorage, keeps it without the original file. */
export function storeDraft(storage: Pick<Storage, "setItem" | "removeItem">, draft: ReadingDraft): "kept" | "partly" | "not kept" {
  try {
    storage.setItem(DRAFT_KEY, JSON.stringify(draft));
    return "kept";
  } catch {
    try {
      storage.setItem(DRAFT_KEY, JSON.stringify({ ...draft, upload: null, paste: "" }));
      return "partly";
    } catch {
      storage.removeItem(DRAFT_KEY);
      return "not kept";
    }
  }
}

export type DraftProblem = { field: "title" | "author" | "year" | "seminars" | "body"; message: string };

/** The request to publish the draft, or the first thing to fix. */
export function toInput(draft: ReadingDraft): { input: AddReadingInput } | { problem: DraftProblem } {
  const year = draft.year.trim();
  if (!draft.title.trim()) return { problem: { field: "title", message: "Give the reading a title." } };
  if (!draft.author.trim()) return { problem: { field: "author", message: "Name the author (or write Unknown)." } };
  if (year && !/^-?\d{1,4}$/.test(year)) return { problem: { field: "year", message: "The year is a whole number, such as 1950." } };
  if (draft.seminarIds.length === 0 && !draft.shared) {
    return { problem: { field: "seminars", message: "Choose at least one of your seminars, or add the reading to the shared library." } };
  }
  if (!/[\p{L}\p{N}]/u.test(draft.body)) return { problem: { field: "body", message: "The reading has no text yet: choose a file, paste the text or type it." } };
  const publication = draft.publication.trim();
  return {
    input: {
      title: draft.title.trim(),
      author: draft.author.trim(),
      ...(publication ? { publication } : {}),
      ...(year ? { year: Number(year) } : {}),
      kind: draft.kind,
      body: draft.body,
      seminarIds: draft.seminarIds,
      shared: draft.shared,
      ...(draft.upload ? { upload: draft.upload } : {}),
    },
  };
}

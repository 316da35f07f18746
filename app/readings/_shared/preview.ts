// Straight from the modules, not the index: the browser needs none of the HTML importer.
import { ImportError } from "@/lib/documents/import/errors";
import { buildReadingSource } from "@/lib/documents/import/source";
import { DocumentParseError, parseDocument } from "@/lib/documents/parse";
import { renderReadingHtml } from "@/lib/documents/render";
import type { Block, DocumentKind } from "@/lib/documents/schema";
import { errorLine } from "./job-text";

/**
 * The live preview of a reading being added, pure (it runs in the browser on every
 * pause in typing): the body parsed exactly as the server will parse it, counted and
 * rendered, or the parse error with its line in the body.
 */

export type Outline = {
  headings: number;
  paragraphs: number;
  quotations: number;
  listItems: number;
  captions: number;
  bibliography: number;
  notes: number;
  noteCalls: number;
  words: number;
};

export type Preview =
  | { ok: true; outline: Outline; headings: { id: string; level: number; text: string }[]; html: string }
  | { ok: false; line: number | null; message: string };

/**
 * Parses `body` under a front matter built from the form (a missing title or author
 * gets a stand-in, so the preview speaks only about the body).
 */
export function previewReading(meta: { title: string; author: string; kind: DocumentKind }, body: string): Preview {
  try {
    const source = buildReadingSource({ title: meta.title.trim() || "Untitled", author: meta.author.trim() || "Unknown", kind: meta.kind }, body);
    const parsed = parseDocument(source, "preview.md");
    return {
      ok: true,
      outline: outlineOf(parsed.blocks, parsed.wordCount),
      headings: parsed.blocks.filter((b) => b.type === "heading").map((b) => ({ id: b.id, level: b.level ?? 1, text: textOf(b) })),
      html: renderReadingHtml(parsed.blocks),
    };
  } catch (error) {
    // buildReadingSource checks the body with the parser and names the body's line itself.
    if (error instanceof ImportError) return { ok: false, line: errorLine(error.message), message: error.message };
    if (error instanceof DocumentParseError) return { ok: false, line: null, message: `${error.reason}.` };
    return { ok: false, line: null, message: error instanceof Error ? error.message : "The text cannot be read." };
  }
}

/** How many blocks of each kind, note calls and words a reading has. */
export function outlineOf(blocks: Block[], words: number): Outline {
  const count = (type: Block["type"]) => blocks.filter((b) => b.type === type).length;
  return {
    headings: count("heading"),
    paragraphs: count("paragraph"),
    quotations: count("blockquote"),
    listItems: count("listItem"),
    captions: count("caption"),
    bibliography: count("bibliography"),
    notes: count("note"),
    noteCalls: blocks.reduce((n, b) => n + b.inlines.filter((i) => i.type === "noteCall").length, 0),
    words,
  };
}

const textOf = (block: Block) => block.inlines.map((i) => (i.type === "text" ? i.text : "")).join("");

import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { ImportError, type ImportErrorCode } from "@/lib/documents/import";
import { parseDocument } from "@/lib/documents/parse";
import type { Block, ParsedDocument } from "@/lib/documents/schema";

const fixtures = path.resolve(import.meta.dirname, "../../../fixtures/import");

/** A sample file from tests/fixtures/import, as text. */
export function fixture(name: string): string {
  return fs.readFileSync(path.join(fixtures, name), "utf8");
}

/** A sample file from tests/fixtures/import, as bytes. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(fixtures, name)));
}

const FRONT = "---\ntitle: Imported\nauthor: Someone\nkind: article\nsource: upload\n---\n\n";

/** Parses an imported body with a front matter put in front, as the reading format requires. */
export function parseBody(body: string): ParsedDocument {
  return parseDocument(FRONT + body, "upload.md");
}

const textOf = (block: Block) => block.inlines.map((inline) => (inline.type === "text" ? inline.text : `[^${inline.label}]`)).join("");

/** Blocks as `[type, text with calls written [^label], level or label]`, for compact expectations. */
export function shape(parsed: ParsedDocument): (string | number)[][] {
  return parsed.blocks.map((b) => [b.type, textOf(b), ...(b.level ? [b.level] : []), ...(b.label ? [b.label] : [])]);
}

/** Runs `fn`, expecting an ImportError with `code` whose message matches `pattern`. */
export function importError(fn: () => unknown, code: ImportErrorCode, pattern: RegExp): ImportError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    const e = error as ImportError;
    expect(e.code).toBe(code);
    expect(e.message).toMatch(pattern);
    return e;
  }
  throw new Error(`expected an ImportError "${code}"`);
}

/** Whitespace collapsed within each blank-line-separated paragraph, paragraphs joined as the canonical text joins blocks. */
export function paragraphsOf(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n(?:[^\S\n]*\n)+/)
    .map((part) => part.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}

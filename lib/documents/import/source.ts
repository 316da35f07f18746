import { DocumentParseError, parseDocument } from "../parse";
import { documentKinds, type DocumentKind } from "../schema";
import { ImportError } from "./errors";

/** What the instructor gives about an imported reading. `source` is the uploaded file's name (absent: pasted). */
export type ReadingMetaInput = {
  title: string;
  author: string;
  publication?: string | null;
  year?: number | null;
  kind: DocumentKind;
  source?: string | null;
};

/**
 * Writes a whole reading file: front matter (title, author, publication, year, kind, and
 * `source`: the file's name, or `upload` for pasted text; values JSON-quoted when the
 * format needs it) and the body. The result is checked with `parseDocument`.
 *
 * @throws ImportError "invalid" for a missing title or author, an unknown kind, a year that
 *   is not a whole number, or a body the reading format refuses (the message names the
 *   body's line); "nothing_readable" for a body without words
 */
export function buildReadingSource(meta: ReadingMetaInput, body: string): string {
  const file = writeReadingSource(meta, body);
  let words: number;
  try {
    words = parseDocument(file, sourceName(meta.source)).wordCount;
  } catch (error) {
    if (!(error instanceof DocumentParseError)) throw error;
    const line = bodyLine(file, error.line);
    throw new ImportError("invalid", line > 0 ? `Line ${line} of the text: ${error.reason}.` : `The reading's details are not valid: ${error.reason}.`);
  }
  if (words === 0) throw new ImportError("nothing_readable", "The reading has no text yet. Add its words and save again.");
  return file;
}

/**
 * As {@link buildReadingSource} without parsing the result: for the server, which
 * parses a large reading in a worker thread and reports a bad body from there.
 *
 * @throws ImportError "invalid" for a missing title or author, an unknown kind or a year
 *   that is not a whole number
 */
export function writeReadingSource(meta: ReadingMetaInput, body: string): string {
  const title = oneLine(meta.title);
  const author = oneLine(meta.author);
  const publication = oneLine(meta.publication);
  if (!title) throw new ImportError("invalid", "Give the reading a title.");
  if (!author) throw new ImportError("invalid", "Give the reading an author (write Unknown when the text does not say).");
  if (!(documentKinds as readonly string[]).includes(meta.kind)) {
    throw new ImportError("invalid", `Choose what the reading is: ${documentKinds.join(", ")}.`);
  }
  if (meta.year !== undefined && meta.year !== null && !Number.isInteger(meta.year)) {
    throw new ImportError("invalid", "The year must be a whole number, like 1972.");
  }
  const lines = ["---", `title: ${scalar(title)}`, `author: ${scalar(author)}`];
  if (publication) lines.push(`publication: ${scalar(publication)}`);
  if (meta.year !== undefined && meta.year !== null) lines.push(`year: ${meta.year}`);
  lines.push(`kind: ${meta.kind}`, `source: ${scalar(sourceName(meta.source))}`, "---");
  return `${lines.join("\n")}\n\n${tidyBody(body)}`;
}

/**
 * Splits a reading file into its front matter (the `---` lines and what is between them)
 * and its body (without the blank lines that open it), for the revision editor. Line
 * breaks come back as `\n`. A file without front matter is all body.
 */
export function splitReadingSource(source: string): { frontMatter: string; body: string } {
  const text = source.replace(/^\uFEFF/, "");
  const lines = text.split(/\r\n|\r|\n/);
  const close = lines[0]?.trim() === "---" ? lines.findIndex((line, index) => index > 0 && line.trim() === "---") : -1;
  if (close < 0) return { frontMatter: "", body: lines.join("\n") };
  const rest = lines.slice(close + 1);
  while (rest.length && rest[0].trim() === "") rest.shift();
  return { frontMatter: lines.slice(0, close + 1).join("\n"), body: rest.join("\n") };
}

/**
 * The line of a reading file's body (1: its first) that line `fileLine` of the whole file
 * is; 0 or less for a line of the front matter. The body starts after the front matter
 * and one blank line, as {@link joinReadingSource} writes it.
 */
export function bodyLine(file: string, fileLine: number): number {
  const { frontMatter } = splitReadingSource(file);
  return fileLine - (frontMatter === "" ? 0 : frontMatter.split("\n").length) - 1;
}

/** Puts a front matter from {@link splitReadingSource} back in front of a (revised) body. */
export function joinReadingSource(frontMatter: string, body: string): string {
  const text = tidyBody(body);
  return frontMatter ? `${frontMatter}\n\n${text}` : text;
}

function tidyBody(body: string): string {
  const text = body.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").replace(/^(?:[ \t]*\n)+/, "");
  return text === "" || text.endsWith("\n") ? text : `${text}\n`;
}

function oneLine(value: string | null | undefined): string {
  return (value ?? "").replace(/\s+/g, " ").trim();
}

/** A front matter value, JSON-quoted when written plain it would read differently. */
function scalar(value: string): string {
  return /^["']/.test(value) || /[\x00-\x1f\x7f]/.test(value) ? JSON.stringify(value) : value;
}

function sourceName(name: string | null | undefined): string {
  return oneLine(name?.split(/[\\/]/).pop()) || "upload";
}

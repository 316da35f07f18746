import { DocumentParseError, parseDocument } from "../parse";
import type { ImportFormat } from "./detect";
import { ImportError } from "./errors";
import { metaOf, type SuggestedMeta } from "./meta";
import { normalizeText } from "./normalize";
import { settleNotes } from "./notes";
import { readSource, type SourceRead } from "./read";
import { splitLongBlocks } from "./split";
import { writeBody } from "./write";

/** A reading body made from an upload, and what the instructor should know about the conversion. */
export type ReadingBody = { body: string; warnings: string[] };

/** A reading body with the title and author guessed from the same file. */
export type ReadUpload = ReadingBody & { suggested: SuggestedMeta };

const checkFrontMatter = "---\ntitle: Upload\nauthor: Unknown\nkind: article\nsource: upload\n---\n\n";

/**
 * Turns an uploaded or pasted text into a reading body in the Parallax subset of Markdown
 * (documents/README.md), which `parseDocument` accepts once front matter is put in front.
 * Plain text keeps every character as a word (markup characters are escaped); Markdown is
 * reduced to the subset; HTML to the structure the reader renders. Calls whose note is
 * missing become plain text; notes go to the end; a block longer than 10,000 characters is
 * split at sentence ends. Pure: runs in Node and in the browser.
 *
 * @throws ImportError "empty" (no text), "nothing_readable" (no letter or digit left, e.g. a
 *   page of scripts and images) or "invalid" (the body could not be made readable)
 */
export function toReadingBody(text: string, format: ImportFormat): ReadingBody {
  const { body, warnings } = readBody(normalizeText(text), format);
  return { body, warnings };
}

/**
 * As {@link toReadingBody}, with the title and author `suggestMeta` would guess: the
 * file is normalised and read once for both.
 *
 * @throws ImportError as {@link toReadingBody}
 */
export function readUpload(text: string, format: ImportFormat): ReadUpload {
  const source = normalizeText(text);
  const { body, warnings, read } = readBody(source, format);
  return { body, warnings, suggested: metaOf(source, format, read) };
}

/** The body of a normalised text, with the reader's result it was written from. */
function readBody(source: string, format: ImportFormat): ReadingBody & { read: SourceRead } {
  if (source.trim() === "") throw new ImportError("empty", "There is no text to import. Paste the reading's text, or choose the file that holds it.");
  const read = readSource(source, format);
  const warnings = [...read.warnings];
  const body = writeBody(splitLongBlocks(settleNotes(read.blocks, warnings), warnings));

  let words: number;
  try {
    words = parseDocument(checkFrontMatter + body, "upload").wordCount;
  } catch (error) {
    if (!(error instanceof DocumentParseError)) throw error;
    throw new ImportError("invalid", `This file could not be turned into a reading (${error.reason}). Try uploading it as plain text.`);
  }
  if (words === 0) {
    throw new ImportError(
      "nothing_readable",
      read.emptyMessage ?? "This file has no readable words in it (no letters or digits). Check that it is the reading, or paste the reading's text instead.",
    );
  }
  return { body, warnings, read };
}

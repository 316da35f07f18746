import type { ImportFormat } from "./detect";
import { plainText } from "./model";
import { normalizeText } from "./normalize";
import { readSource, type SourceRead } from "./read";

/** A title and an author guessed from a file, to prefill the form. */
export type SuggestedMeta = { title?: string; author?: string };

const byline = /^(?:by|von|par|por|di|door|av)\s+(\S.{0,78})$/i;

/**
 * Guesses a reading's title and author from its text, best effort: for HTML the
 * `<title>` (or the first h1, when the title only adds a site name to it) and
 * `<meta name="author">`; for Markdown the front matter's title and author, else the first
 * `#` heading; for text the first line when it is short. A "By …" line near the top gives
 * the author of Markdown and text files.
 */
export function suggestMeta(text: string, format: ImportFormat): SuggestedMeta {
  const source = normalizeText(text);
  return metaOf(source, format, readSource(source, format));
}

/** As {@link suggestMeta}, from a text already normalised and read with `readSource`. */
export function metaOf(source: string, format: ImportFormat, read: SourceRead): SuggestedMeta {
  if (format === "html") return tidy(read.title, read.author);
  const lines = source.split("\n").map((line) => line.trim()).filter(Boolean);
  const author = lines.slice(0, 6).map((line) => byline.exec(unmarked(line))?.[1]).find(Boolean);
  if (format === "markdown") {
    const heading = read.blocks.find((block) => block.type === "heading" && block.level === 1);
    return tidy(read.frontMatter?.title ?? (heading ? plainText(heading.content) : undefined), read.frontMatter?.author ?? author);
  }
  const first = lines[0];
  return tidy(first && first.length <= 120 && !byline.test(first) ? first : undefined, author);
}

/**
 * A line without the Markdown marks around it: leading `#`, `*`, `_`, `>` and spaces,
 * trailing `*`, `_` and spaces. Trimmed from the end a character at a time, as a regular
 * expression anchored at the end takes quadratic time on a long run of spaces mid-line.
 */
function unmarked(line: string): string {
  const start = /^[#*_>\s]*/.exec(line)![0].length;
  let end = line.length;
  while (end > start && /[*_\s]/.test(line[end - 1])) end--;
  return line.slice(start, end);
}

function tidy(title: string | undefined, author: string | undefined): SuggestedMeta {
  const clean = (value: string | undefined) => value?.replace(/\s+/g, " ").trim().slice(0, 200) || undefined;
  const result: SuggestedMeta = {};
  if (clean(title)) result.title = clean(title);
  if (clean(author)) result.author = clean(author);
  return result;
}

import type { ImportFormat } from "./detect";
import { readHtml } from "./html";
import { readMarkdown } from "./markdown";
import { plainText } from "./model";
import { normalizeText } from "./normalize";

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
  if (format === "html") {
    const { title, author } = readHtml(source);
    return tidy(title, author);
  }
  const lines = source.split("\n").map((line) => line.trim()).filter(Boolean);
  const author = lines.slice(0, 6).map((line) => byline.exec(line.replace(/^[#*_>\s]+|[*_\s]+$/g, ""))?.[1]).find(Boolean);
  if (format === "markdown") {
    const { blocks, frontMatter } = readMarkdown(source);
    const heading = blocks.find((block) => block.type === "heading" && block.level === 1);
    return tidy(frontMatter.title ?? (heading ? plainText(heading.content) : undefined), frontMatter.author ?? author);
  }
  const first = lines[0];
  return tidy(first && first.length <= 120 && !byline.test(first) ? first : undefined, author);
}

function tidy(title: string | undefined, author: string | undefined): SuggestedMeta {
  const clean = (value: string | undefined) => value?.replace(/\s+/g, " ").trim().slice(0, 200) || undefined;
  const result: SuggestedMeta = {};
  if (clean(title)) result.title = clean(title);
  if (clean(author)) result.author = clean(author);
  return result;
}

import type { ImportFormat } from "./detect";
import { readHtml } from "./html";
import { readMarkdown } from "./markdown";
import type { ReadResult } from "./model";
import { readText } from "./text";

/** What reading a file gives: its blocks, and for HTML its title and author, for Markdown its front matter. */
export type SourceRead = ReadResult & { title?: string; author?: string; frontMatter?: Record<string, string> };

/** Reads a normalised text with the reader for its format. */
export function readSource(source: string, format: ImportFormat): SourceRead {
  return format === "html" ? readHtml(source) : format === "markdown" ? readMarkdown(source) : readText(source);
}

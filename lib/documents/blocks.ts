import { matchNoteDefinition } from "./note-calls";
import { DocumentParseError } from "./parse-error";
import type { BlockType } from "./schema";

/** The marker line that makes the next paragraph a caption. It adds no words. */
export const CAPTION_MARKER = "<!-- caption -->";

/** Headings whose list items are a bibliography (compared lowercased, without a final `:` or `.`). */
export const bibliographyHeadings = ["bibliography", "references", "works cited", "sources"];

/** One block as written: its type, its inline Markdown, and the file lines it came from. */
export type SourceBlock = {
  type: BlockType;
  level?: number;
  label?: string;
  /** The block's inline Markdown, its lines joined by single spaces. */
  source: string;
  /** The 1-based file line of each source line, in order. */
  lines: { line: number; text: string }[];
};

type Open = SourceBlock | null;

/**
 * Splits a reading's body into blocks, Markdown-style: `#`–`###` headings, paragraphs
 * separated by blank lines, `> ` block quotations (a bare `>` line separates two quoted
 * paragraphs), `- ` list items, `[^label]: text` note definitions (indented lines continue
 * them), and the paragraph after a `<!-- caption -->` line as a caption. Other HTML comment
 * lines and thematic breaks (`---`) are skipped. List items under a heading named
 * Bibliography, References, Works cited or Sources, up to the next heading of the same or a
 * higher level, become bibliography entries.
 */
export function scanBlocks(lines: string[], bodyStart: number, file: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let open: Open = null;
  let captionAt = 0;
  const flush = () => {
    if (open) blocks.push(open);
    open = null;
  };
  const start = (block: SourceBlock) => {
    flush();
    open = block;
  };

  for (let i = bodyStart; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i];
    const trimmed = line.trim();
    const current = open as Open;
    if (trimmed === "") {
      flush();
      continue;
    }
    if (trimmed === CAPTION_MARKER) {
      flush();
      if (captionAt) throw new DocumentParseError(file, captionAt, "a caption marker must be followed by a paragraph");
      captionAt = lineNo;
      continue;
    }
    if (/^<!--.*-->$/.test(trimmed) || /^(?:-{3,}|\*{3,}|_{3,})$/.test(trimmed)) {
      flush();
      continue;
    }
    const heading = /^(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/.exec(line);
    if (heading) {
      const level = heading[1].length;
      if (level > 3) throw new DocumentParseError(file, lineNo, `heading level ${level} is not supported (use #, ## or ###)`);
      checkNoCaption(captionAt, file);
      start({ type: "heading", level, source: heading[2] ?? "", lines: [{ line: lineNo, text: line }] });
      flush();
      continue;
    }
    const quote = /^ {0,3}>[ \t]?(.*)$/.exec(line);
    if (quote) {
      checkNoCaption(captionAt, file);
      if (quote[1].trim() === "") flush();
      else if (current?.type === "blockquote") append(current, quote[1], lineNo);
      else start({ type: "blockquote", source: quote[1], lines: [{ line: lineNo, text: line }] });
      continue;
    }
    const item = /^ {0,3}[-*+][ \t]+(.*)$/.exec(line);
    if (item) {
      checkNoCaption(captionAt, file);
      start({ type: "listItem", source: item[1], lines: [{ line: lineNo, text: line }] });
      continue;
    }
    const definition = matchNoteDefinition(line);
    if (definition) {
      checkNoCaption(captionAt, file);
      start({ type: "note", label: definition.label, source: definition.text, lines: [{ line: lineNo, text: line }] });
      continue;
    }
    if (current && current.type !== "heading") {
      // Indented lines continue a list item or a note; other text lines continue any open
      // block lazily, as in Markdown.
      append(current, trimmed, lineNo);
      continue;
    }
    const type: BlockType = captionAt ? "caption" : "paragraph";
    captionAt = 0;
    start({ type, source: trimmed, lines: [{ line: lineNo, text: line }] });
  }
  flush();
  if (captionAt) throw new DocumentParseError(file, captionAt, "a caption marker must be followed by a paragraph");
  return blocks;
}

/**
 * Turns list items under a bibliography heading into bibliography entries. `headingText`
 * gives a heading's text as the reader sees it (markup resolved).
 */
export function markBibliography(blocks: SourceBlock[], headingText: (block: SourceBlock) => string): void {
  let scope: number | null = null;
  for (const block of blocks) {
    if (block.type === "heading") {
      const level = block.level ?? 1;
      if (scope !== null && level <= scope) scope = null;
      if (isBibliographyHeading(headingText(block))) scope = level;
    } else if (block.type === "listItem" && scope !== null) {
      block.type = "bibliography";
    }
  }
}

/** Whether a heading's text names a bibliography ("Bibliography", "BIBLIOGRAPHY:", "Works cited"). */
export function isBibliographyHeading(text: string): boolean {
  return bibliographyHeadings.includes(text.trim().replace(/[:.]+$/, "").trim().toLowerCase());
}

function append(block: SourceBlock, text: string, line: number): void {
  const part = text.trim();
  block.source = block.source ? `${block.source} ${part}` : part;
  block.lines.push({ line, text });
}

function checkNoCaption(captionAt: number, file: string): void {
  if (captionAt) throw new DocumentParseError(file, captionAt, "a caption marker must be followed by a paragraph");
}

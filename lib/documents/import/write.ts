import { CAPTION_MARKER } from "../blocks";
import { readInlineContent } from "../inline";
import { plainText, text, type ImportBlock, type ImportInline } from "./model";

/**
 * Writes blocks as a reading body in the Parallax subset of Markdown (documents/README.md):
 * one blank line between blocks, text escaped so that nothing in it reads as markup, and
 * emphasis written with `*` markers only where the reading format reads them back as
 * markup around the same words. Headings, list items and notes take one line; paragraphs,
 * quotations and captions keep their line breaks.
 */
export function writeBody(blocks: ImportBlock[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    const lines = contentLines(block.content);
    if (!lines.length) continue;
    switch (block.type) {
      case "heading":
        parts.push(`${"#".repeat(Math.min(Math.max(block.level ?? 1, 1), 3))} ${lines.join(" ")}`);
        break;
      case "item":
        parts.push(`- ${lines.join(" ")}`);
        break;
      case "note":
        parts.push(`[^${block.label}]: ${lines.join(" ")}`);
        break;
      case "quote":
        parts.push(lines.map((line) => `> ${line}`).join("\n"));
        break;
      case "caption":
        parts.push(`${CAPTION_MARKER}\n${lines.join("\n")}`);
        break;
      default:
        parts.push(lines.join("\n"));
    }
  }
  return parts.length ? `${parts.join("\n\n")}\n` : "";
}

/** Escapes text so the reading format reads it back as the same characters. */
export function escapeInline(value: string): string {
  return value.replace(/\\|\*|\[(?=\^)|<(?=[A-Za-z])/g, (match) => `\\${match}`);
}

/** Escapes the start of a line that the block scanner would read as a heading, quotation, item, break or comment. */
export function escapeLineStart(line: string): string {
  const markup =
    /^#{1,6}(?:[ \t]|$)/.test(line) ||
    line.startsWith(">") ||
    /^[-+][ \t]/.test(line) ||
    /^(?:-{3,}|_{3,})$/.test(line) ||
    /^<!--.*-->$/.test(line);
  return markup ? `\\${line}` : line;
}

/** A block's content as escaped, trimmed, non-empty lines, each run of spaces written as one. */
function contentLines(content: ImportInline[]): string[] {
  const plain = serialize(content, false);
  let written = serialize(content, true);
  if (written !== plain && !sameReading(written, plain)) written = plain;
  return written
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line !== "")
    .map(escapeLineStart);
}

function sameReading(a: string, b: string): boolean {
  const first = readInlineContent(a.replace(/\s+/g, " "));
  const second = readInlineContent(b.replace(/\s+/g, " "));
  return first.text === second.text && JSON.stringify(first.calls) === JSON.stringify(second.calls);
}

function serialize(inlines: ImportInline[], markers: boolean): string {
  let out = "";
  for (const inline of normalize(inlines, markers)) {
    if (inline.type === "text") out += escapeInline(inline.text);
    else if (inline.type === "call") out += `[^${inline.label}]`;
    else {
      const marker = inline.strong ? "**" : "*";
      const inner = serialize(inline.children, true);
      const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
      out += `${lead}${marker}${core}${marker}${trail}`;
    }
  }
  return out;
}

/** Adjacent text merged; emphasis flattened to its children when markers are off or it holds no text. */
function normalize(inlines: ImportInline[], markers: boolean): ImportInline[] {
  const result: ImportInline[] = [];
  const add = (inline: ImportInline) => {
    const last = result.at(-1);
    if (inline.type === "text" && last?.type === "text") result[result.length - 1] = text(last.text + inline.text);
    else result.push(inline);
  };
  for (const inline of inlines) {
    if (inline.type === "emphasis" && (!markers || !plainText(inline.children).trim())) normalize(inline.children, markers).forEach(add);
    else add(inline);
  }
  return result;
}

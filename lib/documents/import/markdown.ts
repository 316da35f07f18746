import { normalizeLabel, readMarkdownInline, type InlineContext } from "./markdown-inline";
import { joinContent, Tally, text, type ImportBlock, type ImportInline, type ReadResult } from "./model";

type MdBlock =
  | { kind: "heading"; level: number; source: string }
  | { kind: "paragraph"; source: string }
  | { kind: "code"; lines: string[] }
  | { kind: "quote"; children: MdBlock[] }
  | { kind: "item"; children: MdBlock[] }
  | { kind: "note"; label: string; children: MdBlock[] }
  | { kind: "table"; rows: string[][] };

type Context = InlineContext & { found: Tally };

const fence = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const atxHeading = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const thematicBreak = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const quoteLine = /^ {0,3}>[ \t]?(.*)$/;
const listItem = /^( {0,3})([*+-]|\d{1,9}[.)])(?:([ \t]+)(.*))?$/;
const footnoteDefinition = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]?(.*)$/;
const referenceDefinition = /^ {0,3}\[((?:[^\[\]\\^]|\\.)(?:[^\[\]\\]|\\.)*)\]:[ \t]*(?:<[^<>\n]*>|\S+)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/;
const tableDelimiter = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const htmlHidden = /^ {0,3}<(script|style|textarea|noscript|template)(?:[\s>]|$)/i;

/**
 * Reads a Markdown (CommonMark-ish, with GitHub tables and footnotes) file into blocks the
 * reader renders: ATX and setext headings (deeper than level 3 become level 3), paragraphs,
 * block quotations, list items (bullets and numbers alike), footnotes; code blocks become
 * plain paragraphs and tables one paragraph per row. YAML front matter at the top is left out.
 */
export function readMarkdown(source: string): ReadResult & { frontMatter: Record<string, string> } {
  const { lines, frontMatter } = splitFrontMatter(source.split("\n").map(expandIndent));
  const context: Context = { references: new Set(), dropped: new Tally(), found: new Tally() };
  const parsed = parseLines(lines, context);
  const blocks: ImportBlock[] = [];
  convert(parsed, context, blocks, false);

  const warnings: string[] = [];
  if (frontMatter) warnings.push("The front matter at the top of the file (title, author …) was left out of the text; use the form's fields instead.");
  const images = context.dropped.count("image");
  if (images) warnings.push(`Removed ${images === 1 ? "1 image" : `${images} images`}: a reading keeps only text.`);
  const tags = context.dropped.count("HTML tag");
  if (tags) warnings.push(`Removed ${tags === 1 ? "1 HTML tag" : `${tags} HTML tags`} written in the Markdown (scripts and styles with their content).`);
  const tables = context.found.count("table");
  if (tables) warnings.push(`${tables === 1 ? "A table" : `${tables} tables`} became one paragraph per row, cells separated by “|”.`);
  const code = context.found.count("code");
  if (code) warnings.push(`${code === 1 ? "A code block" : `${code} code blocks`} became plain paragraphs.`);
  return { blocks, warnings, frontMatter: frontMatter ?? {} };
}

/** Quotations, list items and footnotes are read this deep; deeper markers are text. */
const maxNesting = 16;

function parseLines(lines: string[], context: Context, depth = 0): MdBlock[] {
  const blocks: MdBlock[] = [];
  let paragraph: string[] | null = null;
  const close = () => {
    if (paragraph) blocks.push({ kind: "paragraph", source: paragraph.join("\n") });
    paragraph = null;
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (isBlank(line)) {
      close();
      i++;
      continue;
    }
    if (indentOf(line) >= 4) {
      if (paragraph) {
        (paragraph as string[]).push(line.trim());
        i++;
        continue;
      }
      const code: string[] = [];
      while (i < lines.length && (isBlank(lines[i]) || indentOf(lines[i]) >= 4)) code.push(lines[i++].slice(4));
      while (code.length && isBlank(code.at(-1)!)) code.pop();
      blocks.push({ kind: "code", lines: code });
      continue;
    }
    const opening = fence.exec(line);
    if (opening && !(opening[2][0] === "`" && opening[3].includes("`"))) {
      close();
      const marker = opening[2];
      const closing = new RegExp(`^ {0,3}${marker[0] === "`" ? "`" : "~"}{${marker.length},}[ \\t]*$`);
      const code: string[] = [];
      i++;
      while (i < lines.length && !closing.test(lines[i])) code.push(stripIndent(lines[i++], opening[1].length));
      i++;
      blocks.push({ kind: "code", lines: code });
      continue;
    }
    if (paragraph && /^ {0,3}(?:=+|-+)[ \t]*$/.test(line)) {
      const source = (paragraph as string[]).join("\n");
      paragraph = null;
      blocks.push({ kind: "heading", level: line.trim()[0] === "=" ? 1 : 2, source });
      i++;
      continue;
    }
    const heading = atxHeading.exec(line);
    if (heading) {
      close();
      blocks.push({ kind: "heading", level: heading[1].length, source: headingText(line.slice(heading[0].length)) });
      i++;
      continue;
    }
    if (thematicBreak.test(line)) {
      close();
      i++;
      continue;
    }
    if (/^ {0,3}<!--/.test(line)) {
      close();
      while (i < lines.length && !lines[i].includes("-->")) i++;
      i++;
      continue;
    }
    const hidden = htmlHidden.exec(line);
    if (hidden) {
      close();
      context.dropped.add("HTML tag");
      const closer = new RegExp(`</${hidden[1]}\\s*>`, "i");
      while (i < lines.length && !closer.test(lines[i])) i++;
      i++;
      continue;
    }
    const nests = depth < maxNesting;
    if (nests && quoteLine.test(line)) {
      close();
      const inner: string[] = [];
      while (i < lines.length) {
        const quoted = quoteLine.exec(lines[i]);
        if (quoted) inner.push(expandIndent(quoted[1]));
        else if (!isBlank(lines[i]) && inner.length && !isBlank(inner.at(-1)!) && !startsBlock(lines[i])) inner.push(lines[i].trim());
        else break;
        i++;
      }
      blocks.push({ kind: "quote", children: parseLines(inner, context, depth + 1) });
      continue;
    }
    const definition = nests ? footnoteDefinition.exec(line) : null;
    if (definition) {
      close();
      const inner = [definition[2]];
      i = collectContinuation(lines, i + 1, 4, inner);
      blocks.push({ kind: "note", label: definition[1], children: parseLines(inner, context, depth + 1) });
      continue;
    }
    const item = nests ? listItem.exec(line) : null;
    if (item && !(paragraph && (!item[4]?.trim() || (/\d/.test(item[2]) && parseInt(item[2], 10) !== 1)))) {
      close();
      const spaces = item[3]?.length ?? 0;
      const width = item[1].length + item[2].length + (spaces === 0 || spaces > 4 ? 1 : spaces);
      const inner = [item[4] ?? ""];
      i = collectContinuation(lines, i + 1, width, inner);
      blocks.push({ kind: "item", children: parseLines(inner, context, depth + 1) });
      continue;
    }
    if (line.includes("|") && i + 1 < lines.length && tableDelimiter.test(lines[i + 1]) && lines[i + 1].includes("|")) {
      close();
      const rows = [splitCells(line)];
      i += 2;
      while (i < lines.length && !isBlank(lines[i]) && !startsBlock(lines[i])) rows.push(splitCells(lines[i++]));
      blocks.push({ kind: "table", rows });
      continue;
    }
    const reference = paragraph ? null : referenceDefinition.exec(line);
    if (reference) {
      context.references.add(normalizeLabel(reference[1]));
      i++;
      continue;
    }
    if (paragraph) (paragraph as string[]).push(line.trim());
    else paragraph = [line.trim()];
    i++;
  }
  close();
  return blocks;
}

/**
 * Adds to `inner` the lines that continue a list item or a footnote: lines indented by at
 * least `width` (blank lines between them included), and lazy continuation lines of a
 * paragraph (a list marker starts the next item instead). Returns the index of the first
 * line not taken.
 */
function collectContinuation(lines: string[], start: number, width: number, inner: string[]): number {
  let i = start;
  while (i < lines.length) {
    const line = lines[i];
    if (isBlank(line)) inner.push("");
    else if (indentOf(line) >= width) inner.push(line.slice(width));
    else if (!isBlank(inner.at(-1)!) && !startsBlock(line) && !listItem.test(line)) inner.push(line.trim());
    else break;
    i++;
  }
  while (inner.length > 1 && isBlank(inner.at(-1)!)) {
    inner.pop();
    i--;
  }
  return i;
}

/** Whether a line opens a block that interrupts a paragraph. */
function startsBlock(line: string): boolean {
  const item = listItem.exec(line);
  return (
    fence.test(line) ||
    atxHeading.test(line) ||
    thematicBreak.test(line) ||
    quoteLine.test(line) ||
    footnoteDefinition.test(line) ||
    /^ {0,3}<!--/.test(line) ||
    (item !== null && !!item[4]?.trim() && (!/\d/.test(item[2]) || parseInt(item[2], 10) === 1))
  );
}

function convert(blocks: MdBlock[], context: Context, out: ImportBlock[], quoted: boolean): void {
  for (const block of blocks) {
    switch (block.kind) {
      case "heading": {
        const content = inline(block.source, context);
        out.push(quoted ? { type: "quote", content } : { type: "heading", level: Math.min(block.level, 3), content });
        break;
      }
      case "paragraph":
        out.push({ type: quoted ? "quote" : "paragraph", content: inline(block.source, context) });
        break;
      case "code":
        context.found.add("code");
        for (const part of codeParagraphs(block.lines)) out.push({ type: quoted ? "quote" : "paragraph", content: [text(part)] });
        break;
      case "table":
        context.found.add("table");
        for (const row of block.rows) out.push({ type: quoted ? "quote" : "paragraph", content: rowContent(row, context) });
        break;
      case "quote":
        convert(block.children, context, out, true);
        break;
      case "note":
        out.push({ type: "note", label: block.label, content: flatContent(block.children, context, out) });
        break;
      case "item":
        convertItem(block.children, context, out, quoted);
        break;
    }
  }
}

/** A list item's first paragraph and what follows it inside the item make one item; nested items stay items. */
function convertItem(children: MdBlock[], context: Context, out: ImportBlock[], quoted: boolean): void {
  const open: { block: ImportBlock | null } = { block: null };
  const close = () => {
    if (open.block) out.push(open.block);
    open.block = null;
  };
  for (const child of children) {
    if (child.kind === "item" || child.kind === "quote" || child.kind === "note" || child.kind === "table") {
      close();
      convert([child], context, out, quoted);
      continue;
    }
    const content = flatContent([child], context, out);
    open.block = { type: quoted ? "quote" : "item", content: open.block ? joinContent(open.block.content, content) : content };
  }
  close();
}

/** The content of some blocks run together with spaces (a note's paragraphs, say); nested notes go to `out`. */
function flatContent(blocks: MdBlock[], context: Context, out: ImportBlock[]): ImportInline[] {
  let content: ImportInline[] = [];
  for (const block of blocks) {
    let part: ImportInline[];
    switch (block.kind) {
      case "heading":
        part = inline(block.source, context);
        break;
      case "paragraph":
        part = inline(block.source, context);
        break;
      case "code":
        context.found.add("code");
        part = [text(block.lines.join("\n"))];
        break;
      case "table":
        context.found.add("table");
        part = block.rows.reduce<ImportInline[]>((all, row) => joinContent(all, rowContent(row, context)), []);
        break;
      case "note":
        out.push({ type: "note", label: block.label, content: flatContent(block.children, context, out) });
        part = [];
        break;
      default:
        part = flatContent(block.children, context, out);
    }
    content = joinContent(content, part);
  }
  return content;
}

function inline(source: string, context: Context): ImportInline[] {
  return readMarkdownInline(source, context);
}

function rowContent(cells: string[], context: Context): ImportInline[] {
  return cells.reduce<ImportInline[]>((row, cell) => joinContent(row, inline(cell, context), " | "), []);
}

function codeParagraphs(lines: string[]): string[] {
  return lines
    .join("\n")
    .split(/\n(?:[ \t]*\n)+/)
    .filter((part) => part.trim() !== "");
}

function splitCells(row: string): string[] {
  const trimmed = row.trim().replace(/^\|/, "").replace(/(?<!\\)\|$/, "");
  return trimmed.split(/(?<!\\)\|/).map((cell) => cell.replace(/\\\|/g, "|").trim());
}

/** YAML front matter (`---`, `key: value` lines, `---` or `...`) at the very top, read for its title and author. */
function splitFrontMatter(lines: string[]): { lines: string[]; frontMatter: Record<string, string> | null } {
  if (lines[0]?.trim() !== "---" || !/^[A-Za-z_][\w-]*:(?:\s|$)/.test(lines[1] ?? "")) return { lines, frontMatter: null };
  const end = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  if (end < 0 || end > 200) return { lines, frontMatter: null };
  const frontMatter: Record<string, string> = {};
  for (const line of lines.slice(1, end)) {
    const match = /^([A-Za-z_][\w-]*):[ \t]*(.*)$/.exec(line);
    if (match && match[2].trim()) frontMatter[match[1].toLowerCase()] = unquote(match[2].trim());
  }
  return { lines: lines.slice(end + 1), frontMatter };
}

function unquote(value: string): string {
  if (/^"(?:[^"\\]|\\.)*"$/.test(value)) {
    try {
      return JSON.parse(value) as string;
    } catch {
      return value.slice(1, -1);
    }
  }
  return /^'.*'$/.test(value) ? value.slice(1, -1).replace(/''/g, "'") : value;
}

/** An ATX heading's text: trimmed, without its closing run of `#`. */
function headingText(rest: string): string {
  const trimmed = rest.trim();
  let end = trimmed.length;
  while (end > 0 && trimmed[end - 1] === "#") end--;
  if (end === trimmed.length || (end > 0 && !/[ \t]/.test(trimmed[end - 1]))) return trimmed;
  return trimmed.slice(0, end).trim();
}

function isBlank(line: string): boolean {
  return line.trim() === "";
}

function indentOf(line: string): number {
  return /^ */.exec(line)![0].length;
}

/** Leading tabs as spaces up to the next multiple of four. */
function expandIndent(line: string): string {
  const lead = /^[ \t]*/.exec(line)![0];
  if (!lead.includes("\t")) return line;
  let width = 0;
  for (const ch of lead) width = ch === "\t" ? width + 4 - (width % 4) : width + 1;
  return " ".repeat(width) + line.slice(lead.length);
}

function stripIndent(line: string, count: number): string {
  let i = 0;
  while (i < count && line[i] === " ") i++;
  return line.slice(i);
}

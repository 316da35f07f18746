import { matchEntity } from "./entities";
import { text, type ImportInline, type Tally } from "./model";

/** What inline reading needs from the whole file: link reference labels, and a tally of what it dropped. */
export type InlineContext = { references: Set<string>; dropped: Tally };

/** Where code spans and bracketed texts close, and where the last `>`-ended constructs are, found in one pass. */
type Scan = { source: string; codeClose: Map<number, number>; bracketClose: Map<number, number>; last: Record<string, number> };

/** Links inside link texts, and emphasis inside emphasis, are read this deep; deeper ones are plain text. */
const maxNesting = 16;

type Delimiter = { type: "delimiter"; char: "*" | "_"; count: number; length: number; canOpen: boolean; canClose: boolean };
/** Emphasis nested too deep: its content, kept together without markers until the end. */
type Group = { type: "group"; parts: Node[] };
type Node = ImportInline | Delimiter | Group;

const asciiPunctuation = /[!-/:-@[-`{-~]/;
const punctuation = /[\p{P}\p{S}]/u;
const footnoteCall = /\[\^([^\]\s]+)\]/y;
const autolink = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/y;
const emailAutolink = /<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/y;
const attribute = String.raw`(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>\x60]+|'[^']*'|"[^"]*"))?)`;
const openTag = new RegExp(String.raw`<([A-Za-z][A-Za-z0-9-]*)${attribute}*\s*/?>`, "y");
const looseOpenTag = /<([A-Za-z][A-Za-z0-9-]*)(?:[\s/][^<>]*)?>/y;
const closeTag = /<\/([A-Za-z][A-Za-z0-9-]*)\s*>/y;
const otherHtml = /<![A-Za-z][^>]*>/y;
const inlineDestination = /\(\s*(?:<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)(?:\s+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?\s*\)/y;
const referenceLabel = /\[((?:[^\[\]\\]|\\.){0,999})\]/y;
/** Tags that separate words: stripping them leaves a line break. */
const breakingTags = /^(?:br|p|div|li|ul|ol|dl|dt|dd|blockquote|h[1-6]|tr|td|th|table|pre|hr|section|article|header|footer|aside|figure|figcaption)$/i;
/** Elements whose content is not text to read. */
const hiddenContent = new Set(["script", "style", "textarea", "noscript", "template", "iframe", "object", "svg", "title"]);

/**
 * Reads Markdown inline content (CommonMark-style) into text, note calls and emphasis:
 * links become their text, images are dropped, code spans become their text, autolinks
 * their address, raw HTML tags are stripped (with the content of scripts and styles),
 * character references are decoded and backslash escapes resolved. `*`/`_` emphasis
 * follows CommonMark's delimiter rules.
 */
export function readMarkdownInline(source: string, context: InlineContext, nesting = 0): ImportInline[] {
  const scan = scanSource(source);
  const nodes: Node[] = [];
  const buffer = new TextBuffer();
  const flush = () => {
    const value = buffer.take();
    if (value) nodes.push(text(value));
  };
  const push = (inlines: Node[]) => {
    flush();
    for (const inline of inlines) nodes.push(inline);
  };

  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === "\\") {
      const next = source[i + 1];
      if (next === "\n") {
        buffer.add("\n");
        i += 2;
      } else if (next !== undefined && asciiPunctuation.test(next)) {
        buffer.add(next);
        i += 2;
      } else {
        buffer.add(ch);
        i++;
      }
      continue;
    }
    if (ch === "`") {
      const run = runLength(source, i, "`");
      const close = scan.codeClose.get(i) ?? -1;
      if (close >= 0) {
        buffer.add(codeText(source.slice(i + run, close)));
        i = close + run;
      } else {
        buffer.add("`".repeat(run));
        i += run;
      }
      continue;
    }
    if (ch === "!" && source[i + 1] === "[") {
      const image = matchLink(scan, i + 1, context);
      if (image) {
        context.dropped.add("image");
        i = image.end;
        continue;
      }
    }
    if (ch === "[") {
      footnoteCall.lastIndex = i;
      const call = footnoteCall.exec(source);
      if (call) {
        push([{ type: "call", label: call[1], fallback: call[0] }]);
        i += call[0].length;
        continue;
      }
      const link = matchLink(scan, i, context);
      if (link) {
        push(nesting < maxNesting ? readMarkdownInline(link.text, context, nesting + 1) : [text(link.text)]);
        i = link.end;
        continue;
      }
    }
    if (ch === "<") {
      const html = matchHtml(scan, i, context);
      if (html) {
        if (html.text) buffer.add(html.text);
        i = html.end;
        continue;
      }
    }
    if (ch === "&") {
      const entity = matchEntity(source, i);
      if (entity) {
        buffer.add(entity.value);
        i += entity.length;
        continue;
      }
    }
    if (ch === "*" || ch === "_") {
      const length = runLength(source, i, ch);
      push([delimiter(source, i, length, ch)]);
      i += length;
      continue;
    }
    if (ch === "\n") {
      buffer.trimEnd();
      buffer.add("\n");
      i++;
      while (source[i] === " " || source[i] === "\t") i++;
      continue;
    }
    buffer.add(ch);
    i++;
  }
  flush();
  return mergeText(resolveEmphasis(nodes));
}

/** Text gathered in pieces, so that adding to a long run and trimming its end stay cheap. */
class TextBuffer {
  private parts: string[] = [];

  add(value: string): void {
    if (value) this.parts.push(value);
  }

  /** Drops spaces and tabs at the end. */
  trimEnd(): void {
    while (this.parts.length) {
      const last = this.parts[this.parts.length - 1].replace(/[ \t]+$/, "");
      if (last) {
        this.parts[this.parts.length - 1] = last;
        return;
      }
      this.parts.pop();
    }
  }

  take(): string {
    const value = this.parts.join("");
    this.parts = [];
    return value;
  }
}

/** Finds, in one pass, where each code span and each bracketed text closes. */
function scanSource(source: string): Scan {
  const codeClose = new Map<number, number>();
  const runs: [number, number][] = [];
  for (let i = 0; i < source.length; i++) {
    if (source[i] !== "`") continue;
    const length = runLength(source, i, "`");
    runs.push([i, length]);
    i += length - 1;
  }
  const nextOfLength = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    const [start, length] = runs[r];
    codeClose.set(start, nextOfLength.get(length) ?? -1);
    nextOfLength.set(length, start);
  }

  const bracketClose = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") i++;
    else if (ch === "`") {
      const close = codeClose.get(i) ?? -1;
      i = close >= 0 ? close + runLength(source, close, "`") - 1 : i + runLength(source, i, "`") - 1;
    } else if (ch === "[") open.push(i);
    else if (ch === "]" && open.length) bracketClose.set(open.pop()!, i);
  }
  const last = { ">": source.lastIndexOf(">"), "-->": source.lastIndexOf("-->"), "?>": source.lastIndexOf("?>"), "]]>": source.lastIndexOf("]]>") };
  return { source, codeClose, bracketClose, last };
}

function runLength(source: string, index: number, ch: string): number {
  let end = index;
  while (source[end] === ch) end++;
  return end - index;
}

function codeText(content: string): string {
  const flat = content.replace(/\n/g, " ");
  return /^ .*[^ ].* $/.test(flat) ? flat.slice(1, -1) : flat;
}

/** A link `[text](destination)`, `[text][label]`, `[text][]` or `[text]` with a known label at `index`. */
function matchLink(scan: Scan, index: number, context: InlineContext): { text: string; end: number } | null {
  const source = scan.source;
  const close = scan.bracketClose.get(index);
  if (close === undefined) return null;
  const inner = source.slice(index + 1, close);
  inlineDestination.lastIndex = close + 1;
  const inline = inlineDestination.exec(source);
  if (inline) return { text: inner, end: close + 1 + inline[0].length };
  referenceLabel.lastIndex = close + 1;
  const full = referenceLabel.exec(source);
  if (full) {
    const label = full[1] === "" ? inner : full[1];
    return context.references.has(normalizeLabel(label)) ? { text: inner, end: close + 1 + full[0].length } : null;
  }
  return context.references.has(normalizeLabel(inner)) ? { text: inner, end: close + 1 } : null;
}

/** Raw HTML, an autolink or an e-mail autolink at `index`: the text it leaves and where it ends. */
function matchHtml(scan: Scan, index: number, context: InlineContext): { text: string; end: number } | null {
  const source = scan.source;
  if (index > scan.last[">"]) return null;
  for (const pattern of [autolink, emailAutolink]) {
    pattern.lastIndex = index;
    const link = pattern.exec(source);
    if (link) return { text: link[1], end: index + link[0].length };
  }
  const other = matchOther(scan, index);
  if (other) return { text: "", end: index + other.length };
  closeTag.lastIndex = index;
  const closing = closeTag.exec(source);
  if (closing) {
    context.dropped.add("HTML tag");
    return { text: breakingTags.test(closing[1]) ? "\n" : "", end: index + closing[0].length };
  }
  openTag.lastIndex = index;
  const opening = openTag.exec(source) ?? looseTag(source, index);
  if (!opening) return null;
  const name = opening[1].toLowerCase();
  let end = index + opening[0].length;
  if (name === "img") {
    context.dropped.add("image");
    return { text: "", end };
  }
  context.dropped.add("HTML tag");
  if (hiddenContent.has(name) && !opening[0].endsWith("/>")) {
    const closer = new RegExp(String.raw`</${name}\s*>`, "ig");
    closer.lastIndex = end;
    const found = closer.exec(source);
    end = found ? found.index + found[0].length : source.length;
  }
  return { text: breakingTags.test(name) ? "\n" : "", end };
}

/** A comment, processing instruction, declaration or CDATA section at `index`, not searching past the last possible end. */
function matchOther(scan: Scan, index: number): string | null {
  const { source, last } = scan;
  const ends: [string, string][] = [["<!--", "-->"], ["<?", "?>"], ["<![CDATA[", "]]>"]];
  for (const [start, end] of ends) {
    if (!source.startsWith(start, index)) continue;
    const close = last[end] >= index + start.length ? source.indexOf(end, index + start.length) : -1;
    if (close >= 0) return source.slice(index, close + end.length);
  }
  otherHtml.lastIndex = index;
  return /^<![A-Za-z]/.test(source.slice(index, index + 3)) ? (otherHtml.exec(source)?.[0] ?? null) : null;
}

/** A tag CommonMark would not take as HTML (`<img src=x onerror=a//">`) that a browser would: stripped all the same. */
function looseTag(source: string, index: number): RegExpExecArray | null {
  looseOpenTag.lastIndex = index;
  return looseOpenTag.exec(source);
}

/** A link reference label as compared: case-folded, inner whitespace collapsed. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, " ").toLowerCase();
}

function delimiter(source: string, index: number, length: number, char: "*" | "_"): Delimiter {
  const before = source[index - 1] ?? " ";
  const after = source[index + length] ?? " ";
  const spaceBefore = /\s/.test(before);
  const spaceAfter = /\s/.test(after);
  const punctBefore = punctuation.test(before);
  const punctAfter = punctuation.test(after);
  const left = !spaceAfter && (!punctAfter || spaceBefore || punctBefore);
  const right = !spaceBefore && (!punctBefore || spaceAfter || punctAfter);
  const canOpen = char === "*" ? left : left && (!right || punctBefore);
  const canClose = char === "*" ? right : right && (!left || punctAfter);
  return { type: "delimiter", char, count: length, length, canOpen, canClose };
}

/**
 * CommonMark's "process emphasis": pairs delimiter runs into emphasis; the rest stays text.
 * The nodes are a linked list, and a search for an opener that failed is not repeated below
 * where it stopped, so long runs of unmatched delimiters stay linear. Emphasis nested deeper
 * than {@link maxNesting} keeps its words and calls and loses its markers.
 */
function resolveEmphasis(nodes: Node[]): ImportInline[] {
  type Item = { node: Node; position: number; depth: number; prev: Item | null; next: Item | null };
  let head = null as Item | null;
  let tail = null as Item | null;
  for (let position = 0; position < nodes.length; position++) {
    const item: Item = { node: nodes[position], position, depth: 0, prev: tail, next: null };
    if (tail) tail.next = item;
    else head = item;
    tail = item;
  }

  const bottom = new Map<string, number>();
  let current: Item | null = head;
  while (current) {
    const closer = current.node;
    if (closer.type !== "delimiter" || !closer.canClose || closer.count === 0) {
      current = current.next;
      continue;
    }
    const key = `${closer.char}${closer.length % 3}${closer.canOpen}`;
    const floor = bottom.get(key) ?? -1;
    let found: Item | null = null;
    for (let item = current.prev; item && item.position > floor; item = item.prev) {
      const opener = item.node;
      if (opener.type !== "delimiter" || opener.char !== closer.char || !opener.canOpen || opener.count === 0) continue;
      const oddMatch = (opener.canClose || closer.canOpen) && (opener.length + closer.length) % 3 === 0 && !(opener.length % 3 === 0 && closer.length % 3 === 0);
      if (!oddMatch) {
        found = item;
        break;
      }
    }
    if (!found) {
      bottom.set(key, current.prev?.position ?? -1);
      current = current.next;
      continue;
    }

    const opener = found.node as Delimiter;
    const use = opener.count >= 2 && closer.count >= 2 ? 2 : 1;
    opener.count -= use;
    closer.count -= use;
    const closing: Item = current;
    const inner: Item[] = [];
    for (let item = found.next; item && item !== closing; item = item.next) inner.push(item);
    const depth = inner.reduce((deepest, item) => Math.max(deepest, item.depth), 0) + 1;
    const replacement =
      depth <= maxNesting
        ? { node: { type: "emphasis", strong: use === 2, children: mergeText(expand(inner.map((item) => item.node))) } as Node, depth }
        : { node: { type: "group", parts: inner.map((item) => item.node) } as Node, depth: depth - 1 };
    const inserted: Item = { ...replacement, position: (found.position + closing.position) / 2, prev: found, next: closing };
    found.next = inserted;
    closing.prev = inserted;
    for (const [name, at] of bottom) if (at > found.position) bottom.set(name, found.position);
    if (opener.count === 0) unlink(found);
    if (closer.count === 0) {
      const next: Item | null = current.next;
      unlink(current);
      current = next;
    }
  }

  function unlink(item: Item): void {
    if (item.prev) item.prev.next = item.next;
    else head = item.next;
    if (item.next) item.next.prev = item.prev;
    else tail = item.prev;
  }

  const result: Node[] = [];
  for (let item: Item | null = head; item; item = item.next) result.push(item.node);
  return expand(result);
}

/** Nodes as inlines: delimiters left over become text, groups give their content in order. */
function expand(nodes: Node[]): ImportInline[] {
  const result: ImportInline[] = [];
  const pending = [...nodes].reverse();
  while (pending.length) {
    const node = pending.pop()!;
    if (node.type === "group") for (let i = node.parts.length - 1; i >= 0; i--) pending.push(node.parts[i]);
    else result.push(literal(node));
  }
  return result;
}

function literal(node: ImportInline | Delimiter): ImportInline {
  return node.type === "delimiter" ? text(node.char.repeat(node.count)) : node;
}

function mergeText(inlines: ImportInline[]): ImportInline[] {
  const merged: ImportInline[] = [];
  for (const inline of inlines) {
    const last = merged.at(-1);
    if (inline.type === "text" && inline.text === "") continue;
    if (inline.type === "text" && last?.type === "text") merged[merged.length - 1] = text(last.text + inline.text);
    else merged.push(inline);
  }
  return merged;
}

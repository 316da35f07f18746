import { classesOf, findAll, parseHtml, textOf, type HtmlElement, type HtmlNode } from "./html-tree";
import { plainText, Tally, text, type ImportBlock, type ImportInline, type ReadResult } from "./model";
import { missingCallsWarning } from "./notes";

/** Reading an HTML file gives, besides the blocks, the title and author it names. */
export type HtmlReadResult = ReadResult & { title?: string; author?: string };

/** Elements removed with everything inside them, and what the warning calls them. */
const removedElements: Record<string, string> = {
  script: "script",
  noscript: "script",
  style: "style sheet",
  iframe: "embedded frame",
  frame: "embedded frame",
  frameset: "embedded frame",
  object: "embedded object",
  embed: "embedded object",
  applet: "embedded object",
  template: "template",
  svg: "graphic",
  canvas: "graphic",
  img: "image",
  picture: "image",
  video: "video or audio player",
  audio: "video or audio player",
  input: "form control",
  button: "form control",
  select: "form control",
  textarea: "form control",
  datalist: "form control",
  output: "form control",
  progress: "form control",
  meter: "form control",
  xmp: "raw markup block",
  plaintext: "raw markup block",
};

/** Elements left out without a warning: the document head (read for the title and author), and metadata. */
const silentElements = new Set(["head", "title", "meta", "link", "base", "map", "area", "source", "track", "param"]);

const blockElements = new Set([
  "html", "body", "address", "article", "aside", "center", "details", "dialog", "dir", "div", "dl", "dt", "dd",
  "fieldset", "figure", "footer", "form", "header", "hgroup", "legend", "main", "nav", "p", "search", "section", "summary",
]);

const noteElements = new Set(["li", "p", "div", "aside", "dd", "section", "footer"]);

const authorMeta = ["author", "citation_author", "dc.creator", "dcterms.creator", "article:author", "parsely-author", "sailthru.author"];

type Context = {
  type: ImportBlock["type"];
  level?: number;
  /** Inside a blockquote: every block is a quotation. */
  quote: boolean;
  /** Inside a block that stays one block (a list item, a heading, a table row): paragraphs inside it are run together. */
  soft: boolean;
  /** Reading a note's content: nothing ends the block. */
  note: boolean;
  pre: boolean;
  sup: boolean;
};

const bodyContext: Context = { type: "paragraph", quote: false, soft: false, note: false, pre: false, sup: false };

/**
 * Reads an HTML file into the blocks the reader renders: h1, h2 and h3–h6 headings (as
 * levels 1, 2 and 3), paragraphs from p, div, section and the like, blockquote as
 * quotations, li as list items, table rows as paragraphs, figure captions as captions,
 * br as a space. Scripts, styles, frames, embedded objects, templates, graphics, media,
 * form controls and every image are removed (one warning with counts); comments are
 * dropped and entities decoded. Footnotes in the usual shapes (`<sup><a href="#fn3">`,
 * `a.footnote-ref`, notes as items of `section.footnotes` or elements with ids like
 * `fn3`, `fn-3`, `footnote-3`) become note calls and notes, back-links removed.
 */
export function readHtml(source: string): HtmlReadResult {
  return new HtmlReader(parseHtml(source)).read();
}

class HtmlReader {
  private readonly blocks: ImportBlock[] = [];
  private readonly removed = new Tally();
  private readonly found = new Tally();
  private readonly notes: { element: HtmlElement; label: string }[] = [];
  private readonly usedLabels = new Set<string>();
  private readonly noteLabels = new Map<string, string>();
  private readonly skipped = new Set<HtmlElement>();
  private readonly missing: string[] = [];
  private current: ImportBlock | null = null;
  /** Whether the current block's text ends with a space, so that runs of spaces are written once. */
  private trailingSpace = false;

  constructor(private readonly root: HtmlElement) {}

  read(): HtmlReadResult {
    this.countRemoved(this.root);
    this.collectNotes(this.root);
    this.walk(this.root, bodyContext);
    this.flush();
    for (const note of this.notes) this.blocks.push({ type: "note", label: note.label, content: this.noteContent(note.element) });

    const warnings: string[] = [];
    if (this.removed.size) warnings.push(`Removed ${this.removed.describe()}: a reading keeps only text.`);
    const tables = this.found.count("table");
    if (tables) warnings.push(`${tables === 1 ? "A table" : `${tables} tables`} became one paragraph per row, cells separated by “|”.`);
    if (this.missing.length) warnings.push(missingCallsWarning(this.missing));
    const emptyMessage = this.removed.size
      ? `This page has no readable text, only ${this.removed.describe()}, which a reading cannot keep. Upload the page or file that holds the reading's words.`
      : undefined;
    return { blocks: this.blocks, warnings, emptyMessage, ...this.meta() };
  }

  private meta(): { title?: string; author?: string } {
    const first = (name: string) => findAll(this.root, (element) => element.name === name || element.name in removedElements).find((element) => element.name === name);
    const titleText = collapse(textOf(first("title") ?? ""));
    const heading = collapse(textOf(first("h1") ?? ""));
    // "The Essay | The Site" next to an h1 "The Essay": the h1 is the cleaner title.
    const title = (heading && titleText.includes(heading) ? heading : titleText || heading) || undefined;
    const metas = findAll(this.root, (element) => element.name === "meta");
    const fromMeta = authorMeta
      .map((name) => metas.find((meta) => (meta.attrs.name ?? meta.attrs.property ?? "").toLowerCase() === name)?.attrs.content)
      .map((value) => collapse(value ?? ""))
      .find((value) => value && !/^[a-z]+:\/\//i.test(value));
    const byline = findAll(this.root, (element) => /\bauthor\b/i.test(element.attrs.rel ?? "") || element.attrs.itemprop === "author")[0];
    const author = fromMeta || collapse(textOf(byline ?? "")) || undefined;
    return { ...(title ? { title } : {}), ...(author ? { author } : {}) };
  }

  private countRemoved(node: HtmlElement): void {
    for (const child of node.children) {
      if (typeof child === "string") continue;
      const kind = removedElements[child.name];
      if (kind) this.removed.add(kind);
      else this.countRemoved(child);
    }
  }

  private collectNotes(node: HtmlElement): void {
    for (const child of node.children) {
      if (typeof child === "string" || child.name in removedElements) continue;
      if (isNotesContainer(child)) {
        this.skipped.add(child);
        const items = findAll(child, (element) => element.name === "li");
        const notes = items.length ? items : findAll(child, (element) => noteElements.has(element.name) && noteLabelFromId(element.attrs.id) !== null);
        notes.forEach((note) => this.addNote(note));
      } else if (noteElements.has(child.name) && noteLabelFromId(child.attrs.id) !== null) {
        this.skipped.add(child);
        this.addNote(child);
      } else {
        this.collectNotes(child);
      }
    }
  }

  private addNote(element: HtmlElement): void {
    const keys = [element.attrs.id, ...descendants(element).flatMap((d) => [d.attrs.id, d.name === "a" ? d.attrs.name : undefined])].filter(
      (key): key is string => !!key,
    );
    const base = keys.map(noteLabelFromId).find((label) => label !== null) ?? String(this.notes.length + 1);
    let label = base;
    for (let n = 2; this.usedLabels.has(label); n++) label = `${base}-${n}`;
    this.notes.push({ element, label });
    this.usedLabels.add(label);
    for (const key of keys) if (!this.noteLabels.has(key)) this.noteLabels.set(key, label);
  }

  private noteContent(element: HtmlElement): ImportInline[] {
    const saved = this.current;
    this.current = { type: "note", content: [] };
    this.walk(element, { ...bodyContext, type: "note", soft: true, note: true });
    const content = this.current.content;
    this.current = saved;
    return content;
  }

  private walk(element: HtmlElement, context: Context): void {
    for (const child of element.children) {
      if (typeof child === "string") this.addText(child, context);
      else this.visit(child, context);
    }
  }

  private visit(element: HtmlElement, context: Context): void {
    const name = element.name;
    if (name in removedElements || silentElements.has(name) || this.skipped.has(element)) return;
    if (name === "br") return this.addText(context.pre ? "\n" : " ", context);
    if (name === "hr") return this.boundary(context, true);
    if (name === "a") {
      if (context.note && isBackLink(element)) return;
      const call = this.callFor(element, context);
      if (call) return this.addCall(call, context);
      return this.walk(element, context);
    }
    if (name === "sup" && this.supCalls(element, context)) return;

    const level = /^h([1-6])$/.exec(name);
    if (level) return this.block(element, context, true, { type: "heading", level: Math.min(Number(level[1]), 3), soft: true });
    switch (name) {
      case "li":
        return this.block(element, context, true, { type: "item", soft: true });
      case "ul":
      case "ol":
      case "menu":
        return this.block(element, context, true, { type: "paragraph", soft: false });
      case "blockquote":
        return this.block(element, context, true, { type: "paragraph", soft: false, quote: true });
      case "figcaption":
      case "caption":
        return this.block(element, context, true, { type: "caption", soft: true });
      case "pre":
        return this.block(element, context, true, { type: "paragraph", soft: true, pre: true });
      case "table":
        this.found.add("table");
        return this.block(element, context, true, { type: "paragraph", soft: false });
      case "tr":
        return this.block(element, context, true, { type: "paragraph", soft: true });
      case "td":
      case "th":
        if (this.current && plainText(this.current.content).trim() && !context.note) this.addText(" | ", context);
        else this.addText(" ", context);
        return this.walk(element, context);
      case "sup":
        return this.walk(element, { ...context, sup: true });
    }
    if (blockElements.has(name)) return this.block(element, context, false, {});
    this.walk(element, context);
  }

  /** Walks a block element: `hard` ends the current block even inside a list item or heading. */
  private block(element: HtmlElement, context: Context, hard: boolean, inner: Partial<Context>): void {
    const keepsOne = context.note || (context.soft && !hard);
    if (keepsOne) {
      this.addText(" ", context);
      this.walk(element, { ...context, ...(inner.pre ? { pre: true } : {}) });
      this.addText(" ", context);
      return;
    }
    this.flush();
    this.walk(element, { ...context, ...inner, quote: context.quote || !!inner.quote });
    this.flush();
  }

  private boundary(context: Context, hard: boolean): void {
    if (context.note || (context.soft && !hard)) this.addText(" ", context);
    else this.flush();
  }

  /** A `<sup>` holding only note calls (and brackets or commas): the calls, without the brackets. */
  private supCalls(element: HtmlElement, context: Context): boolean {
    const links = findAll(element, (child) => child.name === "a");
    if (!links.length) return false;
    const calls = links.map((link) => this.callFor(link, { ...context, sup: true }));
    const rest = textOutside(element, new Set(links));
    if (!calls.every((call) => call !== null) || !/^[\s[\](),;]*$/.test(rest)) return false;
    for (const call of calls) this.addCall(call!, context);
    return true;
  }

  /** The call a link makes, if it is one: resolved to a note's label, or its text when the note is missing. */
  private callFor(link: HtmlElement, context: Context): { inline: ImportInline; missing?: string } | null {
    const href = (link.attrs.href ?? "").trim();
    const hash = href.indexOf("#");
    if (hash < 0) return null;
    const target = safeDecode(href.slice(hash + 1));
    const label = this.noteLabels.get(target);
    if (hash > 0 && label === undefined) return null;
    const shown = collapse(textOf(link));
    const marked = context.sup || isCallMarked(link);
    if (label !== undefined && (marked || callLike(shown))) return { inline: { type: "call", label, fallback: shown } };
    if (label === undefined && (marked || noteLabelFromId(target) !== null) && callLike(shown)) return { inline: text(shown), missing: shown };
    return null;
  }

  private addCall(call: { inline: ImportInline; missing?: string }, context: Context): void {
    if (call.missing !== undefined) this.missing.push(call.missing);
    if (!this.current) this.current = this.open(context);
    this.current.content.push(call.inline);
    this.trailingSpace = false;
  }

  private addText(raw: string, context: Context): void {
    let value = context.pre ? raw.replace(/\r/g, "") : raw.replace(/[ \t\n\r\f]+/g, " ");
    if (!this.current) {
      if (!value.trim()) return;
      this.current = this.open(context);
    }
    if (!context.pre && this.trailingSpace) value = value.replace(/^ /, "");
    if (value === "") return;
    this.trailingSpace = /\s$/.test(value);
    const content = this.current.content;
    const last = content.at(-1);
    if (last?.type === "text") content[content.length - 1] = text(last.text + value);
    else content.push(text(value));
  }

  private open(context: Context): ImportBlock {
    this.trailingSpace = false;
    if (context.quote && !context.note) return { type: "quote", content: [] };
    return context.type === "heading" ? { type: "heading", level: context.level, content: [] } : { type: context.type, content: [] };
  }

  private flush(): void {
    if (this.current && plainText(this.current.content).trim()) this.blocks.push(this.current);
    this.current = null;
  }
}

/** A section, list or aside holding a document's notes (`section.footnotes`, `[role=doc-endnotes]`, `#footnotes` …). */
function isNotesContainer(element: HtmlElement): boolean {
  if (!["section", "div", "aside", "ol", "ul", "footer", "nav"].includes(element.name)) return false;
  const names = [...classesOf(element), (element.attrs.id ?? "").toLowerCase(), (element.attrs.role ?? "").toLowerCase()];
  return "data-footnotes" in element.attrs || names.some((name) => /^(?:footnotes|endnotes|footnote-list|doc-endnotes|doc-footnotes)$/.test(name));
}

/** The label in a note's id: `fn3`, `fn-3`, `fn:3`, `footnote-3`, `note-a`, `ftn3`, `user-content-fn-3` → "3" (or "a"). */
function noteLabelFromId(id: string | undefined): string | null {
  if (!id || /ref|back|label|list/i.test(id)) return null;
  const match = /(?:^|[-_:])(?:fn|footnote|endnote|note|ftn)(?:[-_:]([A-Za-z0-9]+)|(\d+))$/i.exec(id);
  return match ? (match[1] ?? match[2]) : null;
}

/** A link marked as a note call by its class, role or data attribute. */
function isCallMarked(link: HtmlElement): boolean {
  const role = (link.attrs.role ?? "").toLowerCase();
  return role === "doc-noteref" || "data-footnote-ref" in link.attrs || classesOf(link).some((name) => /footnote|noteref|fnref|endnote/.test(name));
}

/** A link back from a note to its call: a short link to a `…ref…` id, one marked as a back-link, or only an arrow. */
function isBackLink(link: HtmlElement): boolean {
  const target = (link.attrs.href ?? "").split("#")[1] ?? "";
  const role = (link.attrs.role ?? "").toLowerCase();
  return (
    (/ref/i.test(target) && collapse(textOf(link)).length <= 8) ||
    role === "doc-backlink" ||
    "data-footnote-backref" in link.attrs ||
    classesOf(link).some((name) => /back|reverse/.test(name)) ||
    /^[\s↩↑⤴^\uFE0E\uFE0F]+$/.test(textOf(link))
  );
}

/** Whether a link's text looks like a note call: "3", "[3]", "(iv)", "*", "†". */
function callLike(shown: string): boolean {
  return /^[[(]?[\p{L}\p{N}*†‡§¶]{1,6}[\])]?$/u.test(shown);
}

function textOutside(node: HtmlNode, skip: Set<HtmlElement>): string {
  if (typeof node === "string") return node;
  if (skip.has(node)) return "";
  return node.children.map((child) => textOutside(child, skip)).join("");
}

function descendants(element: HtmlElement): HtmlElement[] {
  return element.children.flatMap((child) => (typeof child === "string" ? [] : [child, ...descendants(child)]));
}

function collapse(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

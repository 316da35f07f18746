/**
 * tiptap (ProseMirror) JSON, reduced to what a note may contain: paragraphs, line
 * breaks, bold, italic, links, lists and block quotes. Anything else is unwrapped
 * to its text or dropped, so a crafted document cannot smuggle attributes or nodes
 * into the editor of another reader. Pure: no DOM, no tiptap import.
 */

export type Mark = { type: "bold" } | { type: "italic" } | { type: "link"; attrs: { href: string } };
export type DocNode = {
  type: string;
  text?: string;
  marks?: Mark[];
  content?: DocNode[];
};

const MAX_DEPTH = 16;
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

type Loose = { type?: unknown; text?: unknown; marks?: unknown; content?: unknown; attrs?: unknown };

function asNodes(value: unknown): Loose[] {
  return Array.isArray(value) ? value.filter((n): n is Loose => typeof n === "object" && n !== null) : [];
}

function cleanMarks(value: unknown): Mark[] {
  const marks: Mark[] = [];
  for (const mark of asNodes(value)) {
    if ((mark.type === "bold" || mark.type === "italic") && !marks.some((m) => m.type === mark.type)) marks.push({ type: mark.type });
    if (mark.type === "link" && !marks.some((m) => m.type === "link")) {
      const href = (mark.attrs as { href?: unknown } | undefined)?.href;
      // Control characters and spaces inside a scheme are how `java\tscript:` sneaks by.
      if (typeof href === "string" && SAFE_HREF.test(href.trim()) && !/[\u0000-\u001f\u007f]/.test(href)) {
        marks.push({ type: "link", attrs: { href: href.trim() } });
      }
    }
  }
  return marks;
}

function inline(nodes: unknown, depth: number): DocNode[] {
  const out: DocNode[] = [];
  if (depth > MAX_DEPTH) return out;
  for (const node of asNodes(nodes)) {
    if (node.type === "text" && typeof node.text === "string" && node.text) {
      const marks = cleanMarks(node.marks);
      out.push(marks.length ? { type: "text", text: node.text, marks } : { type: "text", text: node.text });
    } else if (node.type === "hardBreak") out.push({ type: "hardBreak" });
    else out.push(...inline(node.content, depth + 1));
  }
  return out;
}

function paragraph(content: DocNode[]): DocNode {
  return content.length ? { type: "paragraph", content } : { type: "paragraph" };
}

function blocks(nodes: unknown, depth: number): DocNode[] {
  const out: DocNode[] = [];
  if (depth > MAX_DEPTH) return out;
  let loose: DocNode[] = [];
  const flush = () => {
    if (loose.length) out.push(paragraph(loose));
    loose = [];
  };
  for (const node of asNodes(nodes)) {
    switch (node.type) {
      case "text":
      case "hardBreak":
        loose.push(...inline([node], depth));
        break;
      case "paragraph":
      case "heading":
      case "codeBlock":
        flush();
        out.push(paragraph(inline(node.content, depth + 1)));
        break;
      case "blockquote":
        flush();
        out.push({ type: "blockquote", content: orEmpty(blocks(node.content, depth + 1)) });
        break;
      case "bulletList":
      case "orderedList":
        flush();
        out.push({ type: node.type, content: listItems(node.content, depth + 1) });
        break;
      case "listItem":
        flush();
        out.push(...blocks(node.content, depth + 1));
        break;
      default:
        flush();
        out.push(...blocks(node.content, depth + 1));
    }
  }
  flush();
  return out;
}

function listItems(nodes: unknown, depth: number): DocNode[] {
  const items = asNodes(nodes).map((node) =>
    node.type === "listItem"
      ? { type: "listItem", content: orEmpty(blocks(node.content, depth + 1)) }
      : { type: "listItem", content: orEmpty(blocks([node], depth + 1)) },
  );
  return items.length ? items : [{ type: "listItem", content: [paragraph([])] }];
}

function orEmpty(content: DocNode[]): DocNode[] {
  return content.length ? content : [paragraph([])];
}

/** The allow-listed copy of a tiptap document (never throws on junk; junk is dropped). */
export function sanitizeDoc(doc: unknown): DocNode {
  const content = blocks((doc as Loose | null)?.content, 0);
  return { type: "doc", content: orEmpty(content) };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function renderInline(node: DocNode): string {
  if (node.type === "hardBreak") return "<br />";
  let html = escapeHtml(node.text ?? "");
  const marks = node.marks ?? [];
  if (marks.some((m) => m.type === "italic")) html = `<em>${html}</em>`;
  if (marks.some((m) => m.type === "bold")) html = `<strong>${html}</strong>`;
  const link = marks.find((m) => m.type === "link");
  if (link?.type === "link") html = `<a href="${escapeHtml(link.attrs.href)}" rel="noopener nofollow ugc">${html}</a>`;
  return html;
}

const blockTags: Record<string, string> = { paragraph: "p", blockquote: "blockquote", bulletList: "ul", orderedList: "ol", listItem: "li" };

/** HTML for an allow-listed document (escapes all text and attribute values). */
export function renderDoc(doc: DocNode): string {
  const render = (node: DocNode): string => {
    const tag = blockTags[node.type];
    if (!tag) return node.type === "doc" ? (node.content ?? []).map(render).join("") : renderInline(node);
    return `<${tag}>${(node.content ?? []).map(render).join("")}</${tag}>`;
  };
  return render(doc);
}

/** The document's text: blocks on their own lines, hard breaks as line breaks. */
export function docText(doc: DocNode): string {
  const parts: string[] = [];
  const walk = (node: DocNode) => {
    if (node.type === "text") parts.push(node.text ?? "");
    else if (node.type === "hardBreak") parts.push("\n");
    else {
      (node.content ?? []).forEach(walk);
      if (node.type === "paragraph") parts.push("\n");
    }
  };
  walk(doc);
  return parts.join("").replace(/\n{2,}/g, "\n").trim();
}

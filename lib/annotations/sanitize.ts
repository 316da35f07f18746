import sanitize from "sanitize-html";
import { AppError } from "@/lib/errors";
import { MAX_BODY_CHARS, MAX_BODY_MARKUP, type BodyInput } from "@/lib/annotations/schema";
import { renderDoc, sanitizeDoc, docText, type DocNode } from "@/lib/annotations/tiptap";

/** The rel every stored link carries: no window.opener, no SEO credit, user content. */
export const LINK_REL = "noopener nofollow ugc";

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

const options: sanitize.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote"],
  allowedAttributes: { a: ["href", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Elements whose text is code or markup, not prose: dropped with their content.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "title", "iframe", "xmp", "noembed", "noframes", "object", "svg", "math", "head"],
  // Pasted HTML (word processors, web pages) keeps its meaning in the allowed tags.
  transformTags: {
    b: "strong",
    i: "em",
    h1: "p",
    h2: "p",
    h3: "p",
    h4: "p",
    h5: "p",
    h6: "p",
    div: "p",
    // A link with an unsafe or missing href becomes a span, which is then dropped with
    // its text kept. sanitize-html checks the scheme again on what remains.
    a: (_tag, attribs): sanitize.Tag => {
      const href = (attribs.href ?? "").trim();
      if (!SAFE_LINK.test(href) || /[\u0000-\u001f\u007f]/.test(href)) return { tagName: "span", attribs: {} as sanitize.Attributes };
      return { tagName: "a", attribs: { href, rel: LINK_REL } };
    },
  },
};

/**
 * Cleans HTML to the allow-list: p, br, strong, em, ul, ol, li, blockquote and a
 * (http, https and mailto hrefs only, rel="noopener nofollow ugc"). Everything else
 * (scripts, event handlers, styles, other URL schemes) goes; text is re-escaped.
 */
export function sanitizeHtml(html: string): string {
  return sanitize(html, options);
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'", nbsp: " " };

/** The text of sanitised HTML (blocks and breaks become line breaks), for search and size. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, "\n")
    .replace(/<\/(p|li|blockquote)>/g, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === "#") {
        const code = name[1].toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return entities[name.toLowerCase()] ?? whole;
    })
    .replace(/\n{2,}/g, "\n")
    .trim();
}

/** A body as stored: allow-listed JSON (when given), sanitised HTML and its text. */
export type StoredBody = { bodyJson: string | null; bodyHtml: string; bodyText: string };

/**
 * Turns a submitted body into what is stored. JSON wins when both are given: it is
 * allow-listed node by node and rendered to HTML here, so the stored HTML never comes
 * from the client. Text over MAX_BODY_CHARS (or absurd markup) → 413; empty → 400.
 */
export function prepareBody(input: BodyInput): StoredBody {
  let stored: StoredBody;
  if (input.json !== undefined) {
    const raw = JSON.stringify(input.json);
    if (raw.length > MAX_BODY_MARKUP) throw tooLarge();
    const doc: DocNode = sanitizeDoc(input.json);
    stored = { bodyJson: JSON.stringify(doc), bodyHtml: sanitizeHtml(renderDoc(doc)), bodyText: docText(doc) };
  } else {
    const html = input.html ?? "";
    if (html.length > MAX_BODY_MARKUP) throw tooLarge();
    const clean = sanitizeHtml(html);
    stored = { bodyJson: null, bodyHtml: clean, bodyText: htmlToText(clean) };
  }
  if (stored.bodyText.length > MAX_BODY_CHARS) throw tooLarge();
  if (!stored.bodyText.trim()) throw new AppError("bad_request", "The body is empty.");
  return stored;
}

function tooLarge() {
  return new AppError("too_large", `A body can hold at most ${MAX_BODY_CHARS.toLocaleString("en")} characters.`);
}

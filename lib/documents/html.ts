/**
 * A tiny HTML builder for markup rendered once and served many times: text and
 * attribute values are always escaped, so no reading text can become markup.
 */

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for use in HTML content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => entities[char]);
}

/** Attribute values: a string or number is written, `true` writes a bare attribute, false/null/undefined omit it. */
export type Attributes = Record<string, string | number | boolean | null | undefined>;

/** Already-built markup, as opposed to text (which `el` escapes). */
export type Markup = { html: string };

/** Marks a string as markup that is already safe. */
export function raw(html: string): Markup {
  return { html };
}

/** An element with escaped attributes and children (strings are text, Markup is kept). */
export function el(tag: string, attributes: Attributes, ...children: (string | Markup | null | undefined | false)[]): Markup {
  let attrs = "";
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    attrs += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  let inner = "";
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    inner += typeof child === "string" ? escapeHtml(child) : child.html;
  }
  return { html: `<${tag}${attrs}>${inner}</${tag}>` };
}

/** Joins a list of markup. */
export function join(parts: Markup[]): Markup {
  return { html: parts.map((part) => part.html).join("") };
}

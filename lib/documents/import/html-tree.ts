import { Parser } from "htmlparser2";

/** An element of a parsed HTML document: lowercased name, attributes (entities decoded), children. */
export type HtmlElement = { name: string; attrs: Record<string, string>; children: HtmlNode[] };
/** An element, or a run of text with its entities decoded. Comments are not kept. */
export type HtmlNode = HtmlElement | string;

/** How deep the tree goes: elements nested deeper become siblings at this depth, each keeping its own content. */
const maxDepth = 128;

/**
 * Parses HTML the forgiving way browsers do (implied end tags, void elements, raw text in
 * `<script>`, `<style>` and `<title>`) into a small tree, at most {@link maxDepth} deep.
 * Comments, doctypes and processing instructions are left out.
 */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { name: "#document", attrs: {}, children: [] };
  const stack = [root];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const element: HtmlElement = { name, attrs, children: [] };
        stack[Math.min(stack.length, maxDepth) - 1].children.push(element);
        stack.push(element);
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
      ontext(data) {
        const children = stack[stack.length - 1].children;
        const last = children.length - 1;
        if (typeof children[last] === "string") children[last] += data;
        else children.push(data);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return root;
}

/** The text inside a node, as written (whitespace not collapsed). */
export function textOf(node: HtmlNode): string {
  return typeof node === "string" ? node : node.children.map(textOf).join("");
}

/** Every element under `node` (not `node` itself) for which `test` holds, in document order, not looking inside matches. */
export function findAll(node: HtmlElement, test: (element: HtmlElement) => boolean): HtmlElement[] {
  const found: HtmlElement[] = [];
  for (const child of node.children) {
    if (typeof child === "string") continue;
    if (test(child)) found.push(child);
    else found.push(...findAll(child, test));
  }
  return found;
}

/** The element's classes, lowercased. */
export function classesOf(element: HtmlElement): string[] {
  return (element.attrs.class ?? "").toLowerCase().split(/\s+/).filter(Boolean);
}

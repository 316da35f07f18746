import { describe, expect, it } from "vitest";
import { htmlToText, prepareBody, sanitizeHtml } from "@/lib/annotations/sanitize";
import { docText, renderDoc, sanitizeDoc } from "@/lib/annotations/tiptap";
import { selectorsFor, validateSelectors } from "@/lib/annotations/selectors";

describe("sanitizeHtml", () => {
  const table: [string, string][] = [
    ["<p>plain</p>", "<p>plain</p>"],
    ["<b>b</b><i>i</i>", "<strong>b</strong><em>i</em>"],
    ["<h2>Title</h2>", "<p>Title</p>"],
    ['<a href="http://x.org" target="_blank" class="c">x</a>', '<a href="http://x.org" rel="noopener nofollow ugc">x</a>'],
    ['<a href="javascript:alert(1)">x</a>', "x"],
    ['<a href="//evil.example">x</a>', "x"],
    ["<a>x</a>", "x"],
    ["<span>text</span>", "text"],
    ["<p>a<br>b</p>", "<p>a<br />b</p>"],
    ["1 < 2 & 3 > 2", "1 &lt; 2 &amp; 3 &gt; 2"],
  ];
  for (const [input, expected] of table) it(input, () => expect(sanitizeHtml(input)).toBe(expected));
});

describe("htmlToText", () => {
  it.each([
    ["<p>a</p><p>b</p>", "a\nb"],
    ["a<br />b", "a\nb"],
    ["1 &lt; 2 &amp;&amp; &#65;&#x42;", "1 < 2 && AB"],
    ["<ul><li>x</li><li>y</li></ul>", "x\ny"],
  ])("%s", (html, text) => expect(htmlToText(html)).toBe(text));
});

describe("tiptap documents", () => {
  const table: [string, unknown, string][] = [
    ["empty", { type: "doc" }, "<p></p>"],
    ["paragraph with marks", { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "bold" }, { type: "italic" }] }] }] }, "<p><strong><em>x</em></strong></p>"],
    ["list", { type: "doc", content: [{ type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "i" }] }] }] }] }, "<ul><li><p>i</p></li></ul>"],
    ["quote with loose text", { type: "doc", content: [{ type: "blockquote", content: [{ type: "text", text: "q" }] }] }, "<blockquote><p>q</p></blockquote>"],
    ["hard break", { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "a" }, { type: "hardBreak" }, { type: "text", text: "b" }] }] }, "<p>a<br />b</p>"],
    ["mailto link", { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "m", marks: [{ type: "link", attrs: { href: "mailto:a@b.c" } }] }] }] }, '<p><a href="mailto:a@b.c" rel="noopener nofollow ugc">m</a></p>'],
    ["junk content", { type: "doc", content: [null, 5, "x", { type: 3 }, { type: "text", text: "" }] }, "<p></p>"],
    ["deep nesting is cut", (() => { let node: any = { type: "text", text: "deep" }; for (let i = 0; i < 40; i++) node = { type: "blockquote", content: [node] }; return { type: "doc", content: [node] }; })(), ""],
  ];
  for (const [name, doc, html] of table) {
    it(name, () => {
      const clean = sanitizeDoc(doc);
      if (html) expect(renderDoc(clean)).toBe(html);
      expect(sanitizeHtml(renderDoc(clean))).toBe(renderDoc(clean)); // the renderer only emits allow-listed HTML
      expect(renderDoc(sanitizeDoc(clean))).toBe(renderDoc(clean)); // cleaning is idempotent
    });
  }
  it("docText puts blocks on lines", () => {
    expect(docText(sanitizeDoc({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "a" }] }, { type: "paragraph", content: [{ type: "text", text: "b" }] }] }))).toBe("a\nb");
  });
});

describe("prepareBody", () => {
  it("prefers JSON over HTML, and measures text, not markup", () => {
    const body = prepareBody({ json: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "j" }] }] }, html: "<p>h</p>" });
    expect(body).toMatchObject({ bodyHtml: "<p>j</p>", bodyText: "j" });
    expect(prepareBody({ html: `<p><strong>${"x".repeat(20_000)}</strong></p>` }).bodyText.length).toBe(20_000);
  });
  it.each([
    [{ html: "y".repeat(20_001) }, "too_large"],
    [{ html: "<p>" + "<b></b>".repeat(40_000) + "z</p>" }, "too_large"],
    [{ html: "<p>   </p>" }, "bad_request"],
    [{ json: { type: "doc" as const } }, "bad_request"],
  ])("%#: %s", (input, code) => {
    expect(() => prepareBody(input)).toThrow(expect.objectContaining({ code }));
  });
});

describe("validateSelectors", () => {
  const text = "abcdefghij";
  it("accepts what selectorsFor makes, in any order, and normalises the order", () => {
    const [quote, position] = selectorsFor(text, 2, 5);
    expect(validateSelectors(text, [position, quote])).toEqual([quote, position]);
    expect(quote).toEqual({ type: "TextQuoteSelector", exact: "cde", prefix: "ab", suffix: "fghij" });
  });
  it.each([
    ["past the end", 8, 11, "ij"],
    ["empty", 3, 3, ""],
    ["wrong quote", 0, 3, "abd"],
  ])("refuses %s", (_name, start, end, exact) => {
    expect(() => validateSelectors(text, [{ type: "TextQuoteSelector", exact }, { type: "TextPositionSelector", start, end }])).toThrow(
      expect.objectContaining({ code: "bad_request" }),
    );
  });
  it("checks prefix and suffix when given", () => {
    const ok = { type: "TextPositionSelector" as const, start: 2, end: 4 };
    expect(() => validateSelectors(text, [{ type: "TextQuoteSelector", exact: "cd", prefix: "b", suffix: "e" }, ok])).not.toThrow();
    expect(() => validateSelectors(text, [{ type: "TextQuoteSelector", exact: "cd", prefix: "x" }, ok])).toThrow();
    expect(() => validateSelectors(text, [{ type: "TextQuoteSelector", exact: "cd", suffix: "x" }, ok])).toThrow();
  });
});

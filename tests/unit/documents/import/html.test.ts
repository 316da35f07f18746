import { describe, expect, it } from "vitest";
import { suggestMeta, toReadingBody } from "@/lib/documents/import";
import { xssPayloads } from "../../../fixtures/xss-payloads";
import { fixture, importError, parseBody, shape } from "./support";

const convert = (html: string) => {
  const { body, warnings } = toReadingBody(html, "html");
  return { body, warnings, parsed: parseBody(body) };
};

describe("toReadingBody: an HTML article", () => {
  const { body, warnings, parsed } = convert(fixture("article.html"));

  it("reduces it to headings, paragraphs, a quotation, list items and notes", () => {
    expect(shape(parsed)).toEqual([
      ["heading", "The Margin as Workshop", 1],
      ["paragraph", "Notes on annotation & attention"],
      ["paragraph", "Readers have always written in the margins of their books.[^1] The habit is older than print, and it survived the printed page intact."],
      ["heading", "A short history", 2],
      ["paragraph", "Medieval glosses framed the text on three sides; later readers used only a pencil. Some, like Coleridge, filled whole volumes.[^2]"],
      ["blockquote", "A book is not finished until a reader has argued with it."],
      ["heading", "What the margins hold", 3],
      ["listItem", "Questions, often unanswered."],
      ["listItem", "Cross-references to other books."],
      ["paragraph", "The rest, as the saying goes, is commentary."],
      ["note", "See H. J. Jackson, Marginalia (2001).", "1"],
      ["note", "Coleridge coined the word “marginalia” in 1819.", "2"],
    ]);
  });

  it("resolves both call shapes to their notes and drops the back-links", () => {
    const notes = new Map(parsed.blocks.filter((b) => b.type === "note").map((b) => [b.label, b.id]));
    const calls = parsed.blocks.flatMap((b) => b.inlines).filter((inline) => inline.type === "noteCall");
    expect(calls).toEqual([
      { type: "noteCall", label: "1", noteId: notes.get("1") },
      { type: "noteCall", label: "2", noteId: notes.get("2") },
    ]);
    expect(parsed.text).not.toMatch(/↩/);
  });

  it("leaves no trace of the script, the style, the frame, the image or the comment", () => {
    expect(parsed.text).not.toMatch(/document\.write|injected|font-family|tracker|video\.example|marginalia\.jpg|handwritten|site chrome/);
    expect(body).not.toMatch(/</);
    expect(warnings).toEqual(["Removed 1 style sheet, 2 scripts, 1 image and 1 embedded frame: a reading keeps only text."]);
  });

  it("suggests the h1 as the title (the <title> adds the site's name) and the author meta", () => {
    expect(suggestMeta(fixture("article.html"), "html")).toEqual({ title: "The Margin as Workshop", author: "Ines Varga" });
    expect(suggestMeta("<title> Only  a title </title><p>Text</p>", "html")).toEqual({ title: "Only a title" });
    expect(suggestMeta("<h1>Heading</h1><p>Text</p>", "html")).toEqual({ title: "Heading" });
  });
});

describe("toReadingBody: HTML footnotes in the usual shapes", () => {
  const cases: [string, string, string][] = [
    [
      "Pandoc",
      `<p>Text<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a> more.</p>
       <section id="footnotes" class="footnotes" role="doc-endnotes"><hr /><ol><li id="fn1"><p>The note.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section>`,
      "1",
    ],
    [
      "GitHub",
      `<p>Text<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref>1</a></sup> more.</p>
       <section data-footnotes class="footnotes"><h2 id="footnote-label" class="sr-only">Footnotes</h2><ol><li id="user-content-fn-1"><p>The note. <a href="#user-content-fnref-1" data-footnote-backref class="data-footnote-backref">↩</a></p></li></ol></section>`,
      "1",
    ],
    [
      "Word",
      `<p class=MsoNormal>Text<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1"><span class=MsoFootnoteReference>[1]</span></a> more.</p>
       <div style='mso-element:footnote-list'><div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a href="#_ftnref1" name="_ftn1"><span class=MsoFootnoteReference>[1]</span></a> The note.</p></div></div>`,
      "1",
    ],
    [
      "Wikipedia",
      `<p>Text<sup id="cite_ref-3" class="reference"><a href="#cite_note-3">[3]</a></sup> more.</p>
       <ol class="references"><li id="cite_note-3"><span class="mw-cite-backlink"><b><a href="#cite_ref-3">^</a></b></span> <span class="reference-text">The note.</span></li></ol>`,
      "3",
    ],
    [
      "kramdown",
      `<p>Text<sup id="fnref:a"><a href="#fn:a" class="footnote" rel="footnote" role="doc-noteref">a</a></sup> more.</p>
       <div class="footnotes" role="doc-endnotes"><ol><li id="fn:a"><p>The note.&nbsp;<a href="#fnref:a" class="reversefootnote" role="doc-backlink">&#8617;</a></p></li></ol></div>`,
      "a",
    ],
    [
      "ids only, bracketed call",
      `<p>Text<sup>[<a href="#footnote-7">7</a>]</sup> more.</p><ol><li id="footnote-7">The note. <a href="#ref-7">↑</a></li></ol>`,
      "7",
    ],
  ];

  it.each(cases)("%s", (_name, html, label) => {
    const { parsed, warnings } = convert(html);
    expect(shape(parsed)).toEqual([
      ["paragraph", `Text[^${label}] more.`],
      ["note", "The note.", label],
    ]);
    expect(parsed.blocks[0].inlines[1]).toEqual({ type: "noteCall", label, noteId: parsed.blocks[1].id });
    expect(warnings).toEqual([]);
  });

  it("makes a call without a note plain text, with a warning", () => {
    const { parsed, warnings } = convert(`<p>One<sup><a href="#fn1">1</a></sup> and two<sup><a href="#fn2">2</a></sup>.</p><ol><li id="fn1">Note one.</li></ol>`);
    expect(shape(parsed)).toEqual([
      ["paragraph", "One[^1] and two2."],
      ["note", "Note one.", "1"],
    ]);
    expect(warnings).toEqual(["The note call “2” points at no note, so it was kept as plain text."]);
  });

  it("leaves ordinary in-page links and superscripts as text", () => {
    const { parsed } = convert(`<p>See <a href="#method">the method section</a>; E = mc<sup>2</sup>.</p><h2 id="method">Method</h2>`);
    expect(shape(parsed)).toEqual([
      ["paragraph", "See the method section; E = mc2."],
      ["heading", "Method", 2],
    ]);
  });
});

describe("toReadingBody: HTML structure", () => {
  it("maps h1, h2 and h3–h6 to levels 1, 2 and 3", () => {
    const { parsed } = convert("<h1>One</h1><h2>Two</h2><h3>Three</h3><h5>Five</h5><h6>Six</h6>");
    expect(shape(parsed)).toEqual([
      ["heading", "One", 1],
      ["heading", "Two", 2],
      ["heading", "Three", 3],
      ["heading", "Five", 3],
      ["heading", "Six", 3],
    ]);
  });

  it("makes text blocks paragraphs, br a space, and keeps a list item with paragraphs in it one item", () => {
    const html = `<div>Loose text<p>A paragraph<br>over two lines.</p>more loose text</div>
      <section><p>Section text.</p></section>
      <ul><li><p>Item</p><p>continued.</p><ol><li>Nested.</li></ol></li></ul>
      <blockquote><p>First.</p><p>Second.</p></blockquote>`;
    expect(shape(convert(html).parsed)).toEqual([
      ["paragraph", "Loose text"],
      ["paragraph", "A paragraph over two lines."],
      ["paragraph", "more loose text"],
      ["paragraph", "Section text."],
      ["listItem", "Item continued."],
      ["listItem", "Nested."],
      ["blockquote", "First."],
      ["blockquote", "Second."],
    ]);
  });

  it("makes a figure caption a caption and table rows paragraphs, with a warning", () => {
    const { parsed, warnings } = convert(`<figure><img src="a.png"><figcaption>Plate 1.</figcaption></figure>
      <table><thead><tr><th>Year</th><th>Event</th></tr></thead><tbody><tr><td>1819</td><td><p>A word is coined.</p></td></tr></tbody></table>`);
    expect(shape(parsed)).toEqual([
      ["caption", "Plate 1."],
      ["paragraph", "Year | Event"],
      ["paragraph", "1819 | A word is coined."],
    ]);
    expect(warnings).toEqual(["Removed 1 image: a reading keeps only text.", "A table became one paragraph per row, cells separated by “|”."]);
  });

  it("decodes entities and escapes what the reading format would read as markup", () => {
    const { parsed, body } = convert("<p>&lt;https://x.org&gt; &amp; 2 &times; 3 * 4 &#91;^1&#93; C:\\dir &nbsp;&mdash;</p><p># not a heading</p><pre>line one\n- line two</pre>");
    expect(shape(parsed)).toEqual([
      ["paragraph", "<https://x.org> & 2 × 3 * 4 [^1] C:\\dir —"],
      ["paragraph", "# not a heading"],
      ["paragraph", "line one - line two"],
    ]);
    expect(body).toContain("\\<https://x.org> & 2 × 3 \\* 4 \\[^1] C:\\\\dir");
  });

  it("removes scripts, styles, frames, objects, templates, graphics, media and form controls with their content", () => {
    const html = `<p>Kept.</p><script>bad()</script><noscript>Enable JS</noscript><style>p{}</style><iframe src="x">frame text</iframe>
      <object data="x">object text</object><embed src="x"><template><p>template text</p></template><svg><text>svg text</text></svg>
      <canvas>canvas text</canvas><video><p>video text</p></video><form><label>Name</label><input value="input text"><textarea>area text</textarea><button>Send</button><select><option>opt</option></select></form>
      <img src="https://remote.example/a.png" alt="alt text"><picture><source srcset="b.webp"><img src="b.png" alt="pic"></picture><!-- comment text -->`;
    const { parsed, warnings } = convert(html);
    expect(shape(parsed)).toEqual([
      ["paragraph", "Kept."],
      ["paragraph", "Name"],
    ]);
    expect(warnings).toEqual([
      "Removed 2 scripts, 1 style sheet, 1 embedded frame, 2 embedded objects, 1 template, 2 graphics, 1 video or audio player, 4 form controls and 2 images: a reading keeps only text.",
    ]);
  });

  it("refuses a page with only scripts and images, saying what it held", () => {
    const html = `<html><head><script src="app.js"></script></head><body><div id="root"></div><script>render()</script><img src="a.png"><img src="https://x.org/b.jpg"></body></html>`;
    importError(() => toReadingBody(html, "html"), "nothing_readable", /^This page has no readable text, only 2 scripts and 2 images, which a reading cannot keep\./);
  });

  it("leaves no markup from cross-site-scripting payloads in the canonical text", () => {
    const html = xssPayloads.map((payload, i) => `<p>Payload ${i}: ${payload}</p>`).join("\n");
    const { parsed } = convert(html);
    expect(parsed.text).not.toMatch(/<[a-z!/?]/i);
    expect(parsed.text).not.toMatch(/javascript:|vbscript:|onerror|onload|onclick|expression\(|@import|xss\.example/i);
    expect(parsed.text).toMatch(/Payload 0:/);
    expect(parsed.text).toMatch(/safe bold it/);
    for (const payload of xssPayloads) {
      const text = parseBody(toReadingBody(`<p>Before</p>${payload}<p>After</p>`, "html").body).text;
      expect(text, payload).not.toMatch(/<[a-z!/?]/i);
      expect(text, payload).not.toMatch(/javascript:|onerror|onload/i);
    }
  });
});

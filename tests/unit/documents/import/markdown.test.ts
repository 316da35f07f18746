import { describe, expect, it } from "vitest";
import { suggestMeta, toReadingBody } from "@/lib/documents/import";
import { fixture, importError, parseBody, shape } from "./support";

const convert = (markdown: string) => {
  const { body, warnings } = toReadingBody(markdown, "markdown");
  return { body, warnings, parsed: parseBody(body) };
};

describe("toReadingBody: a Markdown essay", () => {
  const { body, warnings, parsed } = convert(fixture("essay.md"));

  it("reduces it to the blocks the reader renders", () => {
    expect(shape(parsed)).toEqual([
      ["heading", "Reading in Company", 1],
      ["paragraph", "By Tomás Ferreira"],
      ["paragraph", "Seminars read slowly and together.[^1] This essay collects three habits from the Parallax guide and one from elsewhere."],
      ["heading", "Three habits", 2],
      ["listItem", "Read the passage aloud."],
      ["listItem", "Mark one sentence you would defend, and one you would not."],
      ["listItem", "Bring a question, not a summary."],
      ["listItem", "Ask before you answer."],
      ["listItem", "Keep the book open."],
      ["heading", "On disagreement", 3],
      ["blockquote", "Disagreement is a form of attention."],
      ["blockquote", "It asks the text to say more."],
      ["paragraph", "Habit | Minutes"],
      ["paragraph", "Reading aloud | 10"],
      ["paragraph", "Questions | 25"],
      ["paragraph", "Use git log or any tool you like; the point is the habit."],
      ["paragraph", "Indented code stays words."],
      ["note", "Reading together was the norm until the eighteenth century.", "1"],
    ]);
  });

  it("resolves the footnote call to its note", () => {
    const call = parsed.blocks[2].inlines.find((inline) => inline.type === "noteCall");
    expect(call).toEqual({ type: "noteCall", label: "1", noteId: parsed.blocks.at(-1)!.id });
  });

  it("writes the subset: setext headings as #, numbers and +/* bullets as -, emphasis as * markers", () => {
    expect(body.startsWith("# Reading in Company\n\n*By Tomás Ferreira*\n\nSeminars read *slowly* and **together**.[^1]")).toBe(true);
    expect(body).toContain("\n## Three habits\n\n- Read the passage aloud.\n\n- Mark one sentence you would defend, and one you would not.\n");
    expect(body).toContain("\n- Ask before you answer.\n\n- Keep the book open.\n");
    expect(body).toContain("\n### On disagreement\n");
    expect(body).toContain("the point is the *habit*.");
    expect(body).not.toMatch(/\]\(|!\[|`/);
    expect(body.trimEnd().endsWith("[^1]: Reading together was the norm until the eighteenth century.")).toBe(true);
  });

  it("warns about the image, the table and the code block", () => {
    expect(warnings).toEqual([
      "Removed 1 image: a reading keeps only text.",
      "A table became one paragraph per row, cells separated by “|”.",
      "A code block became plain paragraphs.",
    ]);
  });

  it("suggests the first # heading as the title and the By line as the author", () => {
    expect(suggestMeta(fixture("essay.md"), "markdown")).toEqual({ title: "Reading in Company", author: "Tomás Ferreira" });
  });
});

describe("toReadingBody: Markdown details", () => {
  it("reads ATX headings with closing hashes, and makes levels 4–6 level 3", () => {
    expect(shape(convert("## Two ##\n\n#### Four\n\n###### Six #").parsed)).toEqual([
      ["heading", "Two", 2],
      ["heading", "Four", 3],
      ["heading", "Six", 3],
    ]);
  });

  it("turns links of every kind into their text, and autolinks into their address", () => {
    const markdown = "See [the *guide*](https://x.org/a_(b) 'T'), [a ref][r], [Short] and <https://x.org/y> or <me@x.org>.\n\n[r]: https://x.org/r\n[short]: <https://x.org/s> \"S\"";
    expect(convert(markdown).parsed.text).toBe("See the guide, a ref, Short and https://x.org/y or me@x.org.");
  });

  it("keeps brackets that are not links, underscores inside words and stars between spaces", () => {
    expect(convert("An [aside] and snake_case_name and 2 * 3 * 4.").parsed.text).toBe("An [aside] and snake_case_name and 2 * 3 * 4.");
  });

  it("reads inline code, escapes and character references as text", () => {
    const { parsed, body } = convert("Run `a * b [^1] <b>` then \\*not\\* \\# &copy; &#8212; &#x41; &bogus;.");
    expect(parsed.text).toBe("Run a * b [^1] <b> then *not* # © — A &bogus;.");
    expect(parsed.blocks[0].inlines.every((inline) => inline.type === "text")).toBe(true);
    expect(body).toContain("\\*");
  });

  it("strips raw HTML tags, with the content of scripts and styles, and comments", () => {
    const markdown = [
      "Some <span class=\"x\">inline</span> words<br>here.<script>alert(1)</script>",
      "",
      "<div align=\"center\">",
      "",
      "Centered text.",
      "",
      "</div>",
      "",
      "<style>",
      "p { color: red }",
      "</style>",
      "",
      "<!-- a comment",
      "over two lines -->",
      "",
      "<img src=x onerror=alert(1)//\">After.",
    ].join("\n");
    const { parsed, warnings } = convert(markdown);
    expect(shape(parsed)).toEqual([
      ["paragraph", "Some inline words here."],
      ["paragraph", "Centered text."],
      ["paragraph", "After."],
    ]);
    expect(warnings).toContain("Removed 1 image: a reading keeps only text.");
    expect(warnings.some((w) => /HTML tags written in the Markdown/.test(w))).toBe(true);
  });

  it("makes a call without a note plain text, with a warning, so parsing never fails", () => {
    const { parsed, warnings, body } = convert("One[^1] and two[^missing].\n\n[^1]: The note.");
    expect(shape(parsed)).toEqual([
      ["paragraph", "One[^1] and two[^missing]."],
      ["note", "The note.", "1"],
    ]);
    expect(parsed.blocks[0].inlines.filter((inline) => inline.type === "noteCall")).toHaveLength(1);
    expect(body).toContain("two\\[^missing].");
    expect(warnings).toEqual(["The note call “[^missing]” points at no note, so it was kept as plain text."]);
  });

  it("keeps the first of two notes with one label and makes the second a paragraph", () => {
    const { parsed, warnings } = convert("Text[^a].\n\n[^a]: First.\n\n[^a]: Second.");
    expect(shape(parsed)).toEqual([
      ["paragraph", "Text[^a]."],
      ["paragraph", "Second."],
      ["note", "First.", "a"],
    ]);
    expect(warnings[0]).toMatch(/\[\^a\] is defined more than once/);
  });

  it("joins a footnote's continuation lines and indented paragraphs, and moves notes to the end", () => {
    const markdown = "[^n]: First line\ncontinued.\n\n    A second paragraph.\n\nBody text.[^n]";
    expect(shape(convert(markdown).parsed)).toEqual([
      ["paragraph", "Body text.[^n]"],
      ["note", "First line continued. A second paragraph.", "n"],
    ]);
  });

  it("flattens nested lists and joins an item's paragraphs", () => {
    const markdown = "- Outer item\n  continued\n\n  with a second paragraph\n  - Inner item\n- Last\n\n3) Starts at three\n4) Four";
    expect(shape(convert(markdown).parsed)).toEqual([
      ["listItem", "Outer item continued with a second paragraph"],
      ["listItem", "Inner item"],
      ["listItem", "Last"],
      ["listItem", "Starts at three"],
      ["listItem", "Four"],
    ]);
  });

  it("keeps fenced code as plain words, markup characters escaped", () => {
    const { parsed, body } = convert("```\n# not a heading\n> not a quote\n\n- not an item\n```\n~~~\n*stars*\n~~~");
    expect(shape(parsed)).toEqual([
      ["paragraph", "# not a heading > not a quote"],
      ["paragraph", "- not an item"],
      ["paragraph", "*stars*"],
    ]);
    expect(body).toContain("\\# not a heading\n\\> not a quote");
  });

  it("reads nested quotations and lists inside quotations as quotations", () => {
    const markdown = "> Outer\n> > Inner\n>\n> - an item\n\nAfter.";
    expect(shape(convert(markdown).parsed)).toEqual([
      ["blockquote", "Outer"],
      ["blockquote", "Inner"],
      ["blockquote", "an item"],
      ["paragraph", "After."],
    ]);
  });

  it("leaves YAML front matter out of the text, with a warning, and suggests its title and author", () => {
    const markdown = '---\ntitle: "On Margins: A Primer"\nauthor: Ines Varga\ntags: [a, b]\n---\n\n# Heading\n\nText.';
    const { parsed, warnings } = convert(markdown);
    expect(shape(parsed)).toEqual([
      ["heading", "Heading", 1],
      ["paragraph", "Text."],
    ]);
    expect(warnings[0]).toMatch(/front matter/);
    expect(suggestMeta(markdown, "markdown")).toEqual({ title: "On Margins: A Primer", author: "Ines Varga" });
  });

  it("marks emphasis only where the reading format reads it back the same way", () => {
    const { body, parsed } = convert("_one_ __two__ ***three*** *a **b** c* x*y*z *unclosed and `*code*`");
    expect(parsed.text).toBe("one two three a b c xyz *unclosed and *code*");
    expect(body).toBe("*one* **two** ***three*** *a **b** c* x*y*z \\*unclosed and \\*code\\*\n");
  });

  it("refuses a file with nothing readable", () => {
    importError(() => toReadingBody("![only](an-image.png)\n\n---\n", "markdown"), "nothing_readable", /no readable words/);
  });
});

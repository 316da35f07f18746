import { describe, expect, it } from "vitest";
import { countWords, DocumentParseError, parseDocument } from "../../../lib/documents/parse";
import type { Block } from "../../../lib/documents/schema";

const FRONT = ["---", "title: A Test Reading", "author: Someone", "kind: essay", "source: test.txt", "---", ""];
const doc = (...body: string[]) => [...FRONT, ...body].join("\n");
const parse = (...body: string[]) => parseDocument(doc(...body), "test.md");
const textOf = (block: Block) => block.inlines.map((inline) => (inline.type === "text" ? inline.text : "")).join("");
const shape = (blocks: Block[]) => blocks.map((b) => [b.type, textOf(b), ...(b.level ? [b.level] : []), ...(b.label ? [b.label] : [])]);

/** Runs `fn`, expecting a DocumentParseError at `line` whose message names the file and line. */
function parseError(fn: () => unknown, line: number, pattern: RegExp): DocumentParseError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentParseError);
    const e = error as DocumentParseError;
    expect(e.line).toBe(line);
    expect(e.file).toBe("test.md");
    expect(e.message.startsWith(`test.md:${line}: `)).toBe(true);
    expect(e.message).toMatch(pattern);
    return e;
  }
  throw new Error("expected a DocumentParseError");
}

describe("front matter", () => {
  it("reads the fields, with defaults and optional ones absent", () => {
    const { meta } = parse("Text.");
    expect(meta).toEqual({ title: "A Test Reading", titleSupplied: false, author: "Someone", kind: "essay", source: "test.txt" });
  });

  it("reads booleans, whole numbers and quoted strings", () => {
    const source = ["---", 'title: "  Spaced: and quoted  "', "titleSupplied: true", "author: A", "publication: Journal: Issue", "year: 1999", "kind: book excerpt", "source: s.txt", "order: 3", "---", "Text."].join("\n");
    expect(parseDocument(source, "t.md").meta).toEqual({
      title: "  Spaced: and quoted  ".trim(),
      titleSupplied: true,
      author: "A",
      publication: "Journal: Issue",
      year: 1999,
      kind: "book excerpt",
      source: "s.txt",
      order: 3,
    });
  });

  it("rejects a file without front matter", () => {
    parseError(() => parseDocument("Just text.\n", "test.md"), 1, /no front matter/);
  });

  it("rejects front matter that is never closed", () => {
    parseError(() => parseDocument("---\ntitle: T\n", "test.md"), 1, /not closed/);
  });

  it("rejects an unknown kind, naming its line", () => {
    const source = doc().replace("kind: essay", "kind: novel");
    parseError(() => parseDocument(source, "test.md"), 4, /unknown kind "novel"/);
  });

  it("rejects a missing required field at the closing line", () => {
    const source = doc("Text.").replace("author: Someone\n", "");
    parseError(() => parseDocument(source, "test.md"), 5, /lacks the required field "author"/);
  });

  it("rejects unknown and repeated fields and badly typed values", () => {
    parseError(() => parseDocument(doc().replace("kind: essay", "kind: essay\ngenre: war"), "test.md"), 5, /unknown front matter field "genre"/);
    parseError(() => parseDocument(doc().replace("kind: essay", "kind: essay\nauthor: B"), "test.md"), 5, /given twice/);
    parseError(() => parseDocument(doc().replace("kind: essay", "kind: essay\nyear: 1950s"), "test.md"), 5, /whole number/);
    parseError(() => parseDocument(doc().replace("kind: essay", "kind: essay\ntitleSupplied: yes"), "test.md"), 5, /true or false/);
    parseError(() => parseDocument(doc().replace("title: A Test Reading", "title:"), "test.md"), 2, /has no value/);
    parseError(() => parseDocument(doc().replace("title: A Test Reading", "no colon here"), "test.md"), 2, /not `key: value`/);
  });
});

describe("blocks", () => {
  it("reads headings of levels 1–3 and refuses deeper ones", () => {
    expect(shape(parse("# One", "## Two", "### Three").blocks)).toEqual([
      ["heading", "One", 1],
      ["heading", "Two", 2],
      ["heading", "Three", 3],
    ]);
    parseError(() => parse("#### Four"), 8, /heading level 4/);
  });

  it("joins the lines of a paragraph with single spaces; blank lines separate paragraphs", () => {
    const { blocks, text } = parse("First line", "  second   line.", "", "", "Another.");
    expect(shape(blocks)).toEqual([
      ["paragraph", "First line second line."],
      ["paragraph", "Another."],
    ]);
    expect(text).toBe("First line second line.\n\nAnother.");
  });

  it("reads block quotations, a bare `>` separating two quoted paragraphs", () => {
    expect(shape(parse("> Quoted", "> on two lines.", ">", "> Second.", "", "After.").blocks)).toEqual([
      ["blockquote", "Quoted on two lines."],
      ["blockquote", "Second."],
      ["paragraph", "After."],
    ]);
  });

  it("reads list items with their continuation lines", () => {
    expect(shape(parse("- One", "  continued", "- Two", "", "- Three").blocks)).toEqual([
      ["listItem", "One continued"],
      ["listItem", "Two"],
      ["listItem", "Three"],
    ]);
  });

  it("makes list items under a bibliography heading bibliography entries, up to the next heading of its level", () => {
    const { blocks } = parse("## Works cited:", "- A.", "### Primary sources", "A remark.", "- B.", "## Appendix", "- C.", "# REFERENCES", "- D.");
    expect(shape(blocks)).toEqual([
      ["heading", "Works cited:", 2],
      ["bibliography", "A."],
      ["heading", "Primary sources", 3],
      ["paragraph", "A remark."],
      ["bibliography", "B."],
      ["heading", "Appendix", 2],
      ["listItem", "C."],
      ["heading", "REFERENCES", 1],
      ["bibliography", "D."],
    ]);
  });

  it("reads a caption after the caption marker, and only a paragraph", () => {
    expect(shape(parse("<!-- caption -->", "A map. (SOURCE)", "", "Text.").blocks)).toEqual([
      ["caption", "A map. (SOURCE)"],
      ["paragraph", "Text."],
    ]);
    parseError(() => parse("<!-- caption -->", "## Heading"), 8, /caption marker must be followed by a paragraph/);
    parseError(() => parse("Text.", "", "<!-- caption -->"), 10, /caption marker/);
  });

  it("skips other comments and thematic breaks", () => {
    expect(shape(parse("<!-- an editor's remark -->", "One.", "", "---", "", "Two.").blocks)).toEqual([
      ["paragraph", "One."],
      ["paragraph", "Two."],
    ]);
  });

  it("reads CRLF files and a byte-order mark", () => {
    const { blocks } = parseDocument(`\uFEFF${doc("One", "line.", "", "Two.").replace(/\n/g, "\r\n")}`, "test.md");
    expect(shape(blocks)).toEqual([
      ["paragraph", "One line."],
      ["paragraph", "Two."],
    ]);
  });
});

describe("notes", () => {
  it("resolves calls to their notes; calls and labels stay out of the text", () => {
    const { blocks, text } = parse("A claim.[^12] Another[^a] one.", "", "[^12]: The source,", "    continued.", "", "[^a]: A lettered note.");
    expect(text).toBe("A claim. Another one.\n\nThe source, continued.\n\nA lettered note.");
    const [paragraph, twelve, a] = blocks;
    expect(twelve).toMatchObject({ type: "note", label: "12" });
    expect(a).toMatchObject({ type: "note", label: "a" });
    expect(paragraph.inlines).toEqual([
      { type: "text", text: "A claim.", start: 0, end: 8 },
      { type: "noteCall", label: "12", noteId: twelve.id },
      { type: "text", text: " Another", start: 8, end: 16 },
      { type: "noteCall", label: "a", noteId: a.id },
      { type: "text", text: " one.", start: 16, end: 21 },
    ]);
  });

  it("reads a definition written without a space after the colon", () => {
    const { blocks } = parse("Text.[^n]", "", "[^n]:Tight.");
    expect(shape(blocks)).toEqual([
      ["paragraph", "Text."],
      ["note", "Tight.", "n"],
    ]);
  });

  it("keeps calls unresolved in a reading without notes", () => {
    const { blocks } = parse("Passed on October 7.[^1] In any case.[^2]");
    expect(blocks[0].inlines.filter((i) => i.type === "noteCall")).toEqual([
      { type: "noteCall", label: "1", noteId: null },
      { type: "noteCall", label: "2", noteId: null },
    ]);
  });

  it("rejects a call to a missing note when the reading has notes, naming the call's line", () => {
    parseError(() => parse("Fine.[^1]", "Broken", "call.[^2]", "", "[^1]: A note."), 10, /note call \[\^2\] points at no note/);
  });

  it("rejects a note defined twice, naming the second definition", () => {
    parseError(() => parse("Text.[^1]", "", "[^1]: First.", "", "[^1]: Again."), 12, /note \[\^1\] is defined twice/);
  });

  it("attaches a call written after a space to the word before it", () => {
    const { blocks } = parse("Word [^1] next.", "", "[^1]: N.");
    expect(blocks[0].inlines).toMatchObject([{ text: "Word" }, { type: "noteCall" }, { text: " next." }]);
  });
});

describe("inline markup", () => {
  it("drops emphasis markers, escapes and autolink brackets, keeps a lone asterisk and typographic quotes", () => {
    const { text } = parse("*Ibid.*, **bold** and *two words*; a \\$50 loan; <https://example.org/a_b>; 5 * 3; “quoted” ‘too’.");
    expect(text).toBe("Ibid., bold and two words; a $50 loan; https://example.org/a_b; 5 * 3; “quoted” ‘too’.");
  });

  it("counts words: whitespace-separated runs with a letter or digit", () => {
    expect(countWords("A claim – 38th parallel, 1950 … “yes”")).toBe(6);
    expect(parse("One two.", "", "- three").wordCount).toBe(3);
  });
});

describe("block ids", () => {
  it("derive from type and content: equal across parses, unchanged blocks keep theirs", () => {
    const first = parse("## Heading", "", "Paragraph one.", "", "Paragraph two.");
    const edited = parse("## Heading", "", "Paragraph one, edited.", "", "Paragraph two.");
    expect(parse("## Heading", "", "Paragraph one.", "", "Paragraph two.").blocks.map((b) => b.id)).toEqual(first.blocks.map((b) => b.id));
    expect(edited.blocks[0].id).toBe(first.blocks[0].id);
    expect(edited.blocks[1].id).not.toBe(first.blocks[1].id);
    expect(edited.blocks[2].id).toBe(first.blocks[2].id);
    expect(first.blocks.map((b) => b.id)).toEqual([expect.stringMatching(/^h-\w{8}$/), expect.stringMatching(/^p-\w{8}$/), expect.stringMatching(/^p-\w{8}$/)]);
  });

  it("suffix only identical blocks; same-text notes differ by label; type changes the id", () => {
    const { blocks } = parse("Same.[^1]", "", "Same.[^2]", "", "> Same.", "", "[^1]: Ibid.", "", "[^2]: Ibid.");
    const [a, b, quote, n1, n2] = blocks.map((block) => block.id);
    expect(b).toBe(`${a}-2`);
    expect(quote).not.toBe(a);
    expect(n1).not.toBe(n2);
    expect(new Set([a, b, quote, n1, n2]).size).toBe(5);
  });
});

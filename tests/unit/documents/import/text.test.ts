import { describe, expect, it } from "vitest";
import { toReadingBody } from "@/lib/documents/import";
import { fixture, importError, paragraphsOf, parseBody, shape } from "./support";

describe("toReadingBody: plain text", () => {
  const source = fixture("notes.txt");

  it("keeps every character of the file as words: the canonical text is its paragraphs", () => {
    const { body, warnings } = toReadingBody(source, "text");
    const parsed = parseBody(body);
    expect(parsed.text).toBe(paragraphsOf(source));
    expect(parsed.blocks.every((block) => block.type === "paragraph")).toBe(true);
    expect(parsed.blocks).toHaveLength(7);
    expect(warnings).toEqual([]);
  });

  it("escapes what the reading format would read as markup, and nothing else", () => {
    const { body } = toReadingBody(source, "text");
    const lines = body.split("\n");
    expect(lines).toContain("\\# was how the old catalogue marked a missing volume; ## marked two.");
    expect(lines).toContain("\\> This line starts with a greater-than sign but is not a quotation.");
    expect(lines).toContain("\\- This line starts with a dash and a space.");
    expect(lines).toContain("\\+ So does this one, with a plus.");
    expect(lines).toContain("\\* And this one, with a star.");
    expect(lines).toContain("\\[^1]: this is not a note.");
    expect(lines).toContain("\\---");
    expect(lines).toContain("\\<!-- caption -->");
    expect(lines).toContain("#hashtag and ### three");
    expect(body).toContain("C:\\\\Users\\\\reader\\\\notes and 2 \\* 3 \\* 4 = 24, \\*not emphasis\\*, \\*\\*not strong\\*\\*.");
    expect(body).toContain("\\<https://example.org/catalogue>");
  });

  it("reads the marks as words: no headings, quotations, items, notes, calls or captions", () => {
    const parsed = parseBody(toReadingBody(source, "text").body);
    expect(shape(parsed).slice(1, 4)).toEqual([
      ["paragraph", "# was how the old catalogue marked a missing volume; ## marked two. Lines that start with a hash sign are still words here."],
      ["paragraph", "> This line starts with a greater-than sign but is not a quotation. - This line starts with a dash and a space. + So does this one, with a plus. * And this one, with a star."],
      ["paragraph", "Footnote-looking text [^1] and a definition-looking line: [^1]: this is not a note."],
    ]);
    expect(parsed.blocks.flatMap((block) => block.inlines).every((inline) => inline.type === "text")).toBe(true);
  });

  it("reads Windows and old Mac line breaks, page breaks and lines of spaces as it reads \\n", () => {
    const windows = toReadingBody(source.replace(/\n/g, "\r\n"), "text").body;
    expect(windows).toBe(toReadingBody(source, "text").body);
    const parsed = parseBody(toReadingBody("One\rtwo\n \u00a0\t\nThree\fFour", "text").body);
    expect(shape(parsed)).toEqual([
      ["paragraph", "One two"],
      ["paragraph", "Three Four"],
    ]);
  });

  it("turns stray control characters into spaces", () => {
    expect(parseBody(toReadingBody("Bell\u0007here and\u001bthere.", "text").body).text).toBe("Bell here and there.");
  });

  it("keeps the words of random strings of markup characters exactly", () => {
    const pieces = ["#", "## ", ">", "- ", "+ ", "*", "**", "_", "\\", "[", "]", "^", "[^1]", "[^a]:", "<", "<https://x.org>", "<!--", "-->", "<!-- caption -->", "---", "___", "word", " ", "\n", "\n\n", "\t", "`", "&amp;", "|"];
    let seed = 20240611;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 400; round++) {
      let text = "word ";
      for (let i = next(24); i >= 0; i--) text += pieces[next(pieces.length)];
      const parsed = parseBody(toReadingBody(text, "text").body);
      expect(parsed.text, JSON.stringify(text)).toBe(paragraphsOf(text));
    }
  });

  it("refuses a text without words", () => {
    importError(() => toReadingBody(" \n\t\n", "text"), "empty", /no text to import/);
    importError(() => toReadingBody("* * *\n\n---\n", "text"), "nothing_readable", /no readable words/);
  });
});

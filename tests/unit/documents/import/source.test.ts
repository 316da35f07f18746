import { describe, expect, it } from "vitest";
import { buildReadingSource, joinReadingSource, splitReadingSource, type ReadingMetaInput } from "@/lib/documents/import";
import { parseDocument } from "@/lib/documents/parse";
import { importError } from "./support";

const meta: ReadingMetaInput = { title: "The Margin as Workshop", author: "Ines Varga", kind: "essay" };
const body = "# Heading\n\nText with a call.[^1]\n\n[^1]: The note.\n";

describe("buildReadingSource", () => {
  it("writes front matter and body that parseDocument accepts", () => {
    const source = buildReadingSource({ ...meta, publication: "Quarterly of Reading", year: 2021, source: "margin.html" }, body);
    expect(source).toBe(
      "---\ntitle: The Margin as Workshop\nauthor: Ines Varga\npublication: Quarterly of Reading\nyear: 2021\nkind: essay\nsource: margin.html\n---\n\n" + body,
    );
    const parsed = parseDocument(source, "margin.md");
    expect(parsed.meta).toEqual({
      title: "The Margin as Workshop",
      titleSupplied: false,
      author: "Ines Varga",
      publication: "Quarterly of Reading",
      year: 2021,
      kind: "essay",
      source: "margin.html",
    });
    expect(parsed.text).toBe("Heading\n\nText with a call.\n\nThe note.");
  });

  it("names the source `upload` for pasted text and keeps only a file name's last part", () => {
    expect(buildReadingSource(meta, body)).toContain("\nsource: upload\n");
    expect(buildReadingSource({ ...meta, source: "C:\\fakepath\\My  Reading.md" }, body)).toContain("\nsource: My Reading.md\n");
    expect(buildReadingSource({ ...meta, source: "  " }, body)).toContain("\nsource: upload\n");
  });

  it("JSON-quotes values that would read differently plain, and puts each value on one line", () => {
    const source = buildReadingSource({ ...meta, title: '"Quoted" at the start: a title', author: "  Ann\n  Other ", publication: "'Single'" }, body);
    expect(source).toContain('\ntitle: "\\"Quoted\\" at the start: a title"\n');
    expect(source).toContain("\nauthor: Ann Other\n");
    expect(source).toContain(`\npublication: "'Single'"\n`);
    const parsed = parseDocument(source, "x.md");
    expect(parsed.meta.title).toBe('"Quoted" at the start: a title');
    expect(parsed.meta.publication).toBe("'Single'");
  });

  it("tidies the body: no opening blank lines, Windows line breaks, a final line break", () => {
    const source = buildReadingSource(meta, "\n\n\r\nOne.\r\n\r\nTwo.");
    expect(source.endsWith("---\n\nOne.\n\nTwo.\n")).toBe(true);
  });

  it("refuses a missing title or author, an unknown kind and a year that is not whole", () => {
    importError(() => buildReadingSource({ ...meta, title: "  " }, body), "invalid", /^Give the reading a title\.$/);
    importError(() => buildReadingSource({ ...meta, author: "" }, body), "invalid", /^Give the reading an author/);
    importError(() => buildReadingSource({ ...meta, kind: "novel" as never }, body), "invalid", /^Choose what the reading is: article, essay, book excerpt, transcript\.$/);
    importError(() => buildReadingSource({ ...meta, year: 1972.5 }, body), "invalid", /whole number/);
  });

  it("refuses a body the reading format refuses, naming the body's line", () => {
    importError(() => buildReadingSource(meta, "Text.\n\n#### Too deep\n"), "invalid", /^Line 3 of the text: heading level 4 is not supported/);
    importError(() => buildReadingSource(meta, "A call[^2].\n\n[^1]: A note.\n"), "invalid", /^Line 1 of the text: note call \[\^2\] points at no note\.$/);
  });

  it("refuses a body without words", () => {
    importError(() => buildReadingSource(meta, "\n---\n"), "nothing_readable", /no text yet/);
  });
});

describe("splitReadingSource and joinReadingSource", () => {
  const source = buildReadingSource({ ...meta, year: 1999 }, body);

  it("splits a reading into its front matter and its body, and joins them back", () => {
    const { frontMatter, body: split } = splitReadingSource(source);
    expect(frontMatter).toBe("---\ntitle: The Margin as Workshop\nauthor: Ines Varga\nyear: 1999\nkind: essay\nsource: upload\n---");
    expect(split).toBe(body);
    expect(joinReadingSource(frontMatter, split)).toBe(source);
  });

  it("reads Windows line breaks and a byte-order mark", () => {
    const { frontMatter, body: split } = splitReadingSource("\uFEFF" + source.replace(/\n/g, "\r\n"));
    expect(frontMatter.startsWith("---\ntitle:")).toBe(true);
    expect(split).toBe(body);
  });

  it("takes a file without front matter as all body", () => {
    expect(splitReadingSource("Just text.\n")).toEqual({ frontMatter: "", body: "Just text.\n" });
    expect(splitReadingSource("---\nnever closed\n")).toEqual({ frontMatter: "", body: "---\nnever closed\n" });
    expect(joinReadingSource("", "\nJust text.")).toBe("Just text.\n");
  });

  it("joins a revised body so the reading parses with the same metadata", () => {
    const { frontMatter } = splitReadingSource(source);
    const revised = joinReadingSource(frontMatter, "Revised text.");
    expect(parseDocument(revised, "x.md").meta.year).toBe(1999);
    expect(parseDocument(revised, "x.md").text).toBe("Revised text.");
  });
});

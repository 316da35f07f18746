import { describe, expect, it } from "vitest";
import { ImportError, toReadingBody, type ImportFormat } from "@/lib/documents/import";
import { parseBody } from "./support";

/** Imports `text`, expecting a body that parses, or an ImportError for no text or nothing readable. */
function importsCleanly(text: string, format: ImportFormat): string | null {
  try {
    return parseBody(toReadingBody(text, format).body).text;
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    expect(["empty", "nothing_readable"]).toContain((error as ImportError).code);
    return null;
  }
}

function randomDocuments(pieces: string[], count: number, seed: number): string[] {
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  return Array.from({ length: count }, () => {
    let text = "";
    for (let i = next(40); i >= 0; i--) text += pieces[next(pieces.length)];
    return text;
  });
}

const markupPieces = ["#", "## ", "> ", "- ", "1. ", "* ", "**", "_", "__", "\\", "[", "]", "^", "[^1]", "[^1]: ", "<", ">", "<!--", "-->", "---", "`", "```", "    ", "|", "\n", "\n\n", "word", " ", "&amp;", "[a](b)", "![i](j)"];

describe("importing never yields a body the reading format refuses", () => {
  it("for random Markdown", () => {
    for (const text of randomDocuments(markupPieces, 300, 7)) importsCleanly(text, "markdown");
  });

  it("for random HTML", () => {
    const pieces = [...markupPieces, "<p>", "</p>", "<li>", "<ul>", "</ul>", "<blockquote>", "<h5>", "<br>", "<pre>", "<table><tr><td>", "<figcaption>", "<script>", "</script>", '<sup><a href="#fn1">1</a></sup>', '<ol class="footnotes"><li id="fn1">', '<a href="#fn2" class="footnote-ref">2</a>'];
    for (const text of randomDocuments(pieces, 300, 11)) importsCleanly(text, "html");
  });
});

describe("importing stays quick on pathological input", () => {
  const quick = (text: string, format: ImportFormat) => {
    const started = performance.now();
    importsCleanly(text, format);
    expect(performance.now() - started).toBeLessThan(5_000);
  };

  it("deeply nested HTML elements and lists", () => {
    quick("<div>".repeat(20_000) + "deep text", "html");
    quick("<ul><li>".repeat(5_000) + "deep item", "html");
    quick("<p>" + "<b>w</b> ".repeat(50_000), "html");
  });

  it("deeply nested Markdown quotations, lists, links and emphasis", () => {
    expect(importsCleanly(">".repeat(5_000) + " deep", "markdown")).toMatch(/deep$/);
    quick(Array.from({ length: 1_000 }, (_, i) => " ".repeat(i * 2) + "- item").join("\n"), "markdown");
    quick("[".repeat(5_000) + "a" + "](u)".repeat(5_000), "markdown");
    const words = importsCleanly("*a ".repeat(5_000) + "b" + " a*".repeat(5_000), "markdown");
    expect(words?.replace(/\s+/g, " ")).toBe("a ".repeat(5_000) + "b" + " a".repeat(5_000));
  });

  it("long runs of unmatched Markdown delimiters, brackets, backticks and tags", () => {
    quick("x " + "a_ ".repeat(50_000), "markdown");
    quick("[a ".repeat(50_000), "markdown");
    quick("*a** ".repeat(50_000), "markdown");
    quick("x " + Array.from({ length: 2_000 }, (_, i) => "`".repeat((i % 50) + 1) + "a ").join(""), "markdown");
    quick("<a b ".repeat(50_000), "markdown");
    quick("# a" + " ".repeat(50_000) + "b", "markdown");
  });
});

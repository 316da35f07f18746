import { describe, expect, it } from "vitest";
import { detectFormat } from "@/lib/documents/import";
import { fixture } from "./support";

describe("detectFormat", () => {
  it("goes by a known extension, whatever the content", () => {
    expect(detectFormat("reading.txt", "# Looks like Markdown\n\n- item")).toBe("text");
    expect(detectFormat("reading.md", "Plain words.")).toBe("markdown");
    expect(detectFormat("Reading.MARKDOWN", "Plain words.")).toBe("markdown");
    expect(detectFormat("page.html", "Plain words.")).toBe("html");
    expect(detectFormat("C:\\fakepath\\page.HTM", "Plain words.")).toBe("html");
  });

  it("sniffs HTML: a document, or a fragment opening with a block tag", () => {
    expect(detectFormat(null, fixture("article.html"))).toBe("html");
    expect(detectFormat(null, "\uFEFF  <p>One paragraph.</p>\n<p>Another.</p>")).toBe("html");
    expect(detectFormat("export", "<!-- saved -->\n<html><body>Text</body></html>")).toBe("html");
  });

  it("sniffs Markdown from at least two kinds of markup", () => {
    expect(detectFormat(null, fixture("essay.md"))).toBe("markdown");
    expect(detectFormat("notes.unknown", "## A heading\n\nSee [the guide](https://example.org).")).toBe("markdown");
  });

  it("takes anything else as plain text", () => {
    expect(detectFormat(null, "A letter.\n\nIt mentions <p> once and uses # as a number sign.")).toBe("text");
    expect(detectFormat(null, "Just prose, with a *single* star pair.")).toBe("text");
    expect(detectFormat("no-extension", "")).toBe("text");
  });
});

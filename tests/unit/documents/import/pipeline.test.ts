import { describe, expect, it } from "vitest";
import { buildReadingSource, decodeUpload, detectFormat, suggestMeta, toReadingBody } from "@/lib/documents/import";
import { parseDocument } from "@/lib/documents/parse";
import { fixture, fixtureBytes, paragraphsOf } from "./support";

/** What the upload form does: bytes → text → format → body and suggested fields → reading file. */
function importFile(name: string, bytes: Uint8Array) {
  const text = decodeUpload(bytes);
  const format = detectFormat(name, text);
  const { body, warnings } = toReadingBody(text, format);
  const suggested = suggestMeta(text, format);
  const source = buildReadingSource({ title: suggested.title ?? "Untitled", author: suggested.author ?? "Unknown", kind: "article", source: name }, body);
  return { format, warnings, suggested, source, parsed: parseDocument(source, name) };
}

describe("importing an upload from bytes to a reading", () => {
  it("imports the HTML article", () => {
    const { format, suggested, parsed } = importFile("article.html", fixtureBytes("article.html"));
    expect(format).toBe("html");
    expect(suggested).toEqual({ title: "The Margin as Workshop", author: "Ines Varga" });
    expect(parsed.meta).toMatchObject({ title: "The Margin as Workshop", author: "Ines Varga", kind: "article", source: "article.html" });
    expect(parsed.blocks.filter((block) => block.type === "note")).toHaveLength(2);
  });

  it("imports the Markdown essay", () => {
    const { format, suggested, parsed } = importFile("essay.md", fixtureBytes("essay.md"));
    expect(format).toBe("markdown");
    expect(suggested).toEqual({ title: "Reading in Company", author: "Tomás Ferreira" });
    expect(parsed.blocks[0]).toMatchObject({ type: "heading", level: 1 });
    expect(parsed.wordCount).toBeGreaterThan(80);
  });

  it("imports the text file with every word kept, its first line suggested as the title", () => {
    const { format, suggested, parsed } = importFile("notes.txt", fixtureBytes("notes.txt"));
    expect(format).toBe("text");
    expect(suggested).toEqual({ title: "Marginalia on a Reading List" });
    expect(parsed.text).toBe(paragraphsOf(fixture("notes.txt")));
  });

  it("imports the same reading saved as UTF-16 with a byte-order mark", () => {
    const text = fixture("essay.md");
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(importFile("essay.md", bytes).parsed.text).toBe(importFile("essay.md", fixtureBytes("essay.md")).parsed.text);
  });

  it("imports pasted text without a file name by sniffing its format", () => {
    const pasted = "<p>Pasted <b>from</b> a page.</p><p>Second paragraph.</p>";
    const format = detectFormat(null, pasted);
    expect(format).toBe("html");
    const source = buildReadingSource({ title: "Pasted", author: "Unknown", kind: "transcript" }, toReadingBody(pasted, format).body);
    expect(parseDocument(source, "pasted.md").text).toBe("Pasted from a page.\n\nSecond paragraph.");
  });
});

describe("suggestMeta for text", () => {
  it("takes a short first line as the title and a By line as the author", () => {
    expect(suggestMeta("\n\nOn Slowness\nby Ada Byron\n\nThe text begins.", "text")).toEqual({ title: "On Slowness", author: "Ada Byron" });
  });

  it("suggests nothing from a long first line", () => {
    expect(suggestMeta(`${"A very long opening sentence that goes on. ".repeat(5)}\n\nMore.`, "text")).toEqual({});
  });
});

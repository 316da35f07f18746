import { describe, expect, it } from "vitest";
import { readUpload, suggestMeta, toReadingBody, type ImportFormat } from "@/lib/documents/import";
import { fixture, importError } from "./support";

describe("readUpload: the body and the suggested title and author from one reading", () => {
  const samples: [string, ImportFormat][] = [
    ["article.html", "html"],
    ["essay.md", "markdown"],
    ["notes.txt", "text"],
  ];

  it.each(samples)("gives for %s what toReadingBody and suggestMeta give", (name, format) => {
    const text = fixture(name);
    expect(readUpload(text, format)).toEqual({ ...toReadingBody(text, format), suggested: suggestMeta(text, format) });
  });

  it("refuses what toReadingBody refuses", () => {
    importError(() => readUpload(" \n\t\n", "text"), "empty", /no text to import/);
    importError(() => readUpload("![only](an-image.png)\n\n---\n", "markdown"), "nothing_readable", /no readable words/);
  });

  it("guesses an author by a marked-up By line, and stays quick on a long run of spaces", () => {
    expect(suggestMeta("# On Margins\n\n*By Ines Varga*\n\nText.", "markdown")).toEqual({ title: "On Margins", author: "Ines Varga" });
    const started = performance.now();
    expect(suggestMeta(`# a${" ".repeat(50_000)}b`, "markdown")).toEqual({ title: `a${" ".repeat(50_000)}b`.replace(/\s+/g, " ").slice(0, 200) });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../../lib/documents/parse";
import { blockSchema, type Block, type BlockType, type ParsedDocument } from "../../../lib/documents/schema";
import { cleanReading, formatRecord } from "../../../scripts/clean-readings";
import { readings as rules } from "../../../scripts/reading-rules";
import { documentsDir, parseReading, readings, readMarkdown, readSource, type ReadingSlug } from "./readings";

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
const textOf = (block: Block) => block.inlines.map((inline) => (inline.type === "text" ? inline.text : "")).join("");
const calls = (doc: ParsedDocument) =>
  doc.blocks.flatMap((block) => block.inlines.flatMap((inline) => (inline.type === "noteCall" ? [inline] : [])));

/** Counted by reading each cleaned file against its source (see the report). */
const expected: Record<ReadingSlug, { counts: Partial<Record<BlockType, number>>; calls: string[]; notes: string[] }> = {
  "pochhammer-crossing-the-parallel": {
    counts: { heading: 9, paragraph: 39, blockquote: 1, caption: 1, bibliography: 27, note: 6 },
    calls: range(128, 133),
    notes: range(128, 133),
  },
  "book-excerpt-crossing-the-parallel": { counts: { paragraph: 30, caption: 2 }, calls: range(1, 54), notes: [] },
  "kim-origins-of-the-korean-war": {
    counts: { heading: 6, paragraph: 79, blockquote: 13, note: 116 },
    calls: range(1, 116),
    notes: range(1, 116),
  },
  "costa-who-wanted-war": {
    counts: { heading: 6, paragraph: 30, bibliography: 20, note: 40 },
    calls: range(1, 40),
    notes: range(1, 40),
  },
  "korean-war-podcast-episode-30": { counts: { paragraph: 31, blockquote: 1, note: 4 }, calls: range(1, 4), notes: range(1, 4) },
};

describe.each(readings)("reading $slug", ({ slug, source, order }) => {
  const doc = parseReading(slug);
  const want = expected[slug];

  it("has its front matter", () => {
    expect(doc.meta.source).toBe(source);
    expect(doc.meta.order).toBe(order);
    expect(doc.meta.titleSupplied).toBe(slug === "book-excerpt-crossing-the-parallel");
    expect(fs.existsSync(path.join(documentsDir, "sources", doc.meta.source))).toBe(true);
  });

  it("has the blocks counted by type", () => {
    const counts: Partial<Record<BlockType, number>> = {};
    for (const block of doc.blocks) counts[block.type] = (counts[block.type] ?? 0) + 1;
    expect(counts).toEqual(want.counts);
  });

  it("has its note calls and notes, every call resolving to its note", () => {
    expect(calls(doc).map((call) => call.label)).toEqual(want.calls);
    const notes = doc.blocks.filter((block) => block.type === "note");
    expect(notes.map((note) => note.label)).toEqual(want.notes);
    const noteIds = new Map(notes.map((note) => [note.label, note.id]));
    for (const call of calls(doc)) expect(call.noteId).toBe(notes.length ? noteIds.get(call.label) : null);
    // The notes come after the body.
    const firstNote = doc.blocks.findIndex((block) => block.type === "note");
    if (firstNote >= 0) expect(doc.blocks.slice(firstNote).every((block) => block.type === "note")).toBe(true);
  });

  it("has inlines that concatenate to the canonical slice, blocks that tile the text", () => {
    let offset = 0;
    for (const block of doc.blocks) {
      expect(blockSchema.parse(block)).toEqual(block);
      expect(block.start).toBe(offset);
      expect(textOf(block)).toBe(doc.text.slice(block.start, block.end));
      for (const inline of block.inlines) {
        if (inline.type === "text") expect(doc.text.slice(inline.start, inline.end)).toBe(inline.text);
      }
      expect(textOf(block)).not.toMatch(/^\s|\s$|\s\s|\n/);
      offset = block.end + 2;
    }
    expect(doc.text).toBe(doc.blocks.map(textOf).join("\n\n"));
    expect(doc.text).not.toMatch(/\[\^|<!--/);
  });

  it("has unique ids that a second parse gives again", () => {
    const ids = doc.blocks.map((block) => block.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(parseReading(slug).blocks.map((block) => block.id)).toEqual(ids);
  });

  it("keeps the ids of unchanged blocks when a paragraph is added", () => {
    const markdown = readMarkdown(slug);
    const [, frontMatter, body] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(markdown)!;
    const revised = parseDocument(`${frontMatter}\nAn editor's new opening paragraph.\n${body}`, `${slug}.md`);
    expect(revised.blocks.slice(1).map((block) => block.id)).toEqual(doc.blocks.map((block) => block.id));
  });

  it("has no empty block, no bare page number and no page-foot separator left", () => {
    for (const block of doc.blocks) {
      expect(textOf(block).length).toBeGreaterThan(0);
      expect(textOf(block)).not.toMatch(/^(\d{1,3}|-|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/);
    }
  });

  it("is what scripts/clean-readings.ts makes of the source", () => {
    const rule = rules.find((r) => r.slug === slug)!;
    const { markdown, record } = cleanReading(rule, readSource(source), order);
    expect(markdown).toBe(readMarkdown(slug));
    expect(formatRecord(record)).toBe(fs.readFileSync(path.join(documentsDir, `${slug}.removals.json`), "utf8"));
  });
});

describe("damage that must be gone", () => {
  it("000: the title is in the front matter, the page number 44 and the `-` lines are gone, cut sentences rejoined", () => {
    const doc = parseReading("pochhammer-crossing-the-parallel");
    expect(doc.meta.title).toBe(
      "Where US Omnipotence Fails: A Global IR-Perspective on the Agency in the Decision to Cross the 38th Parallel, September Until October 1950",
    );
    expect(doc.text).not.toMatch(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/);
    expect(doc.text).toContain("The decision to cross the 38th parallel was at the heart of Korean interests");
    expect(doc.text).toContain("However, a more in-depth look into the literature");
    expect(doc.text).toContain("must be situated in the context of the early Cold War");
    expect(doc.text).toContain("(Nerheim, 2000, pp. 19–20)");
    expect(doc.blocks.filter((b) => b.type === "caption").map(textOf)).toEqual([
      "Source: Map is drawn based on information provided by: (Appleman, 1992; Lee, 2015).",
    ]);
    expect(doc.blocks.filter((b) => b.type === "heading").map(textOf)).toEqual([
      "About the Author", "Introduction", "Context", "Literature Review", "Theoretical Framework",
      "Preferences & Experiences", "Diplomatic and Military Developments", "Conclusion", "Bibliography",
    ]);
    expect(textOf(doc.blocks.find((b) => b.label === "129")!)).toMatch(/^The moniker of a volunteer army/);
  });

  it("001: calls glued to punctuation are calls, years and numbers in prose are text", () => {
    const doc = parseReading("book-excerpt-crossing-the-parallel");
    expect(doc.meta.author).toBe("Unknown");
    expect(textOf(doc.blocks[0]).endsWith("The resolution passed on October 7.")).toBe(true);
    expect(doc.text).toContain("announced Rhee at a mass rally on September 19.");
    expect(doc.text).toContain("perhaps a third of the 90,000 North Korean troops");
    expect(doc.text).toContain("In 1592, the Japanese military ruler");
    const captions = doc.blocks.filter((b) => b.type === "caption").map(textOf);
    expect(captions).toHaveLength(2);
    for (const caption of captions) expect(caption.endsWith("(U.S. NATIONAL ARCHIVES AND RECORDS ADMINISTRATION)")).toBe(true);
  });

  it("002: page numbers, plain or superscripted, are gone; the one unexplained superscript stays", () => {
    const doc = parseReading("kim-origins-of-the-korean-war");
    expect([...doc.text.matchAll(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g)].map((m) => doc.text.slice(m.index - 11, m.index + 1))).toEqual(["Third image⁷"]);
    for (const fixed of [
      "the success of the rollback in Korea.\n\nI begin by discussing",
      "a neglected thread in unraveling",
      "promised to relay Kim's plan to Stalin.",
      "On August 5, 1949, a day after",
      "before a more opportune moment",
      "in the southwest would exert",
      "the origins of the Korean War.\n\nIn the face of Stalin's rollback",
      "additional reinforcements were requested",
      "“without dropping matches",
      "June 27, 1950, box 78",
    ]) {
      expect(doc.text).toContain(fixed);
    }
    expect(doc.blocks.find((b) => b.type === "heading" && textOf(b) === "Endnote")).toBeDefined();
  });

  it("003: no running header, no disclaimer; the byline stays", () => {
    const doc = parseReading("costa-who-wanted-war");
    expect(doc.text).not.toContain("Who wanted to go to war over Korea in 1950?");
    expect(doc.text).not.toContain("Written by Anna Costa");
    expect(doc.text).not.toContain("This PDF is auto-generated");
    expect(doc.text).not.toContain("e-ir.info");
    expect(doc.text).toContain("on the basis that such attack was 'impossible'");
    expect(doc.text).toContain("to try and control developments in the Far East");
    expect(textOf(doc.blocks.find((b) => b.label === "30")!)).toBe(
      "McGlothlen R., 'Acheson, Economics and the American Commitment in Korea, 1947-1950' in Pacific Historical Review, Vol.58, No.1 (Feb.1989), p.24 23-54",
    );
    expect(doc.text).toContain("Written by: Anna Costa\n\nWritten at: London School of Economics");
  });

  it("004: Word's footnote markup is gone and its notes are at the end", () => {
    const doc = parseReading("korean-war-podcast-episode-30");
    expect(doc.text).not.toMatch(/footnoteRef|\[\d+:/);
    expect(doc.blocks.filter((b) => b.type === "note").map(textOf)).toEqual([
      "Both cited in Richard C. Thornton, Odd Man Out, p. 229.",
      "Cited in Ibid, p. 230.",
      "Cited in Ibid, p. 230.",
      "Cited in Ibid, p. 235.",
    ]);
    expect(textOf(doc.blocks.find((b) => b.type === "blockquote")!)).toMatch(/^The command staff of the NKPA/);
  });
});

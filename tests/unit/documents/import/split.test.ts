import { describe, expect, it } from "vitest";
import { toReadingBody } from "@/lib/documents/import";
import { splitLongBlocks } from "@/lib/documents/import/split";
import { plainText, type ImportBlock } from "@/lib/documents/import/model";
import { parseBody } from "./support";

const sentence = "The reader pauses at the margin and writes a question for the seminar. ";

describe("splitLongBlocks", () => {
  it("splits a block over the limit at sentence ends, keeping every word in order", () => {
    const long = sentence.repeat(400).trim();
    const warnings: string[] = [];
    const blocks = splitLongBlocks([{ type: "paragraph", content: [{ type: "text", text: long }] }], warnings);
    expect(blocks.length).toBe(Math.ceil(long.length / 10_000));
    for (const block of blocks) {
      expect(plainText(block.content).length).toBeLessThanOrEqual(10_000);
      expect(plainText(block.content).trim().endsWith("seminar.")).toBe(true);
    }
    expect(blocks.map((block) => plainText(block.content).trim()).join(" ")).toBe(long);
    expect(warnings).toEqual(["A very long paragraph was split into parts of at most 10,000 characters."]);
  });

  it("keeps note calls and emphasis, and makes a long heading or note go on as paragraphs", () => {
    const blocks: ImportBlock[] = [
      { type: "heading", level: 2, content: [{ type: "text", text: "Word ".repeat(12) }] },
      {
        type: "note",
        label: "1",
        content: [
          { type: "text", text: "One two. " },
          { type: "call", label: "2", fallback: "[^2]" },
          { type: "emphasis", strong: false, children: [{ type: "text", text: "three four five" }] },
          { type: "text", text: " six seven eight nine." },
        ],
      },
    ];
    const split = splitLongBlocks(blocks, [], 20);
    expect(split.map((block) => [block.type, plainText(block.content)])).toEqual([
      ["paragraph", "Word Word Word Word "],
      ["paragraph", "Word Word Word Word "],
      ["paragraph", "Word Word Word Word "],
      ["note", "One two. "],
      ["paragraph", "three four five six "],
      ["paragraph", "seven eight nine."],
    ]);
    expect(split[3].content).toContainEqual({ type: "call", label: "2", fallback: "[^2]" });
    expect(split[4].content[0]).toEqual({ type: "emphasis", strong: false, children: [{ type: "text", text: "three four five" }] });
  });

  it("leaves blocks within the limit alone, without a warning", () => {
    const warnings: string[] = [];
    const blocks: ImportBlock[] = [{ type: "paragraph", content: [{ type: "text", text: sentence }] }];
    expect(splitLongBlocks(blocks, warnings)).toEqual(blocks);
    expect(warnings).toEqual([]);
  });
});

describe("toReadingBody: long texts", () => {
  it("splits a very long paragraph so the reading stays quick to parse and annotate", () => {
    const text = sentence.repeat(3000);
    const { body, warnings } = toReadingBody(text, "text");
    const parsed = parseBody(body);
    expect(parsed.blocks.length).toBeGreaterThan(20);
    expect(parsed.text.replace(/\n\n/g, " ")).toBe(text.trim());
    expect(warnings).toEqual(["A very long paragraph was split into parts of at most 10,000 characters."]);
  });

  it("makes each line a paragraph when a text file has no blank lines and long lines", () => {
    const text = `A Title\n${sentence.repeat(4)}\n${sentence.repeat(5)}\n`;
    const { body, warnings } = toReadingBody(text, "text");
    expect(parseBody(body).blocks.map((block) => block.end - block.start)).toEqual([7, sentence.length * 4 - 1, sentence.length * 5 - 1]);
    expect(warnings).toEqual(["The file has no blank lines between paragraphs, so each line became a paragraph."]);
  });

  it("keeps short lines without blank lines (a poem) one paragraph", () => {
    const { body, warnings } = toReadingBody("Whose woods these are\nI think I know.\n", "text");
    expect(parseBody(body).text).toBe("Whose woods these are I think I know.");
    expect(warnings).toEqual([]);
  });
});

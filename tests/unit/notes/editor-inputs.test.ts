import { describe, expect, it } from "vitest";
import { addTag, normalizeHref } from "@/app/read/[slug]/notes/editor-input";
import { newNoteInput, noteUpdateInput } from "@/app/read/[slug]/notes/note-inputs";
import { createNoteInput, updateNoteInput, MAX_TAGS } from "@/lib/annotations/schema";
import type { Selector } from "@/lib/anchoring/types";

describe("addTag", () => {
  const cases: [string, string[], string, string[], string | null][] = [
    ["adds a trimmed tag", [], "  cold war ", ["cold war"], null],
    ["collapses inner spaces", [], "cold   war", ["cold war"], null],
    ["ignores a blank", ["a"], "   ", ["a"], null],
    ["ignores a duplicate in any case", ["Stalin"], "stalin", ["Stalin"], null],
    ["refuses more than 40 characters", [], "x".repeat(41), [], "A tag can have at most 40 characters."],
    ["takes exactly 40", [], "x".repeat(40), ["x".repeat(40)], null],
  ];
  for (const [name, tags, raw, expected, error] of cases) {
    it(name, () => expect(addTag(tags, raw)).toEqual({ tags: expected, error }));
  }
  it("refuses a tag past the limit", () => {
    const full = Array.from({ length: MAX_TAGS }, (_, i) => `t${i}`);
    expect(addTag(full, "one more")).toEqual({ tags: full, error: `A note can have at most ${MAX_TAGS} tags.` });
  });
});

describe("normalizeHref", () => {
  const cases: [string, string | null][] = [
    ["https://example.org/a?b#c", "https://example.org/a?b#c"],
    ["  http://example.org ", "http://example.org"],
    ["MAILTO:a@b.org", "MAILTO:a@b.org"],
    ["example.org/path", "https://example.org/path"],
    ["a@b.org", "mailto:a@b.org"],
    ["", ""],
    ["javascript:alert(1)", null],
    ["java\tscript:alert(1)", null],
    ["data:text/html,x", null],
    ["just words", null],
    ["/relative", null],
  ];
  for (const [raw, expected] of cases) it(JSON.stringify(raw), () => expect(normalizeHref(raw)).toBe(expected));
});

describe("what the editor sends", () => {
  const selectors: Selector[] = [
    { type: "TextQuoteSelector", exact: "war", prefix: "the ", suffix: " began" },
    { type: "TextPositionSelector", start: 4, end: 7 },
  ];
  const json = { type: "doc" as const, content: [{ type: "paragraph", content: [{ type: "text", text: "Hi" }] }] };

  it("a new note with a body is a comment the contract accepts", () => {
    const input = newNoteInput({ versionId: "v1", selectors }, { body: { json }, tags: ["a"], visibility: "private" });
    expect(input).toMatchObject({ motivation: "commenting", body: { json }, tags: ["a"], visibility: "private" });
    expect(createNoteInput.safeParse(input).success).toBe(true);
  });
  it("a new note without a body is a highlight the contract accepts", () => {
    const input = newNoteInput({ versionId: "v1", selectors }, { body: null, tags: [], visibility: "seminar" });
    expect(input.motivation).toBe("highlighting");
    expect("body" in input).toBe(false);
    expect(createNoteInput.safeParse(input).success).toBe(true);
  });
  it("an edit carries the revision it started from", () => {
    const comment = noteUpdateInput({ body: { json }, tags: [], visibility: "seminar" }, 3);
    expect(comment).toEqual({ revision: 3, motivation: "commenting", body: { json }, tags: [], visibility: "seminar" });
    expect(updateNoteInput.safeParse(comment).success).toBe(true);
    const highlight = noteUpdateInput({ body: null, tags: ["x"], visibility: "private" }, 2);
    expect(highlight).toEqual({ revision: 2, motivation: "highlighting", tags: ["x"], visibility: "private" });
    expect(updateNoteInput.safeParse(highlight).success).toBe(true);
  });
});

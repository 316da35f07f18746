import { describe, expect, it } from "vitest";
import { excerptOf, listSelectors, listedNote, summaryFor } from "@/lib/annotations/list-view";
import type { NoteListRow } from "@/lib/annotations/list-query";
import { EXCERPT_CHARS } from "@/lib/annotations/schema";

const row = (extra: Partial<NoteListRow> = {}): NoteListRow => ({
  id: "n1", authorId: "author", authorName: "Ada", authorRole: "student", versionId: "v1",
  selectors: JSON.stringify([{ type: "TextQuoteSelector", exact: "the parallel", prefix: "crossed ", suffix: " in" }, { type: "TextPositionSelector", start: 40, end: 52 }]),
  originalSelectors: null, anchorStatus: "anchored", motivation: "commenting", tags: '["Stalin"]', visibility: "seminar",
  hidden: false, deletedAt: null, revision: 1, createdAt: new Date("2025-01-01T00:00:00Z"), bodyStart: "A body.", openReplies: 2,
  ...extra,
});
const context = { seminarId: "s", readingSlug: "r", currentVersionId: "v1" };
const student = (userId: string) => ({ userId, role: "student" as const });
const instructor = { userId: "teacher", role: "instructor" as const };
const hidden = [{ noteId: "n1", authorId: "reader", count: 1 }, { noteId: "n1", authorId: "other", count: 2 }];

describe("excerptOf", () => {
  it("keeps a short text whole, white space flattened", () => expect(excerptOf("  One\n\ntwo  three ")).toBe("One two three"));
  it("cuts a long text after a word, with an ellipsis", () => {
    const excerpt = excerptOf(`${"word ".repeat(30)}end`);
    expect(excerpt).toMatch(/^(word )+word…$/);
    expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_CHARS + 1);
    expect(excerpt.length).toBeGreaterThan(EXCERPT_CHARS - 5);
  });
  it("cuts a text without spaces at the limit, never inside a surrogate pair", () => {
    expect(excerptOf("x".repeat(200))).toBe(`${"x".repeat(EXCERPT_CHARS)}…`);
    const astral = `${"x".repeat(EXCERPT_CHARS - 1)}😀😀`;
    expect(excerptOf(astral)).toBe(`${"x".repeat(EXCERPT_CHARS - 1)}…`);
  });
  it("reads no further than the characters the listing loads", () => {
    const text = `${"word ".repeat(30)}end`;
    expect(excerptOf(text.slice(0, EXCERPT_CHARS + 1))).toBe(excerptOf(text));
  });
});

describe("listSelectors", () => {
  const selectors = JSON.parse(row().selectors);
  it("drops the quote's context on the current version", () => {
    expect(listSelectors(selectors, true)).toEqual([{ type: "TextQuoteSelector", exact: "the parallel" }, selectors[1]]);
  });
  it("keeps it for a note still on another version", () => expect(listSelectors(selectors, false)).toBe(selectors));
});

describe("summaryFor", () => {
  it("shows a seminar note to every member, counting the replies each may read", () => {
    const note = listedNote(row(), hidden, context);
    expect(summaryFor(note, student("reader"))).toMatchObject({ id: "n1", replyCount: 3, excerpt: "A body.", tags: ["Stalin"] });
    expect(summaryFor(note, student("stranger"))?.replyCount).toBe(2);
    expect(summaryFor(note, instructor)?.replyCount).toBe(5);
  });
  it("hands every viewer without hidden replies of theirs the same shared summary", () => {
    const note = listedNote(row(), hidden, context);
    expect(summaryFor(note, student("stranger"))).toBe(summaryFor(note, student("someone")));
    expect(summaryFor(note, student("reader"))).not.toBe(note.summary);
  });
  it("shows a private note to its author only, not even to an instructor", () => {
    const note = listedNote(row({ visibility: "private" }), [], context);
    expect(summaryFor(note, student("author"))).not.toBeNull();
    expect(summaryFor(note, student("reader"))).toBeNull();
    expect(summaryFor(note, instructor)).toBeNull();
  });
  it("shows a hidden note to its author and instructors", () => {
    const note = listedNote(row({ hidden: true }), [], context);
    expect(summaryFor(note, student("reader"))).toBeNull();
    expect(summaryFor(note, student("author"))?.hidden).toBe(true);
    expect(summaryFor(note, instructor)).not.toBeNull();
  });
  it("keeps a deleted note as a placeholder only for those who can read a reply under it", () => {
    const note = listedNote(row({ deletedAt: new Date(), openReplies: 0, bodyStart: null }), [{ noteId: "n1", authorId: "reader", count: 1 }], context);
    expect(summaryFor(note, student("reader"))).toMatchObject({ deleted: true, author: null, excerpt: null, tags: [], replyCount: 1 });
    expect(summaryFor(note, student("stranger"))).toBeNull();
  });
  it("keeps the original selectors of an orphan, and places it last", () => {
    const note = listedNote(row({ anchorStatus: "orphaned", originalSelectors: row().selectors }), [], context);
    expect(note.position).toBe(Number.POSITIVE_INFINITY);
    expect(summaryFor(note, student("reader"))?.originalSelectors).toHaveLength(2);
  });
});

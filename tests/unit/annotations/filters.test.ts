import { describe, expect, it } from "vitest";
import { filterNotes, normalizeTags, sortNotes, type NoteFilter } from "@/lib/annotations/filters";
import type { NoteView } from "@/lib/annotations/schema";

function n(id: string, start: number, extra: Partial<NoteView> = {}): NoteView {
  return {
    id, seminarId: "s", readingSlug: "r", versionId: "v", originalVersionId: "v",
    selectors: [{ type: "TextQuoteSelector", exact: `quote ${id}` }, { type: "TextPositionSelector", start, end: start + 5 }],
    originalSelectors: [], anchorStatus: "anchored", quote: `quote ${id}`, motivation: "commenting",
    body: { json: null, html: "", text: `body of ${id}` }, tags: [], visibility: "seminar", hidden: false, deleted: false,
    author: { id: "u1", name: "Ada", role: "student" }, revision: 1,
    createdAt: new Date(Date.UTC(2025, 0, 1) + start * 1000).toISOString(), updatedAt: "",
    permissions: { edit: false, delete: false, hide: false, reply: false }, replyCount: 0, replies: [],
    ...extra,
  };
}

const notes = [
  n("a", 30, { tags: ["Stalin", "USSR"] }),
  n("b", 10, { author: { id: "u2", name: "Bo Instructor", role: "instructor" }, motivation: "highlighting", body: null }),
  n("c", 20, { tags: ["stalin"], body: { json: null, html: "", text: "The wedge strategy" } }),
  n("d", 5, { deleted: true, author: null, body: null, quote: "deleted quote" }),
  n("e", 1, { anchorStatus: "orphaned" }),
];

const cases: [string, NoteFilter, string[]][] = [
  ["no filter", {}, ["a", "b", "c", "d", "e"]],
  ["tag, any case", { tag: "STALIN" }, ["a", "c"]],
  ["tag not present", { tag: "mao" }, []],
  ["author", { authorId: "u2" }, ["b"]],
  ["mine", { mineOf: "u1" }, ["a", "c", "e"]],
  ["motivation", { motivation: "highlighting" }, ["b"]],
  ["motivation excludes placeholders", { motivation: "commenting" }, ["a", "c", "e"]],
  ["words in body", { q: "wedge" }, ["c"]],
  ["words must all match", { q: "wedge missing" }, []],
  ["words in tags", { q: "ussr" }, ["a"]],
  ["words in author name", { q: "bo instructor" }, ["b"]],
  ["words in quote, placeholders included", { q: "deleted" }, ["d"]],
  ["combined", { tag: "stalin", q: "wedge" }, ["c"]],
  ["blank q is no filter", { q: "   " }, ["a", "b", "c", "d", "e"]],
];

describe("filterNotes", () => {
  for (const [name, filter, expected] of cases) {
    it(name, () => expect(filterNotes(notes, filter).map((x) => x.id)).toEqual(expected));
  }
});

describe("sortNotes", () => {
  const sorts: [string, "position" | "newest" | "oldest", string[]][] = [
    ["by position, orphans last", "position", ["d", "b", "c", "a", "e"]],
    ["newest first", "newest", ["a", "c", "b", "d", "e"]],
    ["oldest first", "oldest", ["e", "d", "b", "c", "a"]],
  ];
  for (const [name, order, expected] of sorts) {
    it(name, () => expect(sortNotes(notes, order).map((x) => x.id)).toEqual(expected));
  }
  it("does not mutate its input, and breaks ties by time then id", () => {
    const copy = [...notes];
    sortNotes(notes, "position");
    expect(notes).toEqual(copy);
    const same = [n("y", 7), n("x", 7)];
    expect(sortNotes(same, "position").map((x) => x.id)).toEqual(["x", "y"]);
  });
});

describe("normalizeTags", () => {
  const table: [string[], string[]][] = [
    [[], []],
    [["  a  "], ["a"]],
    [["UN", "un", "Un "], ["UN"]],
    [["two  words"], ["two words"]],
    [["", " "], []],
  ];
  for (const [input, expected] of table) it(JSON.stringify(input), () => expect(normalizeTags(input)).toEqual(expected));
});

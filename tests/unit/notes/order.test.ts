import { describe, expect, it } from "vitest";
import {
  CARDS_PER_PAGE,
  NO_FILTER,
  applyPanelFilter,
  authorOptions,
  cardsToFill,
  countLabel,
  firstCards,
  isFiltering,
  originalQuote,
  placeNotes,
  placeOf,
  tagOptions,
  type NoteSpan,
  type PanelFilter,
} from "@/app/read/[slug]/notes/order";
import { makeNote } from "./make-note";

const ids = (notes: { id: string }[]) => notes.map((n) => n.id);

describe("placeOf", () => {
  const note = makeNote("a", 40);
  const cases: [string, Record<string, NoteSpan>, number | null][] = [
    ["the span the reader found", { a: { start: 7, end: 9 } }, 7],
    ["null: not found in the text", { a: null }, null],
    ["absent: the stored position (a note just saved)", {}, 40],
  ];
  for (const [name, spans, expected] of cases) it(name, () => expect(placeOf(note, spans)).toBe(expected));

  it("absent and without a stored position: not found", () => {
    expect(placeOf(makeNote("b", 0, { selectors: [{ type: "TextQuoteSelector", exact: "x" }] }), {})).toBeNull();
  });
});

describe("placeNotes", () => {
  // Stored positions deliberately disagree with the spans: the spans (current text) win.
  const notes = [
    makeNote("late", 1),
    makeNote("early", 2),
    makeNote("lost-new", 4),
    makeNote("tie-new", 9),
    makeNote("tie-old", 8),
    makeNote("lost-old", 3),
    makeNote("unanchored", 50),
  ];
  const spans: Record<string, NoteSpan> = {
    late: { start: 500, end: 510 },
    early: { start: 10, end: 20 },
    "lost-new": null,
    "tie-new": { start: 100, end: 120 },
    "tie-old": { start: 100, end: 105 },
    "lost-old": null,
  };
  const placed = placeNotes(notes, spans);

  it("orders found notes by span start, ties by creation time", () => {
    expect(ids(placed.found)).toEqual(["early", "unanchored", "tie-old", "tie-new", "late"]);
  });
  it("lists notes whose passage is lost apart, oldest first, never dropping one", () => {
    expect(ids(placed.notFound)).toEqual(["lost-old", "lost-new"]);
    expect(placed.found.length + placed.notFound.length).toBe(notes.length);
  });
  it("breaks a full tie by id and leaves its input alone", () => {
    const twins = [makeNote("b", 5), makeNote("a", 5)];
    expect(ids(placeNotes(twins, {}).found)).toEqual(["a", "b"]);
    expect(ids(twins)).toEqual(["b", "a"]);
  });
  it("handles an empty list", () => expect(placeNotes([], {})).toEqual({ found: [], notFound: [] }));
});

describe("originalQuote", () => {
  it("is the quote the note was made on", () => expect(originalQuote(makeNote("a", 1))).toBe("original a"));
  it("falls back to the current quote", () => expect(originalQuote(makeNote("a", 1, { originalSelectors: [] }))).toBe("quote a"));
});

describe("filters and counts", () => {
  const notes = [
    makeNote("mine", 1, { tags: ["Stalin", "USSR"] }),
    makeNote("theirs", 2, { author: { id: "u2", name: "Bo", role: "instructor" }, tags: ["stalin"] }),
    makeNote("other", 3, { author: { id: "u3", name: "cy", role: "student" } }),
    makeNote("gone", 4, { deleted: true, author: null, body: null, tags: [] }),
  ];
  const cases: [string, PanelFilter, string[]][] = [
    ["no filter", NO_FILTER, ["mine", "theirs", "other", "gone"]],
    ["mine", { ...NO_FILTER, scope: "mine" }, ["mine"]],
    ["by author", { ...NO_FILTER, authorId: "u2" }, ["theirs"]],
    ["by tag, any case", { ...NO_FILTER, tag: "STALIN" }, ["mine", "theirs"]],
    ["mine and a tag only others use", { scope: "mine", authorId: "", tag: "USSR" }, ["mine"]],
    ["combined to nothing", { scope: "mine", authorId: "u2", tag: "" }, []],
  ];
  for (const [name, filter, expected] of cases) {
    it(name, () => expect(ids(applyPanelFilter(notes, filter, "u1"))).toEqual(expected));
  }

  it("knows when it filters", () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(isFiltering({ ...NO_FILTER, scope: "mine" })).toBe(true);
    expect(isFiltering({ ...NO_FILTER, tag: "x" })).toBe(true);
    expect(isFiltering({ ...NO_FILTER, authorId: "u2" })).toBe(true);
  });

  it("lists authors by name with counts, skipping placeholders", () => {
    expect(authorOptions([...notes, makeNote("again", 5)])).toEqual([
      { id: "u1", name: "Ada", count: 2 },
      { id: "u2", name: "Bo", count: 1 },
      { id: "u3", name: "cy", count: 1 },
    ]);
  });

  it("lists tags once in any case, first spelling kept, with counts", () => {
    expect(tagOptions(notes)).toEqual([
      { tag: "Stalin", count: 2 },
      { tag: "USSR", count: 1 },
    ]);
    expect(tagOptions([makeNote("x", 1, { tags: ["a", "A"] })])).toEqual([{ tag: "a", count: 1 }]);
  });

  const labels: [number, number, boolean, string][] = [
    [0, 0, false, "0 notes"],
    [1, 1, false, "1 note"],
    [12, 12, false, "12 notes"],
    [12, 3, true, "12 notes · 3 shown"],
    [1, 0, true, "1 note · 0 shown"],
  ];
  for (const [total, shown, filtering, expected] of labels) {
    it(`count label "${expected}"`, () => expect(countLabel(total, shown, filtering)).toBe(expected));
  }
});

describe("the cards whose bodies are needed", () => {
  const found = Array.from({ length: CARDS_PER_PAGE * 3 }, (_, i) => makeNote(`f${i}`, i));
  const placed = { found, notFound: [makeNote("lost", 0)] };
  it("first: a page of those found and every one not found", () => {
    expect(ids(firstCards(placed))).toEqual([...ids(found.slice(0, CARDS_PER_PAGE)), "lost"]);
  });
  it("as the reader scrolls: those rendered and the next page", () => {
    expect(ids(cardsToFill(placed, CARDS_PER_PAGE))).toEqual([...ids(found.slice(0, 2 * CARDS_PER_PAGE)), "lost"]);
    expect(cardsToFill(placed, 10 * CARDS_PER_PAGE)).toHaveLength(found.length + 1);
  });
});

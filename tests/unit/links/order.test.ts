import { describe, expect, it } from "vitest";
import { endStart, linksBetween, neighbours, orient } from "@/lib/links/order";
import type { LinkEndView } from "@/lib/links/schema";

const end = (readingSlug: string, start: number | null, stored = 0): LinkEndView => ({
  side: "a",
  readingSlug,
  readingTitle: readingSlug,
  versionId: "v",
  originalVersionId: "v",
  selectors: [{ type: "TextPositionSelector", start: stored, end: stored + 1 }],
  originalSelectors: [],
  anchorStatus: start === null ? "orphaned" : "anchored",
  quote: "q",
  current: start === null ? null : { versionId: "v", start, end: start + 5 },
});
const link = (id: string, a: LinkEndView, b: LinkEndView) => ({ id, ends: [a, b] as [LinkEndView, LinkEndView] });

describe("endStart", () => {
  it("is the current start, else the stored position, else +∞", () => {
    expect(endStart(end("x", 40))).toBe(40);
    expect(endStart(end("x", null, 7))).toBe(7);
    expect(endStart({ current: null, selectors: [] })).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("orient and linksBetween", () => {
  const links = [
    link("1", end("A", 50), end("B", 10)),
    link("2", end("B", 5), end("A", 20)), // the other way round
    link("3", end("A", 50), end("B", 2)), // same left place as 1, earlier on the right
    link("4", end("A", 1), end("C", 1)), // another pair of readings
    link("5", end("A", 3), end("A", 90)), // within A
  ];
  it("puts the end in the left reading on the left", () => {
    expect(orient(links[1], "A")!.left.readingSlug).toBe("A");
    expect(orient(links[1], "C")).toBeNull();
  });
  it("lists the links between two readings in document order, either way round", () => {
    expect(linksBetween(links, "A", "B").map((o) => o.link.id)).toEqual(["2", "3", "1"]);
    expect(linksBetween(links, "B", "A").map((o) => o.link.id)).toEqual(["3", "2", "1"]);
    expect(linksBetween(links, "A", "A").map((o) => o.link.id)).toEqual(["5"]);
  });
  it("finds the previous and next link", () => {
    const ordered = linksBetween(links, "A", "B");
    expect(neighbours(ordered, "3")).toMatchObject({ index: 1, previous: { link: { id: "2" } }, next: { link: { id: "1" } } });
    expect(neighbours(ordered, "2")).toMatchObject({ index: 0, previous: null });
    expect(neighbours(ordered, "nope")).toEqual({ previous: null, next: null, index: -1 });
  });
});

import { describe, expect, it } from "vitest";
import { groupConnections, stackMarkers } from "@/app/read/[slug]/links/group";
import type { ReaderLinkEnd } from "@/app/read/[slug]/links/types";
import type { LinkEndView, Relation } from "@/lib/links/schema";

const endView = (readingSlug: string, readingTitle: string, quote: string): LinkEndView => ({
  side: "b",
  readingSlug,
  readingTitle,
  versionId: "v",
  originalVersionId: "v",
  selectors: [],
  originalSelectors: [],
  anchorStatus: "anchored",
  quote,
  current: null,
});

let n = 0;
function entry(relation: Relation, otherSlug: string, otherTitle: string): ReaderLinkEnd {
  const id = `l${++n}`;
  return {
    key: `${id}:a`,
    linkId: id,
    relation,
    side: "a",
    span: { start: n * 10, end: n * 10 + 5 },
    here: endView("here", "Here", "q"),
    other: endView(otherSlug, otherTitle, `quote ${id}`),
    author: null,
    visibility: "seminar",
    hidden: false,
    replyCount: 0,
    href: `/compare?link=${id}`,
  };
}

describe("groupConnections", () => {
  it("groups by the other reading (this reading first, then by title) and by relation in relation order, with counts", () => {
    const ends = [
      entry("cites", "b", "Beta"),
      entry("parallel", "a", "Alpha"),
      entry("parallel", "b", "Beta"),
      entry("quotes", "here", "Here"),
      entry("parallel", "b", "Beta"),
    ];
    const groups = groupConnections(ends, "here");
    expect(groups.map((g) => [g.readingSlug, g.within, g.count])).toEqual([
      ["here", true, 1],
      ["a", false, 1],
      ["b", false, 3],
    ]);
    const beta = groups[2];
    expect(beta.relations.map((r) => [r.relation, r.entries.map((e) => e.linkId)])).toEqual([
      ["parallel", [ends[2].linkId, ends[4].linkId]],
      ["cites", [ends[0].linkId]],
    ]);
  });
  it("is empty for no links", () => {
    expect(groupConnections([], "here")).toEqual([]);
  });
});

describe("stackMarkers", () => {
  it("puts markers of one line side by side, in input order, and starts each line at slot 0", () => {
    const slots = stackMarkers([
      { key: "a", top: 100 },
      { key: "b", top: 104 },
      { key: "c", top: 300 },
      { key: "d", top: 99 },
      { key: "e", top: 120 },
    ]);
    expect(Object.fromEntries(slots)).toEqual({ a: 0, b: 1, d: 2, c: 0, e: 0 });
  });
});

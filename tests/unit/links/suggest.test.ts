/**
 * suggestParallels on small crafted texts: two accounts of an invented harbour crisis, one
 * with author–date citations and one with numbered notes, plus unrelated texts and a raw,
 * hard-wrapped copy. Nothing here comes from the shipped readings.
 */
import { describe, expect, it } from "vitest";
import { suggestParallels, SUGGESTION_THRESHOLD, type ParallelSuggestion } from "@/lib/links/suggest";

const ARTICLE = [
  "The Valdmora Crisis Reconsidered",
  "",
  "The crisis began when Governor Aldric Penhale closed the harbour of Valdmora to foreign shipping on 14 March 1842. Merchants from the southern provinces protested at once, and the town council met in emergency session. Penhale defended the closure as a temporary measure against smugglers.",
  "",
  "Most historians agree that the closure was a miscalculation. The admiral of the northern squadron, Sigrun Ostrava, warned the governor that \"a port without ships is a fortress without bread\" and urged him to reopen it. Her warning went unheeded for three weeks.",
  "",
  "Grain prices in the coastal towns doubled during the following winter (Moberg, 1987, p. 12). Bakers in Tarnholm rationed flour to two loaves a family.",
  "",
  "The Treaty of Kessel, signed on 2 May 1842, ended the blockade. It gave the merchants a share of the customs revenue and restored free passage through the straits.",
].join("\n");

const BOOK = [
  "In the spring of 1842 the harbour at Valdmora fell silent. On March 14 the governor, Aldric Penhale, ordered every foreign vessel out of the port, and the guild of merchants sent a delegation to protest.",
  "",
  "Admiral Ostrava, who commanded the squadron in the north, told Penhale bluntly that a port without ships is a fortress without bread. The governor did not listen.",
  "",
  "Hunger followed the closure into the countryside.¹ Families queued outside the mills of Tarnholm long before dawn.",
  "",
  "The blockade ended with the Treaty of Kessel on May 2, which granted the merchants part of the customs revenue and reopened the straits to traffic.",
  "",
  "Notes",
  "",
  "¹ Karl Moberg, Famine and Trade in the Northern Ports (Uppsala: Fyris Press, 1987), p. 15.",
].join("\n");

const BREAD = [
  "Sourdough bread rises slowly because wild yeast works at its own pace. A baker feeds the starter with flour and water every morning and keeps it in a warm corner of the kitchen.",
  "",
  "Good loaves need a long proof in a cool room, followed by a very hot oven. Steam in the first minutes lets the crust expand before it sets. Many bakers score the dough with a razor just before baking.",
].join("\n");

const VOLCANOES = [
  "Volcanoes form where magma reaches the surface through cracks in the crust. Most of them lie along the edges of tectonic plates, where one plate slides beneath another.",
  "",
  "Eruptions can be gentle flows of lava or violent explosions of ash. Geologists measure small earthquakes and the swelling of the ground to forecast them.",
].join("\n");

const slice = (docs: { id: string; text: string }[], ref: { doc: string; start: number; end: number }) =>
  docs.find((d) => d.id === ref.doc)!.text.slice(ref.start, ref.end);

/** The suggestion whose two sides contain the two snippets (whitespace-insensitive), if any. */
function findPair(docs: { id: string; text: string }[], found: ParallelSuggestion[], one: string, other: string) {
  const norm = (s: string) => s.replace(/\s+/g, " ");
  return found.find((s) => {
    const [x, y] = [norm(slice(docs, s.a)), norm(slice(docs, s.b))];
    return (x.includes(one) && y.includes(other)) || (x.includes(other) && y.includes(one));
  });
}

describe("suggestParallels", () => {
  const docs = [
    { id: "article", text: ARTICLE },
    { id: "book", text: BOOK },
  ];
  const found = suggestParallels(docs);

  it("finds a shared quotation and says so", () => {
    const pair = findPair(docs, found, "a port without ships is a fortress without bread", "a port without ships is a fortress without bread");
    expect(pair).toBeDefined();
    expect(pair!.why.some((w) => w.startsWith("shared phrase:") && w.includes("port without ships is a fortress without bread"))).toBe(true);
  });

  it("finds the same cited work in author–date and numbered-note styles", () => {
    const pair = findPair(docs, found, "(Moberg, 1987, p. 12)", "Hunger followed the closure");
    expect(pair).toBeDefined();
    expect(pair!.why).toContain("cites: Moberg 1987");
  });

  it.each([
    ["the closure on 14 March", "closed the harbour of Valdmora", "On March 14 the governor", "date: 14 March 1842"],
    ["the treaty on 2 May", "The Treaty of Kessel, signed on 2 May 1842", "Treaty of Kessel on May 2", "date: 2 May 1842"],
  ])("finds %s and lists the shared date", (_label, one, other, why) => {
    const pair = findPair(docs, found, one, other);
    expect(pair).toBeDefined();
    expect(pair!.why).toContain(why);
  });

  it("names the shared people and places", () => {
    const pair = findPair(docs, found, "Governor Aldric Penhale closed", "Aldric Penhale, ordered");
    expect(pair!.why.find((w) => w.startsWith("names:"))).toMatch(/Penhale/);
  });

  it("returns offsets into each document's own text, best first, within the limits", () => {
    expect(found.length).toBeGreaterThan(0);
    for (const s of found) {
      expect(s.a.doc).not.toBe(s.b.doc);
      for (const ref of [s.a, s.b]) {
        const text = docs.find((d) => d.id === ref.doc)!.text;
        expect(ref.start).toBeGreaterThanOrEqual(0);
        expect(ref.end).toBeLessThanOrEqual(text.length);
        expect(ref.end - ref.start).toBeLessThanOrEqual(1_500);
        expect(text.slice(ref.start, ref.end).trim()).toBe(text.slice(ref.start, ref.end)); // no ragged edges
      }
      expect(s.score).toBeGreaterThanOrEqual(SUGGESTION_THRESHOLD);
      expect(s.why.length).toBeGreaterThan(0);
    }
    expect(found.map((s) => s.score)).toEqual([...found.map((s) => s.score)].sort((x, y) => y - x));
    expect(suggestParallels(docs, { limit: 1 })).toHaveLength(1);
  });

  it("gives nothing above the threshold for unrelated texts", () => {
    expect(suggestParallels([{ id: "bread", text: BREAD }, { id: "volcanoes", text: VOLCANOES }])).toEqual([]);
    const mixed = suggestParallels([...docs, { id: "bread", text: BREAD }, { id: "volcanoes", text: VOLCANOES }]);
    expect(mixed.filter((s) => ["bread", "volcanoes"].includes(s.a.doc) || ["bread", "volcanoes"].includes(s.b.doc))).toEqual([]);
  });

  it("needs two texts", () => {
    expect(suggestParallels([])).toEqual([]);
    expect(suggestParallels([{ id: "article", text: ARTICLE }])).toEqual([]);
  });

  it("works on raw text with hard line breaks, page numbers and running headers", () => {
    const wrap = (text: string) =>
      text
        .split("\n")
        .map((para) => para.replace(/(.{1,62})(\s+|$)/g, "$1\n").trimEnd())
        .join("\n\n");
    const header = "Northern Studies 12 (2)";
    const lines = wrap(ARTICLE).split("\n");
    const raw = [header, "", ...lines.slice(0, 8), "", "37", "", header, "", ...lines.slice(8), "", header].join("\n");
    const rawDocs = [
      { id: "article", text: raw },
      { id: "book", text: wrap(BOOK) },
    ];
    const rawFound = suggestParallels(rawDocs);
    const quote = findPair(rawDocs, rawFound, "a port without ships is a fortress without bread", "a port without ships is a fortress without bread");
    expect(quote).toBeDefined();
    expect(findPair(rawDocs, rawFound, "Treaty of Kessel, signed on 2 May 1842", "Treaty of Kessel on May 2")).toBeDefined();
    for (const s of rawFound) expect(slice(rawDocs, s.a)).not.toContain(header);
  });
});

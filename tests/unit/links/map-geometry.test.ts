import { describe, expect, it } from "vitest";
import { curveFor, filterItems, GEOMETRY, geometryFor, layoutColumns, MAX_COLUMN, MIN_COLUMN, placeOnBar, readingOrder, type MapReading } from "@/app/seminars/[id]/map/geometry";

const readings: MapReading[] = [
  { slug: "000", title: "First", length: 1000 },
  { slug: "001", title: "Second", length: 500 },
  { slug: "002", title: "Third", length: 10 },
];

describe("layoutColumns", () => {
  it("spaces columns evenly and scales bars to the readings' lengths (with a minimum)", () => {
    const { columns, width, height } = layoutColumns(readings);
    expect(columns.map((c) => c.x)).toEqual([115, 345, 575]);
    expect(columns.map((c) => c.height)).toEqual([560, 280, GEOMETRY.minBarHeight]);
    expect(width).toBe(690);
    expect(height).toBe(GEOMETRY.top + GEOMETRY.barHeight + GEOMETRY.bottom);
  });
  it("copes with no readings and with empty ones", () => {
    expect(layoutColumns([]).columns).toEqual([]);
    expect(layoutColumns([{ slug: "x", title: "x", length: 0 }]).columns[0].height).toBe(GEOMETRY.minBarHeight);
  });
});

describe("geometryFor", () => {
  it("shares the width out among the columns, within the narrowest and widest column", () => {
    expect(geometryFor(800, 5).columnWidth).toBe(160);
    expect(layoutColumns(readings, geometryFor(600, 3)).width).toBe(600);
    expect(geometryFor(400, 5).columnWidth).toBe(MIN_COLUMN); // the map scrolls sideways
    expect(geometryFor(2000, 2).columnWidth).toBe(MAX_COLUMN);
  });
  it("keeps the default until the map is measured, and with no columns", () => {
    expect(geometryFor(null, 5)).toBe(GEOMETRY);
    expect(geometryFor(800, 0)).toBe(GEOMETRY);
  });
});

describe("placeOnBar", () => {
  const { columns } = layoutColumns(readings);
  it("places a span proportionally, clamped to the reading, at least 3 px tall", () => {
    expect(placeOnBar(columns[0], readings[0], { slug: "000", start: 500, end: 600 })).toEqual({ y0: 12 + 280, y1: 12 + 336 });
    expect(placeOnBar(columns[0], readings[0], { slug: "000", start: 500, end: 501 }).y1).toBe(12 + 280 + 3);
    expect(placeOnBar(columns[1], readings[1], { slug: "001", start: 900, end: 990 })).toEqual({ y0: 12 + 280, y1: 12 + 283 });
  });
});

describe("curveFor", () => {
  const { columns } = layoutColumns(readings);
  it("joins the facing edges of two bars, whichever end comes first", () => {
    const forward = curveFor({ id: "l", ends: [{ slug: "000", start: 0, end: 100 }, { slug: "001", start: 250, end: 300 }] }, columns, readings)!;
    const backward = curveFor({ id: "l", ends: [{ slug: "001", start: 250, end: 300 }, { slug: "000", start: 0, end: 100 }] }, columns, readings)!;
    expect(forward.d).toBe(backward.d);
    expect(forward.from).toMatchObject({ x: 115 + 6, y: 12 + 28 });
    expect(forward.to).toMatchObject({ x: 345 - 6, y: 12 + 154 });
    expect(forward.d.startsWith("M 121 40 C")).toBe(true);
    expect(forward.mid.x).toBeCloseTo(230);
  });
  it("loops out to the right for two places of one reading", () => {
    const loop = curveFor({ id: "w", ends: [{ slug: "000", start: 0, end: 10 }, { slug: "000", start: 900, end: 1000 }] }, columns, readings)!;
    expect(loop.from.x).toBe(loop.to.x);
    expect(loop.mid.x).toBeGreaterThan(loop.from.x);
    expect(loop.mid.x).toBeLessThan(115 + GEOMETRY.columnWidth / 2);
  });
  it("is null when a reading is not shown", () => {
    expect(curveFor({ id: "x", ends: [{ slug: "000", start: 0, end: 1 }, { slug: "nope", start: 0, end: 1 }] }, columns, readings)).toBeNull();
  });
});

describe("filterItems and readingOrder", () => {
  const items = [
    { id: "1", relation: "parallel", ends: [{ readingSlug: "000" }, { readingSlug: "001" }] },
    { id: "2", relation: "cites", ends: [{ readingSlug: "000" }, { readingSlug: "002" }] },
    { id: "3", relation: "parallel", ends: [{ readingSlug: "001" }, { readingSlug: "002" }] },
  ];
  it("keeps items of checked relations between checked readings", () => {
    expect(filterItems(items, { relations: new Set(["parallel"]), readings: new Set(["000", "001", "002"]) }).map((i) => i.id)).toEqual(["1", "3"]);
    expect(filterItems(items, { relations: new Set(["parallel", "cites"]), readings: new Set(["000", "002"]) }).map((i) => i.id)).toEqual(["2"]);
  });
  it("orders curves left to right, then top to bottom", () => {
    const { columns } = layoutColumns(readings);
    const curves = [
      curveFor({ id: "b", ends: [{ slug: "001", start: 0, end: 1 }, { slug: "002", start: 0, end: 1 }] }, columns, readings)!,
      curveFor({ id: "c", ends: [{ slug: "000", start: 800, end: 900 }, { slug: "001", start: 0, end: 1 }] }, columns, readings)!,
      curveFor({ id: "a", ends: [{ slug: "000", start: 10, end: 20 }, { slug: "002", start: 0, end: 1 }] }, columns, readings)!,
    ];
    expect(readingOrder(curves).map((c) => c.id)).toEqual(["a", "c", "b"]);
  });
});

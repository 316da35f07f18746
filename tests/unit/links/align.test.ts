import { describe, expect, it } from "vitest";
import { alignPair, buildKnots, mapScroll, type Knot } from "@/app/compare/align";

describe("alignPair", () => {
  const cases: [string, Parameters<typeof alignPair>, ReturnType<typeof alignPair>][] = [
    ["both passages deep in long panes: both at the line", [{ top: 2000, maxScroll: 5000 }, { top: 900, maxScroll: 5000 }, 200], { a: 1800, b: 700, line: 200 }],
    ["one passage near its top: the line moves up to it", [{ top: 50, maxScroll: 5000 }, { top: 900, maxScroll: 5000 }, 200], { a: 0, b: 850, line: 50 }],
    ["one passage near its end: the line moves down", [{ top: 4900, maxScroll: 4600 }, { top: 900, maxScroll: 5000 }, 200], { a: 4600, b: 600, line: 300 }],
    ["no common height: each pane alone", [{ top: 10, maxScroll: 1000 }, { top: 3000, maxScroll: 2000 }, 200], { a: 0, b: 2000, line: null }],
    ["a pane that cannot scroll", [{ top: 300, maxScroll: 0 }, { top: 1300, maxScroll: 4000 }, 200], { a: 0, b: 1000, line: 300 }],
  ];
  for (const [name, args, expected] of cases) it(name, () => expect(alignPair(...args)).toEqual(expected));
});

describe("buildKnots", () => {
  it("keeps both ends and pairs that keep the mapping increasing both ways", () => {
    expect(buildKnots([[500, 300], [800, 900], [600, 200]], 1000, 1000)).toEqual([
      [0, 0],
      [500, 300],
      [800, 900],
      [1000, 1000],
    ]);
  });
  it("gives the first pair (the current link) priority over one that crosses it", () => {
    expect(buildKnots([[200, 800], [700, 100]], 1000, 1000)).toEqual([[0, 0], [200, 800], [1000, 1000]]);
  });
  it("clamps pairs into the panes' ranges and drops what lands on an end or is not a number", () => {
    expect(buildKnots([[-50, 20], [1200, 500], [Number.NaN, 4], [500, 1500]], 1000, 800)).toEqual([[0, 0], [1000, 800]]);
  });
});

describe("mapScroll", () => {
  const knots: Knot[] = [[0, 0], [500, 300], [800, 900], [1000, 1000]];
  const cases: [number, 0 | 1, number][] = [
    [0, 0, 0],
    [250, 0, 150],
    [500, 0, 300],
    [650, 0, 600],
    [900, 0, 950],
    [1200, 0, 1000],
    [-10, 0, 0],
    [150, 1, 250],
    [600, 1, 650],
    [950, 1, 900],
  ];
  for (const [value, from, expected] of cases) it(`${value} from ${from === 0 ? "left" : "right"} → ${expected}`, () => expect(mapScroll(knots, value, from)).toBeCloseTo(expected));
  it("is the inverse of itself the other way round", () => {
    for (let v = 0; v <= 1000; v += 37) expect(mapScroll(knots, mapScroll(knots, v, 0), 1)).toBeCloseTo(v);
  });
  it("copes with a pane that cannot scroll", () => {
    const flat = buildKnots([[300, 0]], 1000, 0);
    expect(mapScroll(flat, 400, 0)).toBe(0);
    expect(mapScroll(flat, 0, 1)).toBe(0);
  });
});

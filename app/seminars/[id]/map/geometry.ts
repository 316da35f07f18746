/**
 * The connections map's geometry, pure: readings as columns with a bar scaled to each
 * reading's length, and each link as a curve between its passages' places on the bars.
 * Columns share the width the map is given, between MIN_COLUMN and MAX_COLUMN pixels
 * each; text is never shrunk: below the minimum the map scrolls sideways. HTML titles
 * and tooltips use the same pixels, so they line up with the SVG.
 */

export type MapReading = { slug: string; title: string; length: number };
/** A link or suggestion to draw: its ends' readings and spans in their current texts. */
export type MapItem = { id: string; ends: [MapEnd, MapEnd] };
export type MapEnd = { slug: string; start: number; end: number };

export const GEOMETRY = {
  columnWidth: 230,
  top: 12,
  barHeight: 560,
  minBarHeight: 48,
  barWidth: 12,
  bottom: 16,
} as const;
export type Geometry = { [K in keyof typeof GEOMETRY]: number };

/** Narrowest column before the map scrolls sideways (titles still fit on three lines). */
export const MIN_COLUMN = 150;
/** Widest column: more only spreads a few lines thin. */
export const MAX_COLUMN = 280;

/** The geometry for `count` columns sharing `available` pixels (the default before the map is measured). */
export function geometryFor(available: number | null, count: number): Geometry {
  if (available === null || count === 0) return GEOMETRY;
  const columnWidth = Math.min(MAX_COLUMN, Math.max(MIN_COLUMN, Math.floor(available / count)));
  return { ...GEOMETRY, columnWidth };
}

export type Column = { slug: string; title: string; x: number; top: number; height: number };
export type Point = { x: number; y: number };
/** One end on its bar: where the curve meets the bar, and the passage's extent along it. */
export type PlacedEnd = Point & { y0: number; y1: number };
export type Curve = { id: string; d: string; from: PlacedEnd; to: PlacedEnd; mid: Point };

/** Columns left to right, each bar's height proportional to its reading's length (longest = full height). */
export function layoutColumns(readings: MapReading[], g: Geometry = GEOMETRY): { columns: Column[]; width: number; height: number } {
  const longest = Math.max(1, ...readings.map((r) => r.length));
  const columns = readings.map((reading, i) => ({
    slug: reading.slug,
    title: reading.title,
    x: g.columnWidth * i + g.columnWidth / 2,
    top: g.top,
    height: Math.max(g.minBarHeight, Math.round((reading.length / longest) * g.barHeight)),
  }));
  return { columns, width: Math.max(g.columnWidth, g.columnWidth * readings.length), height: g.top + g.barHeight + g.bottom };
}

/** Where a span of a reading sits along its bar (at least 3 px tall, so short passages show). */
export function placeOnBar(column: Column, reading: MapReading, end: MapEnd): { y0: number; y1: number } {
  const length = Math.max(1, reading.length);
  const clamp = (offset: number) => Math.min(length, Math.max(0, offset));
  const y0 = column.top + (clamp(end.start) / length) * column.height;
  const y1 = Math.max(y0 + 3, column.top + (clamp(end.end) / length) * column.height);
  return { y0, y1 };
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The curve of one item: between two columns, a horizontal S from the right edge of the
 * left bar to the left edge of the right bar; within one reading, a loop out to the
 * right of its bar. Null when a reading is not among the columns.
 */
export function curveFor(item: MapItem, columns: Column[], readings: MapReading[], g: Geometry = GEOMETRY): Curve | null {
  const placed = item.ends.map((end) => {
    const index = columns.findIndex((c) => c.slug === end.slug);
    const reading = readings.find((r) => r.slug === end.slug);
    if (index < 0 || !reading) return null;
    const { y0, y1 } = placeOnBar(columns[index], reading, end);
    return { index, column: columns[index], y0, y1, y: (y0 + y1) / 2 };
  });
  const [p, q] = placed;
  if (!p || !q) return null;
  const half = g.barWidth / 2;
  if (p.index === q.index) {
    const x = p.column.x + half;
    const bulge = Math.min(g.columnWidth / 2 - half - 4, 36 + Math.abs(q.y - p.y) * 0.12);
    const c = [x + bulge, p.y, x + bulge, q.y];
    return {
      id: item.id,
      d: `M ${round(x)} ${round(p.y)} C ${round(c[0])} ${round(c[1])}, ${round(c[2])} ${round(c[3])}, ${round(x)} ${round(q.y)}`,
      from: { x, y: p.y, y0: p.y0, y1: p.y1 },
      to: { x, y: q.y, y0: q.y0, y1: q.y1 },
      mid: { x: x + bulge * 0.75, y: (p.y + q.y) / 2 },
    };
  }
  const [l, r] = p.index < q.index ? [p, q] : [q, p];
  const x1 = l.column.x + half;
  const x2 = r.column.x - half;
  const dx = (x2 - x1) * 0.45;
  const mid = { x: (x1 + 3 * (x1 + dx) + 3 * (x2 - dx) + x2) / 8, y: (l.y + 3 * l.y + 3 * r.y + r.y) / 8 };
  return {
    id: item.id,
    d: `M ${round(x1)} ${round(l.y)} C ${round(x1 + dx)} ${round(l.y)}, ${round(x2 - dx)} ${round(r.y)}, ${round(x2)} ${round(r.y)}`,
    from: { x: x1, y: l.y, y0: l.y0, y1: l.y1 },
    to: { x: x2, y: r.y, y0: r.y0, y1: r.y1 },
    mid,
  };
}

/** What the map shows: the checked relations, between checked readings. */
export type MapFilter = { relations: Set<string>; readings: Set<string> };

/** Keeps the items whose kind is checked and whose both readings are checked. */
export function filterItems<T extends { relation: string; ends: readonly { readingSlug: string }[] }>(items: T[], filter: MapFilter): T[] {
  return items.filter((item) => filter.relations.has(item.relation) && item.ends.every((end) => filter.readings.has(end.readingSlug)));
}

/**
 * Tab order of the lines: by the leftmost column they touch, then by height there, so
 * a keyboard walks the map left to right, top to bottom.
 */
export function readingOrder(curves: Curve[]): Curve[] {
  return [...curves].sort((a, b) => a.from.x - b.from.x || a.from.y - b.from.y || a.to.x - b.to.x || a.to.y - b.to.y);
}

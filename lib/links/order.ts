import type { TextPositionSelector } from "@/lib/anchoring/types";
import type { LinkEndView, LinkSummary } from "@/lib/links/schema";

/**
 * Ordering links by where their passages are: pure helpers shared by the service, the
 * compare view (Previous / Next) and the reader's connections. Safe on the client.
 */

/** Where an end starts in its reading's current version (its stored position when orphaned; +∞ without one). */
export function endStart(end: Pick<LinkEndView, "current" | "selectors">): number {
  if (end.current) return end.current.start;
  const position = end.selectors.find((s): s is TextPositionSelector => s.type === "TextPositionSelector");
  return position ? position.start : Number.POSITIVE_INFINITY;
}

/** Anything joining two passages of readings: a link, or a suggested parallel. */
type Joined = { ends: readonly [{ readingSlug: string }, { readingSlug: string }] };

/** A link (or suggestion) seen from one reading: the end on the left (in `leftSlug`) and the other end. */
export type Oriented<L extends Joined> = { link: L; left: L["ends"][number]; right: L["ends"][number] };

/**
 * Puts the end in `leftSlug` on the left. A link between two places of one reading
 * keeps its own order (a left, b right). Null when neither end is in `leftSlug`.
 */
export function orient<L extends Joined>(link: L, leftSlug: string): Oriented<L> | null {
  const [a, b] = link.ends;
  if (a.readingSlug === leftSlug) return { link, left: a, right: b };
  if (b.readingSlug === leftSlug) return { link, left: b, right: a };
  return null;
}

/**
 * The links between two readings (either way round; within one reading when both slugs
 * are the same), oriented left → right and in document order: by the left passage,
 * then the right passage, then id (so the order is stable).
 */
export function linksBetween<L extends Pick<LinkSummary, "id" | "ends">>(links: L[], leftSlug: string, rightSlug: string): Oriented<L>[] {
  const between: Oriented<L>[] = [];
  for (const link of links) {
    const oriented = orient(link, leftSlug);
    if (oriented && oriented.right.readingSlug === rightSlug) between.push(oriented);
  }
  return between.sort(
    (x, y) =>
      endStart(x.left) - endStart(y.left) ||
      endStart(x.right) - endStart(y.right) ||
      (x.link.id < y.link.id ? -1 : x.link.id > y.link.id ? 1 : 0),
  );
}

/** The links before and after `id` in an ordered list (null at either end, or when `id` is absent). */
export function neighbours<T extends { link: { id: string } }>(ordered: T[], id: string): { previous: T | null; next: T | null; index: number } {
  const index = ordered.findIndex((item) => item.link.id === id);
  if (index < 0) return { previous: null, next: null, index: -1 };
  return { previous: ordered[index - 1] ?? null, next: ordered[index + 1] ?? null, index };
}

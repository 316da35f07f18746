import { anchor } from "@/lib/anchoring";
import type { Selector } from "@/lib/anchoring/types";

/** A span of the canonical text shown. */
export type Span = { start: number; end: number };

/**
 * The reading as a page shows it: its slug, the version rendered, and how to find a
 * passage of another version in that text. Built on the server from the stored text,
 * in the browser from the rendered one (reading-shown.ts).
 */
export type ReadingHere = { slug: string; versionId: string; locate: (selectors: Selector[]) => Span | null };

/** Finds passages with the anchoring engine in a text read once, when first needed; an empty match is none. */
export function locateIn(text: () => string): ReadingHere["locate"] {
  let known: string | undefined;
  return (selectors) => {
    known ??= text();
    const found = anchor(known, selectors);
    return found && found.end > found.start ? { start: found.start, end: found.end } : null;
  };
}

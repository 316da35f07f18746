/**
 * What every importer produces before the body is written: blocks of the kinds the reader
 * renders, holding plain text (not yet escaped), note calls and emphasis. A "\n" in text is
 * a line break inside the block.
 */

/** A piece of a block's content. `fallback` is what a call reads as when its note is missing. */
export type ImportInline =
  | { type: "text"; text: string }
  | { type: "call"; label: string; fallback: string }
  | { type: "emphasis"; strong: boolean; children: ImportInline[] };

/** One block of the body to write. Headings have a `level` (1–3), notes a `label`. */
export type ImportBlock = {
  type: "heading" | "paragraph" | "quote" | "item" | "caption" | "note";
  level?: number;
  label?: string;
  content: ImportInline[];
};

/** What reading one format gives: the blocks, warnings for the instructor, and what to say when nothing readable is left. */
export type ReadResult = { blocks: ImportBlock[]; warnings: string[]; emptyMessage?: string };

/** A text inline. */
export function text(value: string): ImportInline {
  return { type: "text", text: value };
}

/** The plain text of some inlines; calls read as nothing. */
export function plainText(inlines: ImportInline[]): string {
  return inlines.map((inline) => (inline.type === "text" ? inline.text : inline.type === "emphasis" ? plainText(inline.children) : "")).join("");
}

/** Joins two runs of content with a space, unless one of them is empty. */
export function joinContent(first: ImportInline[], second: ImportInline[], separator = " "): ImportInline[] {
  if (!plainText(first).trim() && !first.some((i) => i.type === "call")) return second;
  if (!plainText(second).trim() && !second.some((i) => i.type === "call")) return first;
  return [...first, text(separator), ...second];
}

/** Counts things under names, for one warning ("2 images and 1 script"). */
export class Tally {
  private readonly counts = new Map<string, number>();

  add(name: string, count = 1): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + count);
  }

  count(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  get size(): number {
    return this.counts.size;
  }

  /** "1 script, 2 style sheets and 3 images"; plurals add "s" unless `plurals` says otherwise. */
  describe(plurals: Record<string, string> = {}): string {
    const parts = [...this.counts].map(([name, count]) => `${count} ${count === 1 ? name : (plurals[name] ?? `${name}s`)}`);
    return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : (parts[0] ?? "");
  }
}

/**
 * Canonical offsets ↔ DOM ranges inside a rendered reading (browser only).
 *
 * The reader marks each block with `data-block`, `data-start` and `data-end`; inside a
 * block, the text nodes outside `data-noanchor` chrome concatenate to exactly
 * `canonical.slice(start, end)`. Blocks are separated in the canonical text by "\n\n",
 * which has no text node of its own.
 */

/** One anchorable text node and the canonical span it covers. */
type Entry = { node: Text; start: number; end: number };

/** The anchorable text nodes of a reading in document order, for repeated look-ups. */
export class TextIndex {
  private readonly entries: Entry[] = [];

  constructor(readonly root: Element) {
    const blocks = Array.from(root.querySelectorAll<HTMLElement>("[data-block]"));
    if (root instanceof HTMLElement && root.hasAttribute("data-block")) blocks.unshift(root);
    for (const block of blocks) {
      let offset = Number(block.dataset.start);
      // A block without valid offsets cannot be placed; skipping it keeps the index
      // sorted, so every other block still maps (NaN would break the bisections).
      if (!Number.isInteger(offset) || offset < 0) continue;
      for (const node of anchorableTextNodes(block)) {
        const length = node.data.length;
        if (length === 0) continue;
        this.entries.push({ node, start: offset, end: offset + length });
        offset += length;
      }
    }
  }

  /**
   * The canonical text as rendered: the anchorable text of every block, with the blank
   * lines between blocks (which have no text node) restored from the blocks' offsets.
   */
  get text(): string {
    let text = "";
    for (const entry of this.entries) {
      if (entry.start > text.length) text += "\n".repeat(entry.start - text.length);
      text += entry.node.data;
    }
    return text;
  }

  /** A DOM range for a canonical span, or null when the span covers no rendered text. */
  rangeFromSpan(start: number, end: number): Range | null {
    if (!(start < end)) return null;
    const first = this.firstEndingAfter(start);
    const last = this.lastStartingBefore(end);
    if (first === -1 || last === -1 || first > last) return null;
    const a = this.entries[first];
    const b = this.entries[last];
    const range = this.root.ownerDocument.createRange();
    range.setStart(a.node, Math.max(0, start - a.start));
    range.setEnd(b.node, Math.min(b.node.data.length, end - b.start));
    return range;
  }

  /**
   * The canonical span of a DOM range, with ends that fall in chrome, in a note call or
   * between blocks moved to the nearest anchorable text inside the range. Null when the
   * range holds no anchorable text.
   */
  spanFromRange(range: Range): { start: number; end: number } | null {
    const start = this.offsetAt(range.startContainer, range.startOffset, "forward");
    const end = this.offsetAt(range.endContainer, range.endOffset, "backward");
    if (start === null || end === null || start >= end) return null;
    return { start, end };
  }

  /**
   * The canonical offset of a DOM boundary point. Inside anchorable text it is exact;
   * elsewhere it moves to the next text ("forward") or back to the previous ("backward").
   */
  offsetAt(container: Node, offset: number, direction: "forward" | "backward"): number | null {
    const exact = this.entries.find((entry) => entry.node === container);
    if (exact) return exact.start + Math.min(offset, exact.node.data.length);
    const point = this.root.ownerDocument.createRange();
    point.setStart(container, offset);
    // Entries are in document order, so "at or after the point" is monotonic: bisect.
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (point.comparePoint(this.entries[mid].node, 0) >= 0) hi = mid;
      else lo = mid + 1;
    }
    if (direction === "forward") return lo < this.entries.length ? this.entries[lo].start : null;
    return lo > 0 ? this.entries[lo - 1].end : null;
  }

  /** Index of the first entry whose text ends after `offset`, or -1. */
  private firstEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.entries[mid].end > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo < this.entries.length ? lo : -1;
  }

  /** Index of the last entry whose text starts before `offset`, or -1. */
  private lastStartingBefore(offset: number): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.entries[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
}

/** A DOM range for a canonical span inside `root`, or null. */
export function rangeFromSpan(root: Element, start: number, end: number): Range | null {
  return new TextIndex(root).rangeFromSpan(start, end);
}

/** The canonical span of a DOM range inside `root` (see {@link TextIndex.spanFromRange}). */
export function spanFromRange(root: Element, range: Range): { start: number; end: number } | null {
  return new TextIndex(root).spanFromRange(range);
}

/** The text nodes of a block that are not inside `data-noanchor` chrome. */
function anchorableTextNodes(block: Element): Text[] {
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.ELEMENT_NODE && (node as Element).hasAttribute("data-noanchor")
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) nodes.push(node as Text);
  }
  return nodes;
}

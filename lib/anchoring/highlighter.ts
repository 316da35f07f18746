import { TextIndex } from "@/lib/anchoring/dom";

/** A passage to draw: an id (a note, a link end, a question) and its canonical span. */
export type HighlightSpan = { id: string; start: number; end: number };

/**
 * Draws passages with the CSS Custom Highlight API, so the reading's markup is never
 * touched and any number of highlights may overlap. Each named style is one registry
 * entry (`::highlight(name)` in the stylesheet). Offsets are canonical-text offsets.
 */
export class Highlighter {
  private readonly ranges = new Map<string, { span: HighlightSpan; range: Range; style: string }>();

  private index: TextIndex;

  constructor(private readonly root: Element) {
    this.index = new TextIndex(root);
  }

  /** Re-reads the rendered text, after the reading's markup changed. */
  refresh(): void {
    this.index = new TextIndex(this.root);
  }

  /** True where the browser supports the CSS Custom Highlight API. */
  static get supported(): boolean {
    return typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight !== "undefined";
  }

  /**
   * Replaces what is drawn in `style` with `spans`. Returns the ids that could not be
   * mapped onto the rendered text (which the caller lists as not found).
   */
  draw(style: string, spans: HighlightSpan[]): string[] {
    this.clear(style);
    const missing: string[] = [];
    const highlight = Highlighter.supported ? new Highlight() : null;
    for (const span of spans) {
      const range = this.index.rangeFromSpan(span.start, span.end);
      if (!range) {
        missing.push(span.id);
        continue;
      }
      this.ranges.set(key(style, span.id), { span, range, style });
      highlight?.add(range);
    }
    if (highlight) CSS.highlights.set(style, highlight);
    return missing;
  }

  /** Removes everything drawn in `style`. */
  clear(style: string): void {
    for (const [k, entry] of this.ranges) if (entry.style === style) this.ranges.delete(k);
    if (Highlighter.supported) CSS.highlights.delete(style);
  }

  /** The DOM range drawn for an id, to scroll to it or place a marker beside it. */
  rangeOf(style: string, id: string): Range | null {
    return this.ranges.get(key(style, id))?.range ?? null;
  }

  /** The ids of every passage in `style` that contains the canonical offset. */
  idsAtOffset(style: string, offset: number): string[] {
    const ids: string[] = [];
    for (const entry of this.ranges.values()) {
      if (entry.style === style && entry.span.start <= offset && offset < entry.span.end) ids.push(entry.span.id);
    }
    return ids;
  }

  /** The ids of every passage in `style` under a viewport point (a click or tap). */
  idsAtPoint(style: string, x: number, y: number): string[] {
    const offset = this.offsetAtPoint(x, y);
    return offset === null ? [] : this.idsAtOffset(style, offset);
  }

  /** The canonical offset of the character under a viewport point, or null. */
  offsetAtPoint(x: number, y: number): number | null {
    const caret = caretRangeAt(x, y);
    if (!caret || !this.root.contains(caret.startContainer)) return null;
    return this.index.offsetAt(caret.startContainer, caret.startOffset, "forward");
  }
}

function key(style: string, id: string): string {
  return `${style}\u0000${id}`;
}

/** A collapsed range at a viewport point, with either of the two browser APIs. */
function caretRangeAt(x: number, y: number): Range | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (doc.caretPositionFromPoint) {
    const position = doc.caretPositionFromPoint(x, y);
    if (!position) return null;
    const range = document.createRange();
    range.setStart(position.offsetNode, position.offset);
    return range;
  }
  return document.caretRangeFromPoint?.(x, y) ?? null;
}

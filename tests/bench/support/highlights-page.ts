/**
 * The browser side of tests/bench/highlights.bench.ts, bundled with the anchoring
 * engine by `bundleAnchoring` and injected into the reader page: it runs the reader's
 * own code path (canonical text from the DOM, `anchor`, `Highlighter.draw`) and times it.
 */
import { anchor, type Selector } from "@/lib/anchoring";
import { TextIndex } from "@/lib/anchoring/dom";
import { Highlighter, type HighlightSpan } from "@/lib/anchoring/highlighter";

/** One timed pass over every selector, in milliseconds. */
export type PassTiming = {
  /** Reading the canonical text back from the rendered reading. */
  text: number;
  anchor: number;
  /** `new Highlighter(root).draw(...)`: DOM ranges built and registered. */
  draw: number;
  /** From the end of `draw` until the browser has produced the next frame (style and paint). */
  frame: number;
  anchored: number;
  drawn: number;
  /** Where each selector anchored ([index, start, end]), for checking. */
  spans: [number, number, number][];
};

const STYLE = "parallax-bench";

function readingRoot(): Element {
  const root = document.querySelector("[data-reading]");
  if (!root) throw new Error("no [data-reading] element: is this the reader page?");
  return root;
}

/** Resolves once a frame has been rendered (a task queued from rAF runs after its paint). */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Anchors every selector list in the rendered text and draws the results, `passes` times. */
async function timeAnchorAndDraw(selectors: Selector[][], passes: number): Promise<PassTiming[]> {
  const timings: PassTiming[] = [];
  for (let pass = 0; pass < passes; pass++) {
    CSS.highlights.delete(STYLE);
    await nextFrame();
    const t0 = performance.now();
    const root = readingRoot();
    const text = new TextIndex(root).text;
    const t1 = performance.now();
    const spans: HighlightSpan[] = [];
    for (let i = 0; i < selectors.length; i++) {
      const found = anchor(text, selectors[i]);
      if (found) spans.push({ id: String(i), start: found.start, end: found.end });
    }
    const t2 = performance.now();
    const missing = new Highlighter(root).draw(STYLE, spans);
    const t3 = performance.now();
    await nextFrame();
    const t4 = performance.now();
    timings.push({
      text: t1 - t0,
      anchor: t2 - t1,
      draw: t3 - t2,
      frame: t4 - t3,
      anchored: spans.length,
      drawn: spans.length - missing.length,
      spans: spans.map((s) => [Number(s.id), s.start, s.end]),
    });
  }
  return timings;
}

/**
 * Edits the rendered reading as a new version would: a paragraph inserted before the
 * `blockIndex`-th block, every later block's offsets moved by its length plus the blank
 * line. Returns where it went and by how much later text moved.
 */
function insertParagraph(blockIndex: number, paragraph: string): { at: number; delta: number } {
  const blocks = Array.from(readingRoot().querySelectorAll<HTMLElement>("[data-block]"));
  const before = blocks[blockIndex];
  const at = Number(before.dataset.start);
  const delta = paragraph.length + 2;
  for (const block of blocks) {
    if (Number(block.dataset.start) < at) continue;
    block.dataset.start = String(Number(block.dataset.start) + delta);
    block.dataset.end = String(Number(block.dataset.end) + delta);
  }
  const added = document.createElement("p");
  added.className = before.className;
  Object.assign(added.dataset, { block: "bench-inserted", start: String(at), end: String(at + paragraph.length) });
  added.textContent = paragraph;
  before.before(added);
  return { at, delta };
}

/** The canonical text as the reader renders it. */
function renderedText(): string {
  return new TextIndex(readingRoot()).text;
}

(window as unknown as Record<string, unknown>).parallaxBench = { timeAnchorAndDraw, insertParagraph, renderedText };

import { Highlighter } from "@/lib/anchoring/highlighter";

const FOCUS = "parallax-question-focus";
let clearing: number | undefined;

/**
 * Scrolls the reading to a passage and tints it for a moment (style
 * `::highlight(parallax-question-focus)` in questions.css). Browser only: what the
 * Questions tab's "Show in text" does unless the reader passes its own.
 */
export function showPassage(span: { start: number; end: number }, rootSelector = "[data-reading]"): void {
  const root = document.querySelector(rootSelector);
  if (!root) return;
  const marker = new Highlighter(root);
  marker.draw(FOCUS, [{ id: "focus", ...span }]);
  const box = marker.rangeOf(FOCUS, "focus")?.getBoundingClientRect();
  if (box) window.scrollTo({ top: window.scrollY + box.top - window.innerHeight / 3, behavior: "smooth" });
  window.clearTimeout(clearing);
  clearing = window.setTimeout(() => marker.clear(FOCUS), 2500);
}

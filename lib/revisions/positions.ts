import type { Selector, TextPositionSelector } from "@/lib/anchoring/types";

/** The span of a stored selector list's position selector, or null when it has none. */
export function positionOf(selectors: Selector[]): { start: number; end: number } | null {
  const position = selectors.find((s): s is TextPositionSelector => s.type === "TextPositionSelector");
  return position ? { start: position.start, end: position.end } : null;
}

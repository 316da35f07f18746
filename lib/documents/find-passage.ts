import { anchor } from "@/lib/anchoring";

/**
 * Finds a passage in a reading's canonical text from its quoted words, as the `?quote=`
 * deep link gives them: word for word first (spacing aside), else through the anchoring
 * engine, which forgives small differences. Returns the span, or null.
 */
export function findPassage(text: string, quote: string): { start: number; end: number } | null {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const pattern = new RegExp(words.map(escapeRegExp).join("\\s+"));
  const exact = pattern.exec(text);
  if (exact) return { start: exact.index, end: exact.index + exact[0].length };
  const found = anchor(text, [{ type: "TextQuoteSelector", exact: words.join(" ") }]);
  return found ? { start: found.start, end: found.end } : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

import { anchor } from "@/lib/anchoring";

/**
 * Finds a passage in a reading's canonical text from its quoted words, as the `?quote=`
 * deep link gives them. Returns the span, or null when the words are not there.
 */
export function findPassage(text: string, quote: string): { start: number; end: number } | null {
  const exact = quote.replace(/\s+/g, " ").trim();
  if (!exact) return null;
  const found = anchor(text, [{ type: "TextQuoteSelector", exact }]);
  return found ? { start: found.start, end: found.end } : null;
}

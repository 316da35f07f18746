import { randomInt } from "./random";

/** A passage of a reading by its canonical offsets. */
export type Span = { start: number; end: number };

const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/**
 * `count` passages spread over `text` the way readers select them: from the start of a
 * word to the end of one, 3 to 40 words long, inside one block (never across the
 * blank line between blocks). Deterministic for a given `random`.
 */
export function randomSpans(text: string, count: number, random: () => number): Span[] {
  const spans: Span[] = [];
  while (spans.length < count) {
    let start = randomInt(random, 0, text.length - 1);
    while (start > 0 && isWord(text[start - 1])) start--;
    while (start < text.length && !isWord(text[start])) start++;
    const blockEnd = text.indexOf("\n\n", start);
    const limit = blockEnd < 0 ? text.length : blockEnd;
    let end = Math.min(limit, start + randomInt(random, 15, 250));
    while (end < limit && isWord(text[end])) end++;
    while (end > start && !isWord(text[end - 1])) end--;
    if (end - start >= 3) spans.push({ start, end });
  }
  return spans;
}

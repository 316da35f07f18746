import type { BlockType } from "./schema";

const prefixes: Record<BlockType, string> = {
  heading: "h",
  paragraph: "p",
  blockquote: "q",
  listItem: "li",
  caption: "c",
  note: "n",
  bibliography: "b",
};

/**
 * A 53-bit string hash (cyrb53), written in base 36. Pure JavaScript so that the browser
 * and the server derive the same ids; not for security.
 */
export function hashString(input: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < input.length; i++) {
    const ch = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, "0");
}

/** What a block's id is derived from: its type, its level or label, and its text. */
export type BlockIdInput = { type: BlockType; level?: number; label?: string; text: string };

/**
 * Gives each block a stable id: a type prefix and a short hash of the block's type, level or
 * label, and text (`p-3k9x0c1a`). A block whose content is unchanged keeps its id across
 * revisions wherever it moves; only a block identical to an earlier one gets a suffix
 * (`-2`, `-3`, …, in document order).
 */
export function assignBlockIds(blocks: BlockIdInput[]): string[] {
  const seen = new Map<string, number>();
  return blocks.map((block) => {
    const key = `${block.type}\u0000${block.level ?? ""}\u0000${block.label ?? ""}\u0000${block.text}`;
    const base = `${prefixes[block.type]}-${hashString(key).slice(-8)}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}

import { text, type ImportBlock, type ImportInline } from "./model";

/** The most characters one block may hold; a longer one is split into several. */
export const MAX_BLOCK_CHARS = 10_000;

/**
 * Splits blocks longer than `limit` characters into several, at a sentence end where there
 * is one, else at a space: a reading is read, annotated and rendered a block at a time, and
 * a block of megabytes serves none of that. The parts after the first of a heading, caption
 * or note become paragraphs; other blocks keep their type. Adds one warning when it splits.
 */
export function splitLongBlocks(blocks: ImportBlock[], warnings: string[], limit = MAX_BLOCK_CHARS): ImportBlock[] {
  const result: ImportBlock[] = [];
  let split = 0;
  for (const block of blocks) {
    const parts = splitContent(block.content, limit);
    if (parts.length === 1) {
      result.push(block);
      continue;
    }
    split++;
    const rest: ImportBlock["type"] = block.type === "heading" || block.type === "caption" || block.type === "note" ? "paragraph" : block.type;
    const first: ImportBlock = block.type === "heading" ? { type: "paragraph", content: parts[0] } : { ...block, content: parts[0] };
    result.push(first, ...parts.slice(1).map((content) => ({ type: rest, content })));
  }
  if (split) {
    warnings.push(
      `${split === 1 ? "A very long paragraph was" : `${split} very long paragraphs were`} split into parts of at most ${limit.toLocaleString("en")} characters.`,
    );
  }
  return result;
}

function splitContent(content: ImportInline[], limit: number): ImportInline[][] {
  if (sizeOf(content) <= limit) return [content];
  const parts: ImportInline[][] = [];
  let current: ImportInline[] = [];
  let length = 0;
  const close = () => {
    if (current.length) parts.push(current);
    current = [];
    length = 0;
  };
  const pending = [...content].reverse();
  while (pending.length) {
    const inline = pending.pop()!;
    const size = inline.type === "call" ? 0 : inline.type === "text" ? inline.text.length : sizeOf(inline.children);
    if (length + size <= limit) {
      current.push(inline);
      length += size;
    } else if (inline.type === "emphasis") {
      if (size > limit) for (let i = inline.children.length - 1; i >= 0; i--) pending.push(inline.children[i]);
      else {
        close();
        pending.push(inline);
      }
    } else if (inline.type === "text") {
      const at = cutPoint(inline.text, limit - length);
      if (at <= 0 && length > 0) {
        close();
        pending.push(inline);
        continue;
      }
      const cut = at > 0 ? at : limit;
      current.push(text(inline.text.slice(0, cut)));
      close();
      pending.push(text(inline.text.slice(cut)));
    }
  }
  close();
  return parts;
}

/** Where to cut `value` to keep at most `room` characters: after the last sentence end, else the last space; 0 if neither. */
function cutPoint(value: string, room: number): number {
  const head = value.slice(0, room + 1);
  const sentence = /[.!?…]["'”’)\]]*\s+(?=\S)/g;
  let best = 0;
  for (let match = sentence.exec(head); match; match = sentence.exec(head)) {
    if (match.index + match[0].length <= room) best = match.index + match[0].length;
  }
  if (best > room / 2) return best;
  const space = head.search(/\s\S*$/);
  return space > 0 ? space + 1 : best;
}

function sizeOf(inlines: ImportInline[]): number {
  return inlines.reduce((sum, inline) => sum + (inline.type === "text" ? inline.text.length : inline.type === "emphasis" ? sizeOf(inline.children) : 0), 0);
}

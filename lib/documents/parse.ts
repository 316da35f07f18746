import { assignBlockIds } from "./block-id";
import { markBibliography, scanBlocks, type SourceBlock } from "./blocks";
import { parseFrontMatter } from "./frontmatter";
import { buildInlines, readInlineContent, type InlineContent } from "./inline";
import { resolveNoteCalls, type NoteCallSite } from "./note-calls";
import { DocumentParseError } from "./parse-error";
import type { Block, ParsedDocument } from "./schema";

export { DocumentParseError } from "./parse-error";

/** What separates two blocks in the canonical text. */
export const BLOCK_SEPARATOR = "\n\n";

/**
 * Parses a reading file (front matter, then a Markdown-compatible body; see
 * documents/README.md) into its metadata, its blocks and its canonical text: the blocks'
 * texts joined with "\n\n" in file order. Note calls and note labels are chrome, not text.
 * Pure: no Node APIs, so the browser can run it too.
 *
 * @param source the file's contents
 * @param fileName the name used in error messages
 * @throws DocumentParseError naming the file and line: no front matter, a bad or missing
 *   field, an unknown kind, a note defined twice, or a call to a missing note in a reading
 *   that has notes.
 */
export function parseDocument(source: string, fileName: string): ParsedDocument {
  const lines = source.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const { meta, bodyStart } = parseFrontMatter(lines, fileName);
  const sourceBlocks = scanBlocks(lines, bodyStart, fileName);
  const contents = new Map<SourceBlock, InlineContent>(sourceBlocks.map((block) => [block, readInlineContent(block.source)]));
  markBibliography(sourceBlocks, (block) => contents.get(block)!.text);

  const ids = assignBlockIds(sourceBlocks.map((block) => ({ ...block, text: contents.get(block)!.text })));
  const noteIds = new Map<string, string>();
  sourceBlocks.forEach((block, index) => {
    if (block.type !== "note") return;
    if (noteIds.has(block.label!)) {
      throw new DocumentParseError(fileName, block.lines[0].line, `note [^${block.label}] is defined twice`);
    }
    noteIds.set(block.label!, ids[index]);
  });

  const calls: NoteCallSite[] = sourceBlocks.flatMap((block) =>
    contents.get(block)!.calls.map((call) => ({ label: call.label, line: callLine(block, call.label) })),
  );
  const { noteIdFor, missing } = resolveNoteCalls(calls, noteIds);
  if (missing) throw new DocumentParseError(fileName, missing.line, `note call [^${missing.label}] points at no note`);

  const blocks: Block[] = [];
  let offset = 0;
  sourceBlocks.forEach((block, index) => {
    const content = contents.get(block)!;
    const start = offset;
    const end = start + content.text.length;
    blocks.push({
      id: ids[index],
      type: block.type,
      ...(block.level !== undefined ? { level: block.level } : {}),
      ...(block.label !== undefined ? { label: block.label } : {}),
      start,
      end,
      inlines: buildInlines(content, start, noteIdFor),
    });
    offset = end + BLOCK_SEPARATOR.length;
  });
  const text = sourceBlocks.map((block) => contents.get(block)!.text).join(BLOCK_SEPARATOR);
  return { meta, blocks, text, wordCount: countWords(text) };
}

/** Words in a text: whitespace-separated runs holding at least one letter or digit. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

function callLine(block: SourceBlock, label: string): number {
  const written = `[^${label}]`;
  return (block.lines.find((line) => line.text.includes(written)) ?? block.lines[0]).line;
}

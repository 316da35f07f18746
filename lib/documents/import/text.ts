import { text, type ReadResult } from "./model";

/**
 * Reads a plain text file: paragraphs are separated by blank lines, and every character is
 * a word of the reading (nothing is markup; the writer escapes what the format would read).
 * A file without any blank line whose lines run long (a paragraph per line, as word
 * processors save text) gets a paragraph per line instead, with a warning.
 */
export function readText(source: string): ReadResult {
  const paragraphs = source.split(/\n(?:[^\S\n]*\n)+/).filter((part) => part.trim() !== "");
  const lines = source.split("\n").filter((line) => line.trim() !== "");
  const linePerParagraph = paragraphs.length === 1 && lines.length > 1 && lines.some((line) => line.length > 200);
  const blocks = (linePerParagraph ? lines : paragraphs).map((part) => ({ type: "paragraph" as const, content: [text(part)] }));
  const warnings = linePerParagraph ? ["The file has no blank lines between paragraphs, so each line became a paragraph."] : [];
  return { blocks, warnings };
}

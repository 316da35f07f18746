/**
 * Text as the importers read it: no byte-order mark, `\n` line breaks (page breaks and
 * Unicode line separators included), other control characters replaced by spaces.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?|[\f\v\u2028\u2029\x85]/g, "\n")
    .replace(/[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]/g, " ");
}

/**
 * Note calls and note definitions in the Markdown-compatible reading format: a call is a
 * footnote reference `[^12]` in running text, a note is a definition line `[^12]: text`.
 * Labels are kept as written ("128", "12", "a").
 */

/** A footnote reference at the start of `text.slice(index)`, or null. */
export function matchNoteCall(text: string, index: number): { label: string; length: number } | null {
  const pattern = /\[\^([^\]\s]+)\]/y;
  pattern.lastIndex = index;
  const match = pattern.exec(text);
  // `[^x]:` opening a line is a definition; the block scanner sees it before this does.
  return match ? { label: match[1], length: match[0].length } : null;
}

/** A note definition line (`[^12]: text`) split into its label and the text after it. */
export function matchNoteDefinition(line: string): { label: string; text: string } | null {
  const match = /^\[\^([^\]\s]+)\]:[ \t]*(.*)$/.exec(line);
  return match ? { label: match[1], text: match[2] ?? "" } : null;
}

/** Where a note call sits in the source, for error messages. */
export type NoteCallSite = { label: string; line: number };

/**
 * Maps each call's label to the id of its note. A reading without any note keeps its calls
 * unresolved (`null`): some excerpts carry calls whose notes were not part of the excerpt.
 * A reading with notes must resolve every call; the first call that does not is returned
 * as `missing` so the parser can report its line.
 */
export function resolveNoteCalls(
  calls: NoteCallSite[],
  noteIdsByLabel: Map<string, string>,
): { noteIdFor: (label: string) => string | null; missing: NoteCallSite | null } {
  const hasNotes = noteIdsByLabel.size > 0;
  const missing = hasNotes ? (calls.find((call) => !noteIdsByLabel.has(call.label)) ?? null) : null;
  return { noteIdFor: (label) => (hasNotes ? (noteIdsByLabel.get(label) ?? null) : null), missing };
}

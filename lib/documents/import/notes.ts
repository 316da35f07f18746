import { plainText, text, type ImportBlock, type ImportInline } from "./model";

/**
 * Makes the notes and calls of some blocks safe to write: a note without text is dropped,
 * a second note with a label already used becomes a paragraph, a call whose note is missing
 * becomes its plain text, blocks left without text are dropped, and the notes move to the
 * end in their order. Adds a warning for each kind of change to `warnings`.
 */
export function settleNotes(blocks: ImportBlock[], warnings: string[]): ImportBlock[] {
  const body: ImportBlock[] = [];
  const notes: ImportBlock[] = [];
  const labels = new Set<string>();
  const duplicates = new Set<string>();
  for (const block of blocks) {
    if (block.type !== "note") {
      body.push(block);
      continue;
    }
    if (!plainText(block.content).trim()) continue;
    const label = cleanLabel(block.label ?? "");
    if (labels.has(label)) {
      duplicates.add(label);
      body.push({ type: "paragraph", content: block.content });
      continue;
    }
    labels.add(label);
    notes.push({ ...block, label });
  }

  const missing: string[] = [];
  const resolve = (inlines: ImportInline[]): ImportInline[] =>
    inlines.map((inline) => {
      if (inline.type === "emphasis") return { ...inline, children: resolve(inline.children) };
      if (inline.type !== "call") return inline;
      const label = cleanLabel(inline.label);
      if (labels.has(label)) return { ...inline, label };
      missing.push(inline.fallback);
      return text(inline.fallback);
    });
  const settled = [...body, ...notes]
    .map((block) => ({ ...block, content: resolve(block.content) }))
    .filter((block) => plainText(block.content).trim() !== "");

  for (const label of duplicates) {
    warnings.push(`Note [^${label}] is defined more than once; the first definition is the note, the others became paragraphs.`);
  }
  if (missing.length) warnings.push(missingCallsWarning(missing));
  return settled;
}

/** The warning for note calls whose note is missing, given how each call reads as text. */
export function missingCallsWarning(calls: string[]): string {
  const shown = [...new Set(calls)].map((call) => `“${call}”`);
  const list = shown.length > 1 ? `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}` : shown[0];
  return calls.length === 1
    ? `The note call ${list} points at no note, so it was kept as plain text.`
    : `${calls.length} note calls (${list}) point at no note, so they were kept as plain text.`;
}

/** A label the reading format accepts: no whitespace, no `]`. */
function cleanLabel(label: string): string {
  return label.trim().replace(/[\]\s]+/g, "-") || "note";
}

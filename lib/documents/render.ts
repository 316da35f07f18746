import type { Block, Inline } from "@/lib/documents/schema";
import { el, escapeHtml, join, raw, type Markup } from "@/lib/documents/html";

/**
 * Renders a reading's blocks to HTML, once per version (the body never changes for a
 * version, and a string is far cheaper to serve than a React tree of thousands of nodes).
 *
 * Every block element carries `data-block`, `data-start` and `data-end`; inside it, the
 * text outside `data-noanchor` chrome is exactly the canonical text of that span, which
 * is what anchoring relies on. Note calls open their note in a popover (no script).
 */
export function renderReadingHtml(blocks: Block[]): string {
  const context: Context = { notes: new Map(blocks.filter((b) => b.type === "note").map((n) => [n.id, n])), firstCall: firstCallIds(blocks) };
  const parts = groupRuns(blocks).map((run) => {
    const first = run[0];
    if (first.type === "note") return notesSection(run, blocks[blocks.indexOf(first) - 1]?.type === "heading", context);
    if (first.type === "listItem" || first.type === "bibliography") return list(run, context);
    return bodyBlock(first, context);
  });
  return join(parts).html;
}

type Context = { notes: Map<string, Block>; firstCall: Map<string, string> };

const styles = {
  heading: "mb-3 mt-10 font-sans text-xl font-semibold leading-snug text-grey-9",
  blockquote: "my-6 border-l-4 border-grey-3 pl-4 text-[1rem] text-grey-8",
  caption: "my-4 font-sans text-sm italic text-grey-7",
  paragraph: "my-4",
  list: "my-4 list-disc space-y-1 pl-6",
  bibliography: "my-4 space-y-2 text-[0.95rem] leading-relaxed",
  bibliographyItem: "pl-6 -indent-6",
  notes: "mt-8 border-t border-grey-3 pt-6 text-[0.95rem] leading-relaxed",
  notesHeading: "mb-4 font-sans text-base font-semibold text-grey-8",
  note: "flex gap-2 target:bg-yellow-light",
  noteLabel: "min-w-[2.5rem] shrink-0 text-right font-sans text-sm text-grey-7",
  back: "ml-2 font-sans text-sm text-brand underline",
  call: "ml-px font-sans text-[0.75em]",
  plainCall: "ml-px font-sans text-[0.75em] text-grey-7",
  callButton:
    "inline-block rounded px-0.5 py-px font-semibold leading-none text-brand underline decoration-dotted hover:bg-yellow-light focus-visible:outline-2 focus-visible:outline-blue-focus",
  popover:
    "m-auto max-h-[80vh] w-[min(28rem,calc(100vw-2rem))] overflow-y-auto rounded-lg border border-grey-3 bg-white p-0 text-left font-sans text-sm leading-relaxed text-grey-9 shadow-lg",
  popoverBar: "sticky top-0 flex items-center gap-4 border-b border-grey-2 bg-white px-4 py-2",
} as const;

function blockAttributes(block: Block, className?: string) {
  return { id: `b-${block.id}`, "data-block": block.id, "data-start": block.start, "data-end": block.end, class: className };
}

function bodyBlock(block: Block, context: Context): Markup {
  const content = inlines(block, context);
  switch (block.type) {
    case "heading":
      // The reading's title is the page's h1, so the reading's own headings start at h2.
      return el(`h${Math.min(6, (block.level ?? 1) + 1)}`, blockAttributes(block, styles.heading), content);
    case "blockquote":
      return el("blockquote", blockAttributes(block, styles.blockquote), content);
    case "caption":
      return el("p", blockAttributes(block, styles.caption), content);
    default:
      return el("p", blockAttributes(block, styles.paragraph), content);
  }
}

function list(run: Block[], context: Context): Markup {
  const bibliography = run[0].type === "bibliography";
  const items = run.map((block) => el("li", blockAttributes(block, bibliography ? styles.bibliographyItem : undefined), inlines(block, context)));
  return el("ul", { "aria-label": bibliography ? "Bibliography" : undefined, class: bibliography ? styles.bibliography : styles.list }, join(items));
}

/** A run of notes: numbered, each leading back to where it is first called. */
function notesSection(notes: Block[], headed: boolean, context: Context): Markup {
  const items = notes.map((note) => {
    const call = context.firstCall.get(note.id);
    const back = call
      ? el("a", { "data-noanchor": true, href: `#${call}`, class: styles.back, "aria-label": `Back to the text of note ${note.label}` }, "↩ back")
      : null;
    return el(
      "li",
      blockAttributes(note, styles.note),
      el("span", { "data-noanchor": true, class: styles.noteLabel }, `${note.label}.`),
      el("span", {}, inlines(note, context), back),
    );
  });
  return el(
    "section",
    { "aria-label": "Footnotes", class: styles.notes },
    headed ? null : el("h2", { "data-noanchor": true, class: styles.notesHeading }, "Notes"),
    el("ol", { class: "space-y-3" }, join(items)),
  );
}

function inlines(block: Block, context: Context): Markup {
  return join(
    block.inlines.map((inline, index) =>
      inline.type === "text" ? raw(escapeHtml(inline.text)) : noteCall(inline, callId(block, index), context),
    ),
  );
}

/** A note call: opens its note in a popover with a link to the notes; plain where the reading has no notes. */
function noteCall(inline: Extract<Inline, { type: "noteCall" }>, id: string, context: Context): Markup {
  const note = inline.noteId ? context.notes.get(inline.noteId) : undefined;
  if (!note) return el("sup", { "data-noanchor": true, class: styles.plainCall }, inline.label);
  const popoverId = `pop-${id}`;
  const text = note.inlines.map((part) => (part.type === "text" ? part.text : "")).join("");
  return el(
    "sup",
    { "data-noanchor": true, class: styles.call },
    el("button", { type: "button", id, popovertarget: popoverId, "aria-label": `Note ${inline.label}`, class: styles.callButton }, inline.label),
    el(
      "span",
      { id: popoverId, popover: "auto", role: "note", "aria-label": `Note ${inline.label}`, class: styles.popover },
      el(
        "span",
        { class: styles.popoverBar },
        el("strong", { class: "mr-auto" }, `Note ${inline.label}`),
        el("a", { href: `#b-${note.id}`, class: "text-brand underline" }, "Go to the note"),
        el("button", { type: "button", popovertarget: popoverId, popovertargetaction: "hide", class: "text-grey-7 underline" }, "Close"),
      ),
      el("span", { class: "block px-4 py-3" }, text),
    ),
  );
}

function callId(block: Block, inlineIndex: number): string {
  return `call-${block.id}-${inlineIndex}`;
}

/** The id of the first call of each note, so a note can link back to where it was called. */
function firstCallIds(blocks: Block[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const block of blocks) {
    block.inlines.forEach((inline, index) => {
      if (inline.type === "noteCall" && inline.noteId && !first.has(inline.noteId)) first.set(inline.noteId, callId(block, index));
    });
  }
  return first;
}

/** Consecutive notes, list items or bibliography entries form one run; other blocks stand alone. */
function groupRuns(blocks: Block[]): Block[][] {
  const grouped = new Set(["note", "listItem", "bibliography"]);
  const runs: Block[][] = [];
  for (const block of blocks) {
    const last = runs[runs.length - 1];
    if (last && grouped.has(block.type) && last[0].type === block.type) last.push(block);
    else runs.push([block]);
  }
  return runs;
}

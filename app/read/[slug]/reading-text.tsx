import type { Block, Inline } from "@/lib/documents/schema";

/**
 * Renders a reading's blocks. Every block element carries `data-block`, `data-start` and
 * `data-end`; inside it, the text outside `data-noanchor` chrome is exactly the canonical
 * text of that span, which is what anchoring relies on.
 */
export function ReadingText({ blocks }: { blocks: Block[] }) {
  const firstCall = firstCallIds(blocks);
  const notesById = new Map(blocks.filter((block) => block.type === "note").map((note) => [note.id, note]));

  return (
    <div className="font-reading text-[1.125rem] leading-[1.7] text-grey-9">
      {groupRuns(blocks).map((run, index) => {
        const first = run[0];
        if (first.type === "note") {
          const headed = blocks[blocks.indexOf(first) - 1]?.type === "heading";
          return <NotesSection key={first.id} notes={run} headed={headed} firstCall={firstCall} notesById={notesById} />;
        }
        if (first.type === "listItem" || first.type === "bibliography") {
          return (
            <ul
              key={first.id}
              aria-label={first.type === "bibliography" ? "Bibliography" : undefined}
              className={first.type === "bibliography" ? "my-4 space-y-2 text-[0.95rem] leading-relaxed" : "my-4 list-disc space-y-1 pl-6"}
            >
              {run.map((block) => (
                <li key={block.id} {...blockAttributes(block)} className={block.type === "bibliography" ? "pl-6 -indent-6" : undefined}>
                  <Inlines block={block} notesById={notesById} />
                </li>
              ))}
            </ul>
          );
        }
        return <BodyBlock key={first.id ?? index} block={first} notesById={notesById} />;
      })}
    </div>
  );
}

/** A run of notes: numbered, each leading back to where it is first called. */
function NotesSection({
  notes,
  headed,
  firstCall,
  notesById,
}: {
  notes: Block[];
  headed: boolean;
  firstCall: Map<string, string>;
  notesById: NotesById;
}) {
  return (
    <section aria-label="Notes" className="mt-8 border-t border-grey-3 pt-6 text-[0.95rem] leading-relaxed">
      {!headed && (
        <h2 data-noanchor className="mb-4 font-sans text-base font-semibold text-grey-8">
          Notes
        </h2>
      )}
      <ol className="space-y-3">
        {notes.map((note) => (
          <li key={note.id} {...blockAttributes(note)} className="flex gap-2 target:bg-yellow-light">
            <span data-noanchor className="min-w-[2.5rem] shrink-0 text-right font-sans text-sm text-grey-6">
              {note.label}.
            </span>
            <span>
              <Inlines block={note} notesById={notesById} />
              {firstCall.has(note.id) && (
                <a
                  data-noanchor
                  href={`#${firstCall.get(note.id)}`}
                  className="ml-2 font-sans text-sm text-brand underline"
                  aria-label={`Back to the text of note ${note.label}`}
                >
                  ↩ back
                </a>
              )}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

type NotesById = Map<string, Block>;

function BodyBlock({ block, notesById }: { block: Block; notesById: NotesById }) {
  const content = <Inlines block={block} notesById={notesById} />;
  switch (block.type) {
    case "heading": {
      // The reading's title is the page's h1, so the reading's own headings start at h2.
      const level = Math.min(6, (block.level ?? 1) + 1);
      const Tag = `h${level}` as "h2";
      return (
        <Tag {...blockAttributes(block)} className="mb-3 mt-10 font-sans text-xl font-semibold leading-snug text-grey-9">
          {content}
        </Tag>
      );
    }
    case "blockquote":
      return (
        <blockquote {...blockAttributes(block)} className="my-6 border-l-4 border-grey-3 pl-4 text-[1rem] text-grey-8">
          {content}
        </blockquote>
      );
    case "caption":
      return (
        <p {...blockAttributes(block)} className="my-4 font-sans text-sm italic text-grey-7">
          {content}
        </p>
      );
    default:
      return (
        <p {...blockAttributes(block)} className="my-4">
          {content}
        </p>
      );
  }
}

function Inlines({ block, notesById }: { block: Block; notesById: NotesById }) {
  return block.inlines.map((inline, index) =>
    inline.type === "text" ? (
      inline.text
    ) : (
      <NoteCall key={index} inline={inline} id={callId(block, index)} note={inline.noteId ? notesById.get(inline.noteId) : undefined} />
    ),
  );
}

/** A note call: opens its note in a popover (no script needed) with a link to the notes. */
function NoteCall({ inline, id, note }: { inline: Extract<Inline, { type: "noteCall" }>; id: string; note?: Block }) {
  if (!note) {
    return (
      <sup data-noanchor className="ml-px font-sans text-[0.7em] text-grey-6">
        {inline.label}
      </sup>
    );
  }
  const popoverId = `pop-${id}`;
  return (
    <sup data-noanchor className="ml-px font-sans text-[0.75em]">
      <button
        type="button"
        id={id}
        popoverTarget={popoverId}
        aria-label={`Note ${inline.label}`}
        className="inline-block rounded px-0.5 py-px font-semibold leading-none text-brand underline decoration-dotted hover:bg-yellow-light focus-visible:outline-2 focus-visible:outline-blue-focus"
      >
        {inline.label}
      </button>
      <span
        id={popoverId}
        popover="auto"
        role="note"
        aria-label={`Note ${inline.label}`}
        className="m-auto max-h-[80vh] w-[min(28rem,calc(100vw-2rem))] overflow-y-auto rounded-lg border border-grey-3 bg-white p-0 text-left font-sans text-sm leading-relaxed text-grey-9 shadow-lg"
      >
        <span className="sticky top-0 flex items-center gap-4 border-b border-grey-2 bg-white px-4 py-2">
          <strong className="mr-auto">Note {inline.label}</strong>
          <a href={`#b-${note.id}`} className="text-brand underline">
            Go to the note
          </a>
          <button type="button" popoverTarget={popoverId} popoverTargetAction="hide" className="text-grey-7 underline">
            Close
          </button>
        </span>
        <span className="block px-4 py-3">{note.inlines.map((part) => (part.type === "text" ? part.text : ""))}</span>
      </span>
    </sup>
  );
}

function blockAttributes(block: Block) {
  return { id: `b-${block.id}`, "data-block": block.id, "data-start": block.start, "data-end": block.end };
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

import { matchNoteCall } from "./note-calls";
import type { Inline } from "./schema";

/** A block's text as the canonical text holds it, and where its note calls sit in it. */
export type InlineContent = { text: string; calls: { offset: number; label: string }[] };

type Piece =
  | { kind: "text"; text: string }
  | { kind: "call"; label: string }
  | { kind: "stars"; count: number; canOpen: boolean; canClose: boolean; markup: boolean };

const asciiPunctuation = /[!-/:-@[-`{-~]/;
const autolink = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/y;

/**
 * Reads the inline Markdown of one block: note calls `[^12]` come out as calls (chrome, not
 * text); `*emphasis*` and `**strong**` markers, backslash escapes (`\$`) and autolink
 * brackets (`<https://…>`) are markup and leave only their text. Whitespace runs become one
 * space and the ends are trimmed, so the text is the block's words with single spaces.
 */
export function readInlineContent(source: string): InlineContent {
  const pieces = pairEmphasis(tokenize(source));
  // Built as parts with a running length: appending to one string and asking
  // `endsWith` each time is quadratic in the block's length.
  const parts: string[] = [];
  let length = 0;
  let endsWithSpace = false;
  const calls: InlineContent["calls"] = [];
  const append = (chunk: string) => {
    for (const run of chunk.split(/(\s+)/)) {
      if (run === "") continue;
      if (/^\s/.test(run)) {
        if (length > 0 && !endsWithSpace) {
          parts.push(" ");
          length += 1;
          endsWithSpace = true;
        }
      } else {
        parts.push(run);
        length += run.length;
        endsWithSpace = false;
      }
    }
  };
  for (const piece of pieces) {
    if (piece.kind === "text") append(piece.text);
    else if (piece.kind === "stars") append(piece.markup ? "" : "*".repeat(piece.count));
    // A call written after a space (`word [^3]`) belongs to the word before it.
    else calls.push({ offset: endsWithSpace ? length - 1 : length, label: piece.label });
  }
  let text = parts.join("");
  if (endsWithSpace) text = text.slice(0, -1);
  for (const call of calls) call.offset = Math.min(call.offset, text.length);
  return { text, calls };
}

/**
 * Splits a block's text at its calls into inlines whose offsets index the canonical text
 * (the block starts at `start`). Empty text pieces are left out.
 */
export function buildInlines(
  content: InlineContent,
  start: number,
  noteIdFor: (label: string) => string | null,
): Inline[] {
  const inlines: Inline[] = [];
  let cursor = 0;
  const pushText = (until: number) => {
    if (until > cursor) {
      inlines.push({ type: "text", text: content.text.slice(cursor, until), start: start + cursor, end: start + until });
      cursor = until;
    }
  };
  for (const call of content.calls) {
    pushText(call.offset);
    inlines.push({ type: "noteCall", label: call.label, noteId: noteIdFor(call.label) });
  }
  pushText(content.text.length);
  return inlines;
}

function tokenize(source: string): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === "\\" && i + 1 < source.length && asciiPunctuation.test(source[i + 1])) {
      pieces.push({ kind: "text", text: source[i + 1] });
      i += 2;
      continue;
    }
    const call = ch === "[" ? matchNoteCall(source, i) : null;
    if (call) {
      pieces.push({ kind: "call", label: call.label });
      i += call.length;
      continue;
    }
    if (ch === "<") {
      autolink.lastIndex = i;
      const link = autolink.exec(source);
      if (link) {
        pieces.push({ kind: "text", text: link[1] });
        i += link[0].length;
        continue;
      }
    }
    if (ch === "*") {
      let end = i;
      while (source[end] === "*") end++;
      const before = source[i - 1];
      const after = source[end];
      pieces.push({
        kind: "stars",
        count: end - i,
        canOpen: after !== undefined && !/\s/.test(after),
        canClose: before !== undefined && !/\s/.test(before),
        markup: false,
      });
      i = end;
      continue;
    }
    pieces.push({ kind: "text", text: ch });
    i++;
  }
  return pieces;
}

/** Pairs `*` runs of equal length into emphasis markup; unpaired runs stay literal text. */
function pairEmphasis(pieces: Piece[]): Piece[] {
  const openers: Extract<Piece, { kind: "stars" }>[] = [];
  for (const piece of pieces) {
    if (piece.kind !== "stars") continue;
    const match = piece.canClose ? openers.findLastIndex((opener) => opener.count === piece.count) : -1;
    if (match >= 0) {
      openers[match].markup = true;
      piece.markup = true;
      openers.length = match;
    } else if (piece.canOpen) {
      openers.push(piece);
    }
  }
  return pieces;
}

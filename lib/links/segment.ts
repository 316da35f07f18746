/**
 * Cuts any plain text into sentences and passages with UTF-16 offsets into it. Works on
 * cleaned readings (one paragraph per line) and on raw conversions: hard-wrapped lines
 * are joined, page numbers, separator lines and running headers (short lines repeated
 * three times or more) are skipped, and notes, headings and back matter are told apart.
 */

export type BlockKind = "body" | "heading" | "note" | "back";

/** `parts`: the sentence's text without skipped lines (running headers, page numbers) inside it. */
export type Sentence = { start: number; end: number; block: number; kind: BlockKind; parts: [number, number][] };

/** A run of consecutive sentences of one block: what a suggestion points at. */
export type Passage = { start: number; end: number; first: number; last: number; kind: BlockKind };

type Line = { start: number; end: number; text: string };

const TERMINAL = /[.!?:;"”’)\]]\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\^?\w+\]|\d{1,3})?$/u;
const NOTE_LABEL = /^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+\.?\s|\[\^?\w{1,4}\]:?\s|\d{1,3}\.\s)/u;
const LIST_ITEM = /^(?:[-•–*]\s|\d{1,3}\.\s)/u;
const BACK_MATTER = /^(?:bibliography|references|works cited|sources|notes|endnotes?|footnotes|literature)\s*[:.]?$/i;
const SHORT_LINE = 50;

/** A long sentence is cut near this many characters (suggestion spans stay ≲1,500). */
export const MAX_SENTENCE = 1_200;

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    const raw = text.slice(pos, nl);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    lines.push({ start: pos + lead, end: pos + lead + trimmed.length, text: trimmed });
    pos = nl + 1;
  }
  return lines;
}

/** Lines that are conversion furniture rather than prose. */
function furniture(lines: Line[]): Set<number> {
  const counts = new Map<string, number>();
  for (const l of lines) if (l.text && l.text.length <= 120) counts.set(l.text, (counts.get(l.text) ?? 0) + 1);
  const skip = new Set<number>();
  lines.forEach((l, i) => {
    if (!l.text) return;
    if (/^\d{1,4}$/.test(l.text) || /^[-–—_=*•~·.]+$/.test(l.text) || (counts.get(l.text) ?? 0) >= 3) skip.add(i);
  });
  return skip;
}

type Block = { pieces: [number, number][]; kind: BlockKind };

/** A short line of a few words followed by a capitalised one: a heading or byline, not a wrap. */
const looksLikeTitle = (line: string, next: string) =>
  line.length < SHORT_LINE && line.split(/\s+/).length <= 6 && /^["“‘'(\[]?\p{Lu}/u.test(next);

/** Joins wrapped lines into blocks (paragraphs, headings, notes). */
function blocksOf(text: string): Block[] {
  const lines = linesOf(text);
  const skip = furniture(lines);
  // A line much shorter than the text's wrapping width ends its block (headings, bylines).
  const lengths = lines.filter((l) => l.text).map((l) => l.text.length).sort((a, b) => a - b);
  const wrapWidth = lengths.length ? lengths[Math.floor(0.9 * (lengths.length - 1))] : 0;
  const shortLine = Math.min(SHORT_LINE, wrapWidth / 2);
  const blocks: Block[] = [];
  let current: Block | null = null;
  let prev: Line | null = null;
  let inBack = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.text || skip.has(i)) continue;
    const startsNew =
      !current || !prev || TERMINAL.test(prev.text) || prev.text.length < shortLine || looksLikeTitle(prev.text, line.text) ||
      NOTE_LABEL.test(line.text) || LIST_ITEM.test(line.text);
    if (startsNew) {
      if (current) blocks.push(current);
      current = { pieces: [], kind: NOTE_LABEL.test(line.text) ? "note" : "body" };
    }
    current!.pieces.push([line.start, line.end]);
    prev = line;
  }
  if (current) blocks.push(current);
  for (const block of blocks) {
    const [s, e] = block.pieces[0];
    const only = block.pieces.length === 1 ? text.slice(s, e) : "";
    if (only && BACK_MATTER.test(only)) {
      block.kind = "heading";
      inBack = true;
      continue;
    }
    if (only && only.length < 80 && !TERMINAL.test(only) && only.split(/\s+/).length <= 10) block.kind = "heading";
    else if (inBack && block.kind === "body") block.kind = "back";
  }
  return blocks;
}

// Words whose final dot does not end a sentence.
const ABBREVIATIONS = new Set(
  ("mr mrs ms dr gen lt col maj capt adm sgt st vol vols no nos pp p ed eds trans rev cf vs etc al fig figs jan feb mar apr " +
    "jun jul aug sep sept oct nov dec inc co corp jr sr prof ibid op cit ch pt esp approx ca c e g i").split(" "),
);

const BOUNDARY =
  /[.!?]+["”’')\]]*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\^?\w{1,4}\]|\d{1,3}(?=\s))?(?=\s+["“‘'(\[]?[\p{Lu}\d])/gu;

/** Sentence spans within one block's pieces of text. */
function sentencesOfBlock(text: string, block: Block, index: number, out: Sentence[]): void {
  // A virtual string with the block's pieces joined by spaces, and a map back to offsets.
  const parts: string[] = [];
  const origin: number[] = [];
  for (const [s, e] of block.pieces) {
    if (parts.length) {
      parts.push(" ");
      origin.push(s - 1);
    }
    parts.push(text.slice(s, e));
    for (let k = s; k < e; k++) origin.push(k);
  }
  const v = parts.join("");
  const cuts: number[] = [0];
  if (block.kind !== "heading") {
    BOUNDARY.lastIndex = 0;
    for (let m = BOUNDARY.exec(v); m; m = BOUNDARY.exec(v)) {
      const before = /([\p{L}]+)\.[^.]*$/u.exec(v.slice(Math.max(0, m.index - 12), m.index + 1));
      if (m[0].startsWith(".") && before && (ABBREVIATIONS.has(before[1].toLowerCase()) || before[1].length === 1)) continue;
      cuts.push(m.index + m[0].length);
    }
  }
  cuts.push(v.length);
  for (let c = 0; c + 1 < cuts.length; c++) {
    let s = cuts[c];
    const e = cuts[c + 1];
    while (s < e && /\s/.test(v[s])) s++;
    for (let from = s; from < e; ) {
      const to = e - from > MAX_SENTENCE * 1.25 ? cutLong(v, from, e) : e;
      const trimmedTo = v.slice(from, to).trimEnd().length + from;
      if (/\p{L}/u.test(v.slice(from, trimmedTo))) {
        const start = origin[from];
        const end = origin[trimmedTo - 1] + 1;
        const parts = block.pieces
          .filter(([ps, pe]) => pe > start && ps < end)
          .map(([ps, pe]) => [Math.max(ps, start), Math.min(pe, end)] as [number, number]);
        out.push({ start, end, block: index, kind: block.kind, parts });
      }
      from = to;
      while (from < e && /\s/.test(v[from])) from++;
    }
  }
}

/** Where to cut an over-long sentence: a semicolon or comma, else a space, near MAX_SENTENCE. */
function cutLong(v: string, from: number, to: number): number {
  const window = v.slice(from, from + MAX_SENTENCE);
  for (const mark of ["; ", ", ", " "]) {
    const at = window.lastIndexOf(mark);
    if (at > MAX_SENTENCE / 2) return from + at + mark.length;
  }
  return Math.min(to, from + MAX_SENTENCE);
}

/** Every sentence of the text, in order. */
export function segmentSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  blocksOf(text).forEach((block, i) => sentencesOfBlock(text, block, i, out));
  return out;
}

/**
 * Passages: for each sentence, the longest runs of sentences of its block starting there
 * that fit each of `sizes` characters (a single sentence always fits). Headings are left
 * out; duplicates (a short block gives the same run for every size) are dropped.
 */
export function passagesOf(
  sentences: Pick<Sentence, "start" | "end" | "block" | "kind">[],
  sizes: number[] = [700, 1_400],
): Passage[] {
  const out: Passage[] = [];
  for (let i = 0; i < sentences.length; i++) {
    if (sentences[i].kind === "heading") continue;
    let previous = -1;
    for (const size of sizes) {
      let j = i;
      while (j + 1 < sentences.length && sentences[j + 1].block === sentences[i].block && sentences[j + 1].end - sentences[i].start <= size) j++;
      if (j === previous) continue;
      previous = j;
      out.push({ start: sentences[i].start, end: sentences[j].end, first: i, last: j, kind: sentences[i].kind });
    }
  }
  return out;
}

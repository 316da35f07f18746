// Per-reading cleaning rules for scripts/clean-readings.ts. Every rule names raw lines by
// number and states the text it expects there, so a changed source fails loudly instead of
// being cleaned wrongly. Only conversion damage is removed; nothing is reworded.
import type { DocumentKind } from "../lib/documents/schema";

/** A note call found in a raw line (`at` is the UTF-16 index in that line). */
export type FoundCall = { line: number; at: number; text: string; label: string };
/** A note's label as written at the start of its text, and what of the line moves to the notes. */
export type FoundNote = {
  line: number;
  label: string;
  /** The label as written (`¹²⁸`, `1.`, `[12]`, `[1:`); absent when the source lost it. */
  labelText?: string;
  labelAt?: number;
  /** For a note written inside a body line: the span [from, to) that moves to the notes. */
  span?: { from: number; to: number; closing: number };
};
export type Fragment = { line: number; text: string; after?: string; atEnd?: boolean; reason: string };

export type ReadingRules = {
  source: string;
  slug: string;
  meta: { title?: string; titleSupplied?: boolean; author: string; publication?: string; year?: number; kind: DocumentKind };
  /** Lines holding the title, moved into the front matter. */
  titleLines?: number[];
  removeLines?: { line: number; text: string; reason: string }[];
  removeFragments?: Fragment[];
  /** Superscript digits that are not calls and stay as written. */
  literals?: Fragment[];
  headings?: Record<number, 1 | 2 | 3>;
  quotes?: number[];
  captions?: number[];
  items?: number[];
  /** A line whose block continues in the next kept line of the same stream (body or notes). */
  joins?: number[];
  findCalls: (lines: string[], isCallLine: (line: number) => boolean) => FoundCall[];
  findNotes?: (lines: string[]) => FoundNote[];
  /** Whether notes move to a notes section at the end (they stand mid-text or before other text). */
  moveNotes?: boolean;
  expectedCalls: string[];
  expectedNotes: string[];
};

const SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
/** `¹²⁸` → `128`; ASCII digits stay as they are. */
export const fromSuperscript = (text: string) =>
  [...text].map((ch) => (SUPERSCRIPTS.includes(ch) ? String(SUPERSCRIPTS.indexOf(ch)) : ch)).join("");
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
const odd = (from: number, to: number) => Array.from({ length: (to - from) / 2 + 1 }, (_, i) => from + 2 * i);

/** Superscript runs in lines that may hold calls. Runs to skip are removed or kept before. */
function superscriptCalls(lines: string[], isCallLine: (line: number) => boolean): FoundCall[] {
  const calls: FoundCall[] = [];
  lines.forEach((text, index) => {
    if (!isCallLine(index + 1)) return;
    for (const match of text.matchAll(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g)) {
      calls.push({ line: index + 1, at: match.index, text: match[0], label: fromSuperscript(match[0]) });
    }
  });
  return calls;
}

/** `[12]` calls. */
function bracketCalls(pattern: RegExp) {
  return (lines: string[], isCallLine: (line: number) => boolean): FoundCall[] =>
    lines.flatMap((text, index) =>
      isCallLine(index + 1)
        ? [...text.matchAll(pattern)].map((m) => ({ line: index + 1, at: m.index, text: m[0], label: m[1] }))
        : [],
    );
}

/**
 * Bare digits glued to punctuation (`October 7.1`, `parallel.”2`), taken in sequence: the
 * run must directly follow punctuation (numbers in prose follow a space) but not a digit and a
 * comma (`90,000`), and the runs must count 1, 2, 3… with nothing left over.
 */
function sequentialBareCalls(last: number) {
  return (lines: string[], isCallLine: (line: number) => boolean): FoundCall[] => {
    const candidates = lines.flatMap((text, index) =>
      isCallLine(index + 1)
        ? [...text.matchAll(/(?<=[.,;:!?”’“)\]…])(?<!\d,)(\d{1,3})(?!\d)/g)].map((m) => ({ line: index + 1, at: m.index, text: m[1], label: m[1] }))
        : [],
    );
    const calls: FoundCall[] = [];
    for (const candidate of candidates) if (Number(candidate.label) === calls.length + 1) calls.push(candidate);
    if (calls.length !== last || candidates.length !== last) {
      throw new Error(`expected ${last} bare-digit calls, found ${calls.length} in sequence among ${candidates.length} candidates`);
    }
    return calls;
  };
}

const pochhammer: ReadingRules = {
  source: "000_e487ecccda30ba06.txt",
  slug: "pochhammer-crossing-the-parallel",
  meta: { author: "Justus L. Pochhammer", publication: "Global Affairs Review", year: 2025, kind: "article" },
  titleLines: [1, 3],
  removeLines: [
    { line: 29, text: "44", reason: "stray page number" },
    { line: 37, text: "-", reason: "separator line introducing page-foot notes" },
    { line: 53, text: "-", reason: "separator line introducing page-foot notes" },
    { line: 107, text: "-", reason: "separator line introducing page-foot notes" },
  ],
  headings: { 7: 2, 31: 2, 57: 2, 63: 2, 83: 2, 95: 2, 117: 2, 148: 2, 156: 2 },
  quotes: [33],
  captions: [140],
  items: [158, 159, 160, 161, 162, 163, 166, 167, 168, 169, 171, 172, 173, 174, 175, 176, 179, 180, 185, 188, 190, 191, 192, 193, 194, 195, 196],
  // About the Author and the citation are hard-wrapped; the rest are paragraphs and
  // bibliography entries cut by a page break (and a page-foot note) or wrapped onto a new line.
  joins: [9, 11, 13, 15, 19, 21, 45, 65, 77, 91, 99, 105, 123, 132, 144, 163, 176, 180, 182, 185],
  findCalls: superscriptCalls,
  findNotes: (lines) =>
    [39, 41, 47, 55, 67, 109].map((line) => {
      const label = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+/.exec(lines[line - 1]);
      // Line 41 is note 129 (it explains "Volunteer¹²⁹"): its label was lost at the page foot.
      return label ? { line, label: fromSuperscript(label[0]), labelText: label[0], labelAt: 0 } : { line, label: "129" };
    }),
  moveNotes: true,
  expectedCalls: range(128, 133),
  expectedNotes: range(128, 133),
};

const excerpt: ReadingRules = {
  source: "001_f6e5e2ffb3ef024a.txt",
  slug: "book-excerpt-crossing-the-parallel",
  meta: {
    title: "Crossing the 38th Parallel and China's Entry into the War, September–November 1950",
    titleSupplied: true,
    author: "Unknown",
    kind: "book excerpt",
  },
  captions: [5, 27],
  findCalls: sequentialBareCalls(54),
  expectedCalls: range(1, 54),
  expectedNotes: [],
};

const kimBody = (line: number) => line < 225;
const kim: ReadingRules = {
  source: "002_1124eec32e2a075a.txt",
  slug: "kim-origins-of-the-korean-war",
  meta: { author: "Youngho Kim", kind: "article" },
  titleLines: [3],
  removeLines: [
    { line: 159, text: "11", reason: "stray page number" },
    { line: 350, text: "24", reason: "stray page number" },
    { line: 394, text: "26", reason: "stray page number" },
  ],
  // Page numbers the conversion glued into the text, some as superscripts (the page
  // sequence 2, 3, 4, 5, 6, 9, 10, 11, 15 in the body and 17–28 in the notes gives them away).
  removeFragments: [
    { line: 19, text: "²", atEnd: true, reason: "stray page number (2), superscripted" },
    { line: 35, text: "³", after: "a neglected thread in", reason: "stray page number (3), superscripted" },
    { line: 51, text: "4", atEnd: true, reason: "stray page number" },
    { line: 65, text: "5", atEnd: true, reason: "stray page number" },
    { line: 81, text: "⁶", after: "On August 5,", reason: "stray page number (6), superscripted" },
    { line: 129, text: "⁹", after: "before a more", reason: "stray page number (9), superscripted" },
    { line: 143, text: "¹⁰", after: "in the southwest", reason: "stray page number (10), superscripted" },
    { line: 213, text: "15", atEnd: true, reason: "stray page number" },
    { line: 227, text: "¹⁷", atEnd: true, reason: "stray page number (17), superscripted" },
    { line: 236, text: "18", atEnd: true, reason: "stray page number" },
    { line: 258, text: "¹⁹", atEnd: true, reason: "stray page number (19), superscripted" },
    { line: 291, text: "²¹", after: "additional reinforcements", reason: "stray page number (21), superscripted" },
    { line: 302, text: "²²", after: "critical of Kim's", reason: "stray page number (22), superscripted" },
    { line: 332, text: "²³", atEnd: true, reason: "stray page number (23), superscripted" },
    { line: 368, text: "²⁵", after: "“without dropping", reason: "stray page number (25), superscripted" },
    { line: 412, text: "²⁷", after: "June 27, 1950,", reason: "stray page number (27), superscripted" },
    { line: 436, text: "28", atEnd: true, reason: "stray page number" },
  ],
  // Inside note 7: neither a page number (page 18 ends this note) nor a call, so kept as written.
  literals: [{ line: 236, text: "⁷", after: "the Third image", reason: "superscript of unclear origin, kept" }],
  headings: { 27: 2, 57: 2, 93: 2, 139: 2, 195: 2, 225: 2 },
  quotes: [33, 49, 63, 79, 83, 107, 115, 125, 147, 161, 179, 203, 217],
  joins: [15, 23, 41, 71, 87, 119, 135, 149, 175, 189, 205, 219, 232, 296, 316, 340],
  findCalls: (lines, isCallLine) => superscriptCalls(lines, (line) => kimBody(line) && isCallLine(line)),
  findNotes: (lines) =>
    lines.flatMap((text, index) => {
      const match = index + 1 > 225 ? /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d+)\./.exec(text) : null;
      return match ? [{ line: index + 1, label: fromSuperscript(match[1]), labelText: match[0], labelAt: 0 }] : [];
    }),
  expectedCalls: range(1, 116),
  expectedNotes: range(1, 116),
};

const COSTA_TITLE = "Who wanted to go to war over Korea in 1950?";
const costaHeaders = [3, 27, 45, 65, 83, 125, 163, 205].flatMap((line) => [
  { line, text: COSTA_TITLE, reason: "running header (title)" },
  { line: line + 2, text: "Written by Anna Costa", reason: "running header (author)" },
]);
const costa: ReadingRules = {
  source: "003_c4dec05b3f837a60.txt",
  slug: "costa-who-wanted-war",
  meta: { author: "Anna Costa", publication: "E-International Relations", year: 2011, kind: "essay" },
  titleLines: [9],
  removeLines: [
    ...costaHeaders,
    {
      line: 7,
      text: "This PDF is auto-generated for reference only. As such, it may contain some conversion errors and/or missing information. For all formal use please refer to the official version on the website, as linked below.",
      reason: "PDF disclaimer",
    },
    {
      line: 11,
      text: "<https://www.e-ir.info/2011/08/18/who-wanted-to-go-to-war-over-korea-in-1950/>",
      reason: "the link the PDF disclaimer points to (part of the PDF boilerplate)",
    },
  ],
  headings: { 21: 2, 55: 2, 73: 2, 89: 2, 91: 3, 113: 3 },
  items: [...odd(95, 111), ...odd(115, 123), ...odd(129, 139)],
  joins: [25, 43, 63, 203],
  findCalls: (lines, isCallLine) => bracketCalls(/\[(\d+)\]/g)(lines, (line) => line < 89 && isCallLine(line)),
  findNotes: (lines) =>
    lines.flatMap((text, index) => {
      const match = index + 1 > 140 ? /^\[(\d+)\]/.exec(text) : null;
      return match ? [{ line: index + 1, label: match[1], labelText: match[0], labelAt: 0 }] : [];
    }),
  moveNotes: true, // the closing byline follows the notes in the source
  expectedCalls: range(1, 40),
  expectedNotes: range(1, 40),
};

const podcast: ReadingRules = {
  source: "004_0da7ce69efcb0ece.txt",
  slug: "korean-war-podcast-episode-30",
  meta: { author: "Zack", publication: "The Korean War (podcast)", kind: "transcript" },
  titleLines: [1],
  quotes: [20],
  findCalls: bracketCalls(/\[footnoteRef:(\d+)\]/g),
  // Word's footnote export: each note is written `[1:  text]` at the end of its paragraph.
  findNotes: (lines) =>
    lines.flatMap((text, index) => {
      const match = /\[(\d+):\s+[^\]]*(\])\s*$/.exec(text);
      if (!match) return [];
      const closing = match.index + match[0].lastIndexOf("]");
      const labelText = `[${match[1]}:`;
      return [{ line: index + 1, label: match[1], labelText, labelAt: match.index, span: { from: match.index, to: closing + 1, closing } }];
    }),
  moveNotes: true,
  expectedCalls: range(1, 4),
  expectedNotes: range(1, 4),
};

/** The five readings, in library order. */
export const readings: ReadingRules[] = [pochhammer, excerpt, kim, costa, podcast];

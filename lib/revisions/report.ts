import type { Selector, TextPositionSelector, TextQuoteSelector } from "@/lib/anchoring/types";
import type { AnchorStatus } from "@/lib/annotations/schema";
import type { Subject } from "@/lib/revisions/subjects";

/**
 * The revision report: what a new version of a reading does to the seminar's work.
 * Every anchored item the reader of the report may see is listed with its passage
 * before and after, and counted as staying where it was, moving, or orphaned. Pure:
 * the same function reports a revision before it is published (from the placements
 * it will store) and after (from the placements stored).
 */

export type ItemStatus = "stays" | "moves" | "orphaned";
export type StatusCounts = Record<ItemStatus, number>;

/** A passage in its text, with a little context either side. */
export type PassageSide = { before: string; quote: string; after: string };

export type ReportItem = Omit<Subject, "key"> & { status: ItemStatus; old: PassageSide; new: PassageSide | null };

export type RevisionReport = {
  fromVersion: number;
  toVersion: number;
  /** Blocks (paragraphs, headings, notes…) of the old text kept as they were, new or edited, and gone or edited. */
  blocks: { kept: number; added: number; removed: number };
  counts: { notes: StatusCounts; replies: StatusCounts; links: StatusCounts; questions: StatusCounts };
  /** Orphaned first, then moved, then staying; within each, in the old text's order. */
  items: ReportItem[];
};

/** Where an item lands: its status and, unless orphaned, its span in the new text. */
export type Landing = { anchorStatus: AnchorStatus; start?: number; end?: number };

export type ReportInput = {
  fromVersion: number;
  toVersion: number;
  oldText: string;
  newText: string;
  oldBlockIds: string[];
  newBlockIds: string[];
  subjects: Subject[];
  /** Selectors of each item's placement on the old version, by subject key. */
  oldSelectors: Map<string, Selector[]>;
  /** Each item's placement on the new version, by subject key. */
  landings: Map<string, Landing>;
};

const CONTEXT_CHARS = 60;
const statusOf: Record<AnchorStatus, ItemStatus> = { anchored: "stays", reanchored: "moves", orphaned: "orphaned" };
const order: Record<ItemStatus, number> = { orphaned: 0, moves: 1, stays: 2 };
const zero = (): StatusCounts => ({ stays: 0, moves: 0, orphaned: 0 });

/** Builds the report; subjects with no placement on both versions are not part of this revision and are left out. */
export function buildReport(input: ReportInput): RevisionReport {
  const counts = { notes: zero(), replies: zero(), links: zero(), questions: zero() };
  const placed: { item: ReportItem; at: number }[] = [];
  for (const subject of input.subjects) {
    const selectors = input.oldSelectors.get(subject.key);
    const landing = input.landings.get(subject.key);
    if (!selectors || !landing) continue;
    const status = statusOf[landing.anchorStatus];
    const { key: _key, ...rest } = subject;
    const old = sideInText(input.oldText, selectors);
    const next = landing.start !== undefined && landing.end !== undefined ? side(input.newText, landing.start, landing.end) : null;
    placed.push({ item: { ...rest, status, old: old.side, new: next }, at: old.at });
    counts[`${subject.kind}s`][status]++;
    if (subject.kind === "note") counts.replies[status] += subject.replies;
  }
  placed.sort((x, y) => order[x.item.status] - order[y.item.status] || x.at - y.at);
  return {
    fromVersion: input.fromVersion,
    toVersion: input.toVersion,
    blocks: compareBlocks(input.oldBlockIds, input.newBlockIds),
    counts,
    items: placed.map((p) => p.item),
  };
}

/** How many blocks the new text keeps, adds and drops (block ids are content hashes). */
export function compareBlocks(oldIds: string[], newIds: string[]) {
  const before = new Set(oldIds);
  const after = new Set(newIds);
  return {
    kept: newIds.filter((id) => before.has(id)).length,
    added: newIds.filter((id) => !before.has(id)).length,
    removed: oldIds.filter((id) => !after.has(id)).length,
  };
}

/** The span start–end of a text with its context. */
export function side(text: string, start: number, end: number): PassageSide {
  return {
    before: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    quote: text.slice(start, end),
    after: text.slice(end, end + CONTEXT_CHARS),
  };
}

/**
 * An item's passage on the version its selectors were made on: where the position
 * selector points when the quote is there (the usual case), else the quote selector's
 * own text and context (an orphan, whose selectors describe a text that has gone).
 */
function sideInText(text: string, selectors: Selector[]): { side: PassageSide; at: number } {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === "TextQuoteSelector");
  const position = selectors.find((s): s is TextPositionSelector => s.type === "TextPositionSelector");
  if (position && (!quote || text.slice(position.start, position.end) === quote.exact)) {
    return { side: side(text, position.start, position.end), at: position.start };
  }
  return { side: { before: quote?.prefix ?? "", quote: quote?.exact ?? "", after: quote?.suffix ?? "" }, at: Number.MAX_SAFE_INTEGER };
}

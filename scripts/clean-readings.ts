// Cleans the raw readings in documents/sources/ into documents/<slug>.md, and writes beside
// each one documents/<slug>.removals.json: every change to the raw text that is not
// whitespace (removed damage, note calls and labels turned into footnote markup, notes
// moved to the notes section, title lines moved into the front matter). The per-reading
// rules live in scripts/reading-rules.ts.
//
//   npx tsx scripts/clean-readings.ts           write the files
//   npx tsx scripts/clean-readings.ts --check   fail if the files differ from what the rules give
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "../lib/documents/parse";
import { readings, type Fragment, type ReadingRules } from "./reading-rules";

/** One change to a raw line. Without `at` it covers the whole line. */
export type Edit = {
  line: number;
  at?: number;
  /** The raw text the edit covers, exactly as in the source ("" for an insertion). */
  text: string;
  action: "remove" | "frontMatter" | "noteCall" | "noteLabel" | "supplyNoteLabel";
  label?: string;
  field?: "title";
  reason?: string;
};
/** Raw text moved to the notes section: a whole line, or the span [from, to) of one. */
export type Move = { line: number; from?: number; to?: number; label: string };
/** What documents/<slug>.removals.json holds. */
export type CleaningRecord = { source: string; edits: Edit[]; moves: Move[] };

type Role = "heading" | "quote" | "caption" | "item" | "note" | "para";
type Unit = { line: number; text: string; role: Role; stream: "body" | "notes"; noteStart: boolean };

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const documentsDir = path.join(repoRoot, "documents");

function locate(lines: string[], fragment: Fragment): number {
  const text = lines[fragment.line - 1];
  if (fragment.atEnd) {
    const trimmed = text.trimEnd();
    if (!trimmed.endsWith(` ${fragment.text}`) && !trimmed.endsWith(fragment.text)) throw new Error(`line ${fragment.line} does not end with ${fragment.text}`);
    return trimmed.length - fragment.text.length;
  }
  const needle = `${fragment.after ?? ""}${fragment.text}`;
  const at = text.indexOf(needle);
  if (at < 0 || text.indexOf(needle, at + 1) >= 0) throw new Error(`line ${fragment.line}: "${needle}" is not there exactly once`);
  return at + (fragment.after ?? "").length;
}

function replacement(edit: Edit): string {
  if (edit.action === "noteCall") return `[^${edit.label}]`;
  if (edit.action === "noteLabel") return `[^${edit.label}]:`;
  if (edit.action === "supplyNoteLabel") return `[^${edit.label}]: `;
  return "";
}

/** Applies the in-line edits that fall in [from, to) of a raw line to that slice. */
function applyEdits(text: string, edits: Edit[], from: number, to: number): string {
  let out = "";
  let cursor = from;
  for (const edit of edits.filter((e) => e.at !== undefined && e.at >= from && e.at < to).sort((a, b) => a.at! - b.at!)) {
    out += text.slice(cursor, edit.at) + replacement(edit);
    cursor = edit.at! + edit.text.length;
  }
  return out + text.slice(cursor, to);
}

/** Works out every edit and move for one reading, checking each against the raw text. */
export function planCleaning(rules: ReadingRules, lines: string[]): CleaningRecord & { title: string } {
  const edits: Edit[] = [];
  const moves: Move[] = [];
  for (const line of rules.titleLines ?? []) edits.push({ line, text: lines[line - 1], action: "frontMatter", field: "title" });
  for (const { line, text, reason } of rules.removeLines ?? []) {
    if (lines[line - 1].trim() !== text) throw new Error(`${rules.source}:${line} is not ${JSON.stringify(text)}`);
    edits.push({ line, text: lines[line - 1], action: "remove", reason });
  }
  const skipped: { line: number; at: number; length: number }[] = [];
  for (const fragment of rules.removeFragments ?? []) {
    const at = locate(lines, fragment);
    edits.push({ line: fragment.line, at, text: fragment.text, action: "remove", reason: fragment.reason });
    skipped.push({ line: fragment.line, at, length: fragment.text.length });
  }
  for (const literal of rules.literals ?? []) skipped.push({ line: literal.line, at: locate(lines, literal), length: literal.text.length });

  const notes = rules.findNotes?.(lines) ?? [];
  for (const note of notes) {
    if (note.labelText !== undefined) edits.push({ line: note.line, at: note.labelAt, text: note.labelText, action: "noteLabel", label: note.label });
    else edits.push({ line: note.line, at: 0, text: "", action: "supplyNoteLabel", label: note.label, reason: "the note's label was lost in the conversion" });
    if (note.span) {
      edits.push({ line: note.line, at: note.span.closing, text: "]", action: "remove", reason: "bracket closing a note written inside the paragraph" });
      moves.push({ line: note.line, from: note.span.from, to: note.span.to, label: note.label });
    } else if (rules.moveNotes) {
      moves.push({ line: note.line, label: note.label });
    }
  }
  const wholeLine = new Set(edits.filter((e) => e.at === undefined).map((e) => e.line));
  // A moved note carries its continuation lines (a note cut by a page break) with it.
  for (const move of [...moves]) {
    let line = move.line;
    while (move.from === undefined && rules.joins?.includes(line)) {
      line = lines.findIndex((text, i) => i + 1 > line && !wholeLine.has(i + 1) && text.trim() !== "") + 1;
      moves.push({ line, label: move.label });
    }
  }
  moves.sort((a, b) => a.line - b.line);
  const noteLines = new Set(notes.filter((n) => !n.span).map((n) => n.line));
  const calls = rules
    .findCalls(lines, (line) => !wholeLine.has(line) && !noteLines.has(line))
    .filter((call) => !skipped.some((s) => s.line === call.line && call.at >= s.at && call.at < s.at + s.length));
  for (const call of calls) edits.push({ line: call.line, at: call.at, text: call.text, action: "noteCall", label: call.label });

  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (!same(calls.map((c) => c.label), rules.expectedCalls)) throw new Error(`${rules.source}: calls ${calls.map((c) => c.label).join(",")}`);
  if (!same(notes.map((n) => n.label), rules.expectedNotes)) throw new Error(`${rules.source}: notes ${notes.map((n) => n.label).join(",")}`);

  edits.sort((a, b) => a.line - b.line || (a.at ?? -1) - (b.at ?? -1));
  const title = (rules.titleLines ?? []).map((line) => lines[line - 1].trim()).join(" ") || rules.meta.title;
  if (!title) throw new Error(`${rules.source}: no title`);
  return { source: rules.source, edits, moves, title };
}

/** Cuts the cleaned raw lines into units (one per kept line or moved span), then joins them. */
function buildUnits(rules: ReadingRules, lines: string[], plan: CleaningRecord): Unit[] {
  const gone = new Set(plan.edits.filter((e) => e.at === undefined).map((e) => e.line));
  const noteStarts = new Set(plan.edits.filter((e) => e.action === "noteLabel" || e.action === "supplyNoteLabel").map((e) => e.line));
  const roleOf = (line: number): Role =>
    rules.headings?.[line] ? "heading" : rules.quotes?.includes(line) ? "quote" : rules.captions?.includes(line) ? "caption" : rules.items?.includes(line) ? "item" : "para";
  const units: Unit[] = [];
  lines.forEach((text, index) => {
    const line = index + 1;
    if (gone.has(line) || text.trim() === "") return;
    const edits = plan.edits.filter((e) => e.line === line);
    const move = plan.moves.find((m) => m.line === line);
    if (move?.from !== undefined) {
      units.push({ line, text: applyEdits(text, edits, 0, move.from) + applyEdits(text, edits, move.to!, text.length), role: roleOf(line), stream: "body", noteStart: false });
      units.push({ line, text: applyEdits(text, edits, move.from, move.to!), role: "note", stream: "notes", noteStart: true });
      return;
    }
    const isNote = noteStarts.has(line);
    units.push({ line, text: applyEdits(text, edits, 0, text.length), role: isNote ? "note" : roleOf(line), stream: move ? "notes" : "body", noteStart: isNote });
  });

  const joined: Unit[] = [];
  const used = new Set<Unit>();
  for (const unit of units) {
    if (used.has(unit)) continue;
    let last = unit;
    while (rules.joins?.includes(last.line)) {
      // A paragraph cut by a page break skips the page-foot notes standing in the gap.
      const next = units.find((u) => u.line > last.line && !used.has(u) && (unit.role === "note" || !u.noteStart));
      if (!next) throw new Error(`${rules.source}:${last.line} joins nothing`);
      unit.text = `${unit.text} ${next.text}`;
      used.add(next);
      last = next;
    }
    joined.push(unit);
  }
  return [...joined.filter((u) => u.stream === "body"), ...joined.filter((u) => u.stream === "notes")];
}

function renderUnit(unit: Unit, rules: ReadingRules): string {
  const text = unit.text.replace(/\s+/g, " ").trim();
  switch (unit.role) {
    case "heading":
      return `${"#".repeat(rules.headings![unit.line])} ${text}`;
    case "quote":
      return `> ${text}`;
    case "caption":
      return `<!-- caption -->\n${text}`;
    case "item":
      return `- ${text.replace(/^- /, "")}`;
    default:
      if (/^(#|>|[-*+] |\[\^[^\]]*\](?!:)|<!--|\d+\. )/.test(text) && unit.role !== "note") throw new Error(`${rules.source}:${unit.line} would read as markup: ${text.slice(0, 40)}`);
      return text;
  }
}

function frontMatter(rules: ReadingRules, title: string, order: number): string {
  const value = (v: string) => (/^\s|\s$|^"/.test(v) ? JSON.stringify(v) : v);
  const { meta } = rules;
  const fields: [string, string | number | boolean | undefined][] = [
    ["title", title],
    ["titleSupplied", meta.titleSupplied],
    ["author", meta.author],
    ["publication", meta.publication],
    ["year", meta.year],
    ["kind", meta.kind],
    ["source", rules.source],
    ["order", order],
  ];
  const body = fields.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${typeof v === "string" ? value(v) : v}`);
  return ["---", ...body, "---"].join("\n");
}

/** Produces the cleaned Markdown and the record for one reading. */
export function cleanReading(rules: ReadingRules, raw: string, order: number): { markdown: string; record: CleaningRecord } {
  const lines = raw.split(/\r?\n/);
  const { title, ...record } = planCleaning(rules, lines);
  const units = buildUnits(rules, lines, record);
  let body = "";
  units.forEach((unit, i) => {
    const tight = unit.role === "item" && units[i - 1]?.role === "item";
    body += (i === 0 ? "" : tight ? "\n" : "\n\n") + renderUnit(unit, rules);
  });
  const markdown = `${frontMatter(rules, title, order)}\n\n${body}\n`;
  const parsed = parseDocument(markdown, `${rules.slug}.md`);
  const calls = parsed.blocks.flatMap((b) => b.inlines.filter((i) => i.type === "noteCall")).length;
  if (calls !== rules.expectedCalls.length) throw new Error(`${rules.slug}: parsed ${calls} calls`);
  return { markdown, record };
}

/** The record as JSON with one edit or move per line, so that a review reads it line by line. */
export function formatRecord(record: CleaningRecord): string {
  const list = (items: object[]) => (items.length ? `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(",\n")}\n  ]` : "[]");
  return `{\n  "source": ${JSON.stringify(record.source)},\n  "edits": ${list(record.edits)},\n  "moves": ${list(record.moves)}\n}\n`;
}

function main() {
  const check = process.argv.includes("--check");
  let stale = 0;
  readings.forEach((rules, order) => {
    const raw = fs.readFileSync(path.join(documentsDir, "sources", rules.source), "utf8");
    const { markdown, record } = cleanReading(rules, raw, order);
    const outputs: [string, string][] = [
      [path.join(documentsDir, `${rules.slug}.md`), markdown],
      [path.join(documentsDir, `${rules.slug}.removals.json`), formatRecord(record)],
    ];
    for (const [file, content] of outputs) {
      const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
      if (current === content) continue;
      if (check) {
        stale++;
        console.error(`stale: ${path.relative(repoRoot, file)}`);
      } else {
        fs.writeFileSync(file, content);
        console.log(`wrote ${path.relative(repoRoot, file)}`);
      }
    }
  });
  if (stale) process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

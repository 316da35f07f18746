// Word fidelity: a cleaned reading holds exactly the raw text's words, in order, minus the
// changes its removals record lists. The record is replayed here on the raw text, with
// every edit's text checked against the source, independently of the cleaning script.
import { describe, expect, it } from "vitest";
import { parseReading, readings, readMarkdown, readRecord, readSource } from "./readings";

type Edit = { line: number; at?: number; text: string; action: string; label?: string; field?: string; reason?: string };
type Move = { line: number; from?: number; to?: number; label: string };
type Record = { source: string; edits: Edit[]; moves: Move[] };

/** What an edit leaves in place of the raw text it covers, in the reading's markup. */
function replacement(edit: Edit): string {
  switch (edit.action) {
    case "remove":
      return "";
    case "noteCall":
      return `[^${edit.label}]`;
    case "noteLabel":
      return `[^${edit.label}]:`;
    case "supplyNoteLabel":
      return `[^${edit.label}]: `;
    default:
      throw new Error(`unexpected in-line edit ${edit.action}`);
  }
}

/** Replays the record: the raw words of the body, of the moved notes, and the title lines. */
function replay(raw: string, record: Record) {
  const lines = raw.split(/\r?\n/);
  const body: string[] = [];
  const notes: string[] = [];
  const titleLines: string[] = [];
  lines.forEach((text, index) => {
    const line = index + 1;
    const edits = record.edits.filter((edit) => edit.line === line);
    const whole = edits.find((edit) => edit.at === undefined);
    if (whole) {
      expect(text, `${record.source}:${line}`).toBe(whole.text);
      if (whole.action === "frontMatter") titleLines.push(text.trim());
      else expect(whole.action).toBe("remove");
      return;
    }
    for (const edit of edits) expect(text.slice(edit.at, edit.at! + edit.text.length), `${record.source}:${line}@${edit.at}`).toBe(edit.text);
    const slice = (from: number, to: number) => {
      let out = "";
      let cursor = from;
      for (const edit of edits.filter((e) => e.at! >= from && e.at! < to).sort((a, b) => a.at! - b.at!)) {
        out += `${text.slice(cursor, edit.at)}${replacement(edit)}`;
        cursor = edit.at! + edit.text.length;
      }
      return out + text.slice(cursor, to);
    };
    // The raw conversions already mark list items with `- `: markup on both sides.
    const unlist = (s: string) => s.replace(/^- /, "");
    const move = record.moves.find((m) => m.line === line);
    if (!move) body.push(unlist(slice(0, text.length)));
    else if (move.from === undefined) notes.push(slice(0, text.length));
    else {
      body.push(`${slice(0, move.from)} ${slice(move.to!, text.length)}`);
      notes.push(slice(move.from, move.to!));
    }
  });
  const words = (parts: string[]) => parts.join(" ").split(/\s+/).filter(Boolean);
  return { words: [...words(body), ...words(notes)], title: titleLines.join(" ") };
}

/** The words of a cleaned reading's body, without the front matter and the block markup. */
function markdownWords(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, "");
  return body
    .split("\n")
    .filter((line) => line.trim() !== "<!-- caption -->")
    .map((line) => line.replace(/^(#{1,3} |> |- )/, ""))
    .join(" ")
    .split(/\s+/)
    .filter(Boolean);
}

function firstDifference(a: string[], b: string[]): string | null {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a[i] !== b[i]) return `word ${i}: reading has ${JSON.stringify(a.slice(i - 5, i + 5).join(" "))}, source gives ${JSON.stringify(b.slice(i - 5, i + 5).join(" "))}`;
  }
  return null;
}

describe.each(readings)("word fidelity of $slug", ({ slug, source }) => {
  const record: Record = readRecord(slug);

  it("names its source", () => {
    expect(record.source).toBe(source);
  });

  it("has the raw words minus exactly the recorded removals, notes moved to the end", () => {
    const { words } = replay(readSource(source), record);
    const cleaned = markdownWords(readMarkdown(slug));
    expect(firstDifference(cleaned, words)).toBeNull();
    expect(cleaned).toEqual(words);
  });

  it("takes its title from the recorded title lines (or marks it supplied)", () => {
    const { title } = replay(readSource(source), record);
    const { meta } = parseReading(slug);
    if (title) expect(meta.title).toBe(title);
    else expect(meta.titleSupplied).toBe(true);
  });

  it("gives a reason for every removal, and removes only what the kinds of damage allow", () => {
    for (const edit of record.edits.filter((e) => e.action === "remove")) {
      expect(edit.reason, JSON.stringify(edit)).toBeTruthy();
      expect(edit.reason).toMatch(/page number|running header|disclaimer|separator|bracket closing a note/);
    }
  });
});

describe("the fidelity check itself", () => {
  it("catches a word dropped from a reading or a record that misstates the source", () => {
    const slug = "korean-war-podcast-episode-30";
    const { words } = replay(readSource("004_0da7ce69efcb0ece.txt"), readRecord(slug));
    const dropped = markdownWords(readMarkdown(slug).replace("history friends patrons", "history patrons"));
    expect(firstDifference(dropped, words)).toMatch(/^word \d+/);
    const lying: Record = readRecord(slug);
    lying.edits[0] = { ...lying.edits[0], text: "Another Title" };
    expect(() => replay(readSource("004_0da7ce69efcb0ece.txt"), lying)).toThrow();
  });
});

describe("removal records", () => {
  const removals = (slug: string) => readRecord(slug).edits.filter((e: Edit) => e.action === "remove");

  it("000 removes one page number and three page-foot separators", () => {
    expect(removals("pochhammer-crossing-the-parallel").map((e: Edit) => e.text)).toEqual(["44", "-", "-", "-"]);
  });

  it("001 removes nothing: its calls become footnote references with no notes", () => {
    expect(removals("book-excerpt-crossing-the-parallel")).toEqual([]);
  });

  it("002 removes only page numbers", () => {
    const texts = removals("kim-origins-of-the-korean-war").map((e: Edit) => e.text);
    expect(texts).toHaveLength(20);
    for (const text of texts) expect(text).toMatch(/^(\d{1,2}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})$/);
  });

  it("003 removes 8 running headers (16 lines), the disclaimer and its link", () => {
    const list = removals("costa-who-wanted-war");
    expect(list.filter((e: Edit) => /running header/.test(e.reason!))).toHaveLength(16);
    expect(list).toHaveLength(18);
  });
});

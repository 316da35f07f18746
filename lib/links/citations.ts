/**
 * Cited works, whatever the citation style: author–date in running text
 * ("(Millett, 2007, p. 7)", "Weathersby (1993, 1995)"), note and bibliography text
 * ("Weathersby K., 'Soviet Aims…' (1993)", "in Alexander Mansourov, … (Winter 1995)",
 * "Goncharov 1993, p.145"), and note calls (¹⁷, [17], [^17]) resolved to their note's
 * works when the text carries its notes. A work is keyed by its first author's surname,
 * with the year when one is given.
 */
import { conceptFor } from "./concepts";
import { MONTHS, NOT_NAMES, STOPWORDS } from "./lexicon";
import { fold } from "./tokens";

export type CitedWork = { author: string; display: string; year?: string };

const YEAR = "(?:1[6-9]|20)\\d\\d[a-z]?";
const YEAR_RE = new RegExp(`\\b${YEAR}\\b`, "g");
const SURNAME = "\\p{Lu}[\\p{L}'’\\-]+";
const SEASONS = new Set(["spring", "summer", "autumn", "fall", "winter"]);

/** The key of an author's surname: folded, spelling variants joined through the concept map. */
export function authorKey(surname: string): string {
  const f = fold(surname).replace(/[^a-z0-9]/g, "");
  const id = conceptFor(f, false);
  return id ? `c:${id}` : f;
}

const plausibleSurname = (word: string): boolean => {
  const f = fold(word);
  return f.length >= 2 && !NOT_NAMES.has(f) && !STOPWORDS.has(f) && !MONTHS.has(f) && !SEASONS.has(f);
};

const work = (surname: string, year?: string): CitedWork => {
  const display = surname.replace(/['’]s?$/, "");
  return { author: authorKey(display), display, year };
};

/** Author–date citations inside parentheses: "(Millett, 2007, p. 7; Appleman, 1992)". */
function parenthetical(text: string, out: CitedWork[]): void {
  for (const m of text.matchAll(/\(([^()]{2,300})\)/g)) {
    for (let part of m[1].split(/;\s*/)) {
      part = part.replace(/^(?:see|cf\.|e\.g\.|also|as quoted in:?)\s+/i, "").trim();
      const cite = new RegExp(`^(.{1,60}?),?\\s+(${YEAR}(?:,\\s*${YEAR})*)\\b`, "u").exec(part);
      if (!cite) continue;
      let who = cite[1].replace(/^['‘"“]|['’"”]$/g, "").trim();
      if (/:|Press|University|Vol\.|No\./.test(who)) continue;
      who = who.split(/\s+in\s+/).pop()!; // "MacArthur in Cumings": the work cited is Cumings's
      const surname = who.split(/\s*(?:&|and|,)\s*/)[0].replace(/\s+et al\.?$/, "");
      const first = surname.split(/\s+/)[0];
      if (!/^[\p{Lu}'‘]/u.test(surname) || !plausibleSurname(first) || surname.split(/\s+/).length > 3) continue;
      for (const year of cite[2].split(/,\s*/)) out.push(work(surname.replace(/\s+/g, " "), year));
    }
  }
}

/** Narrative citations: "Weathersby (1993, 1995)", "Stueck (2002)", for known authors only. */
function narrative(text: string, known: Set<string>, out: CitedWork[]): void {
  const re = new RegExp(`(${SURNAME})(?:\\s+et al\\.?)?\\s+\\(((?:${YEAR}(?:,\\s*)?)+)\\)`, "gu");
  for (const m of text.matchAll(re)) {
    if (!known.has(authorKey(m[1]))) continue;
    for (const year of m[2].split(/,\s*/)) out.push(work(m[1], year));
  }
}

/** The year a reference gives after `at`: in parentheses first, else right after the name. */
function yearAfter(text: string, at: number): string | undefined {
  const rest = text.slice(at, at + 400).split(/;|\balso\b/)[0];
  const paren = new RegExp(`\\([^()]*?(${YEAR})[^()]*\\)`).exec(rest);
  if (paren) return paren[1];
  const near = new RegExp(`^[\\s,]{0,3}(${YEAR})\\b`).exec(rest);
  return near?.[1];
}

/**
 * Authors named where references are written out: at the head of a note or bibliography
 * entry ("Cumings, B.", "Weathersby K.", "Bruce Cumings, …", "Goncharov, p.136") and after
 * "in" or "see" inside one ("in Alexander Mansourov, …").
 */
export function referenceAuthors(text: string, head = true): { surname: string; at: number }[] {
  const out: { surname: string; at: number }[] = [];
  const body = text.replace(/^\s*(?:[-•]\s*|[¹²³⁴⁵⁶⁷⁸⁹⁰]+\.?\s*|\[\^?\w{1,4}\]:?\s*|\d{1,3}\.\s+)/u, "");
  const offset = text.length - body.length;
  const heads = [
    new RegExp(`^(${SURNAME}),\\s+(?:\\p{Lu}\\.\\s*)+`, "u"),
    new RegExp(`^(${SURNAME})\\s+(?:\\p{Lu}\\.){1,3}[\\s,]`, "u"),
    new RegExp(`^(?:\\p{Lu}[\\p{L}.]*\\s+){1,3}(${SURNAME}),\\s`, "u"),
    new RegExp(`^(${SURNAME}),\\s+(?:\\p{Lu}|et al|ibid|pp?\\.)`, "u"),
    new RegExp(`^(${SURNAME})\\s+\\(?${YEAR}`, "u"),
  ];
  for (const re of head ? heads : []) {
    const m = re.exec(body);
    if (m && plausibleSurname(m[1])) {
      out.push({ surname: m[1], at: offset + m.index + m[0].indexOf(m[1]) + m[1].length });
      break;
    }
  }
  const inner = new RegExp(`\\b(?:in|see)\\s+(?:\\p{Lu}[\\p{L}.]*\\s+){0,2}(${SURNAME}),`, "gu");
  for (const m of body.matchAll(inner)) {
    if (plausibleSurname(m[1])) out.push({ surname: m[1], at: offset + m.index! + m[0].length - 1 });
  }
  return out;
}

/**
 * The works cited in a stretch of text. `reference` is true for notes and bibliography
 * entries, where known authors' names count as citations too; `head` is true when the
 * text begins such an entry (where "Surname, X." names its author).
 */
export function citationsIn(text: string, known: Set<string>, reference: boolean, head = reference): CitedWork[] {
  const out: CitedWork[] = [];
  parenthetical(text, out);
  narrative(text, known, out);
  if (reference) {
    for (const { surname, at } of referenceAuthors(text, head)) out.push(work(surname, yearAfter(text, at)));
    // Any author cited elsewhere, named here: "…, 1 October 1950, Mansourov, p. 114".
    for (const m of text.matchAll(new RegExp(`\\b${SURNAME}`, "gu"))) {
      if (known.has(authorKey(m[0].replace(/['’]s?$/, "")))) out.push(work(m[0], yearAfter(text, m.index! + m[0].length)));
    }
  }
  const seen = new Set<string>();
  return out.filter((c) => {
    const id = `${c.author}|${c.year ?? ""}`;
    if (seen.has(id) || (!c.year && out.some((o) => o.author === c.author && o.year))) return false;
    seen.add(id);
    return true;
  });
}

/**
 * Surnames that some text cites as an author: the vocabulary for narrative and bare
 * citations. `head` marks the first sentence of a note or bibliography entry.
 */
export function knownAuthors(texts: { text: string; reference: boolean; head: boolean }[]): Set<string> {
  const known = new Set<string>();
  for (const { text, reference, head } of texts) {
    const out: CitedWork[] = [];
    parenthetical(text, out);
    if (reference) for (const { surname } of referenceAuthors(text, head)) out.push(work(surname));
    for (const c of out) known.add(c.author);
  }
  return known;
}

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const fromSuperscript = (s: string) => [...s].map((c) => String(SUPERSCRIPT.indexOf(c))).join("");

/** The label a note starts with ("¹²⁸", "[12]", "12.", "[^12]:"), or undefined. */
export function noteLabel(noteText: string): string | undefined {
  const m = /^\s*(?:([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\.?\s|\[\^?(\w{1,4})\]:?\s|(\d{1,3})\.\s)/u.exec(noteText);
  if (!m) return undefined;
  return m[1] ? fromSuperscript(m[1]) : (m[2] ?? m[3]);
}

/** The note calls in running text: superscript digits, "[12]" and "[^12]". */
export function noteCalls(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<=\S)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|\[\^?(\d{1,4}|\w{1,8})\](?!:)/gu)) {
    out.push(m[1] ? fromSuperscript(m[1]) : m[2]);
  }
  return out;
}

/** "Weathersby 1993", "Goncharov". */
export const formatWork = (c: CitedWork): string => (c.year ? `${c.display} ${c.year}` : c.display);

/** How well two citations name the same work: same author and year 1, a year missing 0.6, other years 0.3. */
export function workAgreement(a: CitedWork, b: CitedWork): number {
  if (a.author !== b.author) return 0;
  if (a.year && b.year) return a.year === b.year ? 1 : 0.3;
  return 0.6;
}

/**
 * Names and dates in a sentence, as keys that match across spellings and styles:
 * "Zhou En-lai" and "Zhou Enlai" share a name key; "October 1", "1 October 1950",
 * "Oct. 1" and "the 1st of October" share the date key "10-01".
 */
import { conceptFor, isEntityConcept } from "./concepts";
import { MONTHS, NAME_NOUNS, NOT_NAMES, STOPWORDS, TITLES } from "./lexicon";
import type { Term, Token } from "./tokens";

export type NameMention = { key: string; display: string };

/** month-day ("10-01") with a year when written, or month-level ("1950-10") when no day is given. */
export type DateMention = { key: string; year?: number; month: number; day?: number; display: string };

/**
 * How often each folded word is written with a capital away from the start of a
 * sentence, and how often at all: words mostly capitalised mid-sentence are names.
 */
export type CapitalStats = Map<string, { capitalised: number; total: number }>;

/** Adds a sentence's tokens to the capitalisation counts. */
export function countCapitals(tokens: Token[], stats: CapitalStats): void {
  tokens.forEach((t, i) => {
    const entry = stats.get(t.fold) ?? { capitalised: 0, total: 0 };
    if (i > 0) {
      entry.total++;
      if (t.cap) entry.capitalised++;
    }
    stats.set(t.fold, entry);
  });
}

const isNameWord = (t: Token, initial: boolean, stats: CapitalStats): boolean => {
  if (!t.cap || !/\p{L}/u.test(t.fold) || NOT_NAMES.has(t.fold) || STOPWORDS.has(t.fold) || MONTHS.has(t.fold)) {
    return false;
  }
  const s = stats.get(t.fold);
  if (!s || s.total === 0) return !initial; // never seen mid-sentence: trust the capital only mid-sentence
  return s.capitalised / s.total >= 0.6;
};

const NAME_GAP = /^(?:\s|[-‐–'’.]\s?){1,2}$/;

/**
 * The names in a sentence: concept terms that name a person, place or body and are
 * written with a capital ("UN Security Council" → UN, Security Council), with the names
 * inside a longer one ("Pusan Perimeter" → Pusan Perimeter, Pusan), then runs of
 * capitalised name words among the remaining tokens (titles dropped; initials kept for
 * display only).
 */
export function namesIn(text: string, tokens: Token[], terms: Term[], stats: CapitalStats): NameMention[] {
  const out: NameMention[] = [];
  const conceptAt = new Map<number, Term>();
  for (const t of terms) if (t.key.startsWith("c:")) conceptAt.set(t.start, t);
  let i = 0;
  while (i < tokens.length) {
    const concept = conceptAt.get(tokens[i].start);
    if (concept) {
      const id = concept.key.slice(2);
      const named = isEntityConcept(id) && tokens[i].cap;
      if (named) out.push({ key: concept.key, display: text.slice(concept.start, concept.end) });
      for (; i < tokens.length && tokens[i].start < concept.end; i++) {
        // A longer name yields the names inside it: "Pusan Perimeter" is also Pusan.
        const inside = tokens[i].start > concept.start || tokens[i].end < concept.end;
        const part = named && inside ? conceptFor(tokens[i].fold, tokens[i].caps) : undefined;
        if (part && `c:${part}` !== concept.key && isEntityConcept(part)) out.push({ key: `c:${part}`, display: text.slice(tokens[i].start, tokens[i].end) });
      }
      // "Yalu River", "Sino-Soviet Treaty": capitalised words right after a name belong to it.
      while (i < tokens.length && tokens[i].cap && !conceptAt.has(tokens[i].start) && NAME_GAP.test(text.slice(tokens[i - 1].end, tokens[i].start))) i++;
      continue;
    }
    if (!isNameWord(tokens[i], i === 0, stats) || TITLES.has(tokens[i].fold)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && !conceptAt.has(tokens[j].start) && NAME_GAP.test(text.slice(tokens[j - 1].end, tokens[j].start))) {
      const t = tokens[j];
      const hyphenated = /[-‐–]/.test(text.slice(tokens[j - 1].end, t.start));
      if (!(isNameWord(t, false, stats) || (hyphenated && /^\p{Ll}/u.test(text[t.start])) || t.fold.length === 1)) break;
      j++;
    }
    emitName(text, tokens.slice(i, j), stats, out);
    i = j;
  }
  return out.map((name) => ({ ...name, display: name.display.replace(POSSESSIVE, "") }));
}

/** "Mao’s" is shown as Mao (the key already matches both). */
const POSSESSIVE = /['’]s$/u;

function emitName(text: string, words: Token[], stats: CapitalStats, out: NameMention[]): void {
  const real = words.filter((w) => w.fold.length > 1);
  if (real.length === 0 || (real.length === 1 && NAME_NOUNS.has(real[0].fold))) return;
  const display = text.slice(words[0].start, words[words.length - 1].end);
  const joined = real.map((w) => w.fold).join("");
  const whole = conceptFor(joined, real.every((w) => w.caps));
  if (whole) {
    if (isEntityConcept(whole)) out.push({ key: `c:${whole}`, display });
    return;
  }
  out.push({ key: joined, display });
  // A known concept inside a longer name ("Yalu River"), and the surname of a
  // two-word Western-style name ("George Marshall" → Marshall).
  for (const w of real) {
    const id = conceptFor(w.fold, w.caps);
    if (id && real.length > 1 && isEntityConcept(id)) out.push({ key: `c:${id}`, display: text.slice(w.start, w.end) });
  }
  const last = real[real.length - 1];
  const lastStats = stats.get(last.fold);
  if (real.length === 2 && last.fold.length >= 3 && lastStats && lastStats.capitalised / Math.max(1, lastStats.total) >= 0.9) {
    out.push({ key: last.fold, display: text.slice(last.start, last.end) });
  }
}

const MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
const YEAR = "(1[6-9]\\d\\d|20\\d\\d)";
// "October 1", "June 24-25, 1950", "October 24 and 27, 1949"
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+${DAY}(?:\\s*(?:-|–|and)\\s*(\\d{1,2}))?\\b(?!\\s*(?:-|–)?\\s*\\d{3})(?:,?\\s+${YEAR}\\b)?`, "g");
// "1 October 1950", "27th of September", "25th June 1950"
const DAY_MONTH = new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}(?![a-z])(?:,?\\s+${YEAR}\\b)?`, "g");
// "October 1950", "early October, 1950"
const MONTH_YEAR = new RegExp(`\\b${MONTH},?\\s+${YEAR}\\b`, "g");

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const pad = (n: number) => String(n).padStart(2, "0");

/** Human form of a date: "27 September 1950", "27 September", "October 1950". */
export function formatDate(month: number, day?: number, year?: number): string {
  const name = MONTH_NAMES[month - 1];
  if (day === undefined) return `${name} ${year ?? ""}`.trim();
  return `${day} ${name}${year ? ` ${year}` : ""}`;
}

const monthOf = (name: string): number | undefined => MONTHS.get(name.toLowerCase().replace(/\.$/, ""));

/** The dates written in `text` from `from` to `to`. */
export function datesIn(text: string, from: number, to: number): DateMention[] {
  const slice = text.slice(from, to);
  const out: DateMention[] = [];
  const taken: [number, number][] = [];
  const add = (month: number | undefined, day: number, year: string | undefined, at: number, len: number) => {
    if (!month || day < 1 || day > 31) return;
    const y = year ? Number(year) : undefined;
    out.push({ key: `${pad(month)}-${pad(day)}`, month, day, year: y, display: formatDate(month, day, y) });
    taken.push([at, at + len]);
  };
  for (const m of slice.matchAll(MONTH_DAY)) {
    add(monthOf(m[1]), Number(m[2]), m[4], m.index!, m[0].length);
    if (m[3]) add(monthOf(m[1]), Number(m[3]), m[4], m.index!, m[0].length);
  }
  for (const m of slice.matchAll(DAY_MONTH)) {
    if (taken.some(([s, e]) => m.index! < e && m.index! + m[0].length > s)) continue;
    add(monthOf(m[2]), Number(m[1]), m[3], m.index!, m[0].length);
  }
  for (const m of slice.matchAll(MONTH_YEAR)) {
    if (taken.some(([s, e]) => m.index! < e && m.index! + m[0].length > s)) continue;
    if (m[1] === "May") continue; // "May (1973)" and the like: too easily a name
    const month = monthOf(m[1])!;
    const year = Number(m[2]);
    out.push({ key: `${year}-${pad(month)}`, month, year, display: formatDate(month, undefined, year) });
  }
  return out;
}

/** Two mentions of one month-day agree unless both give a year and the years differ. */
export const datesAgree = (a: DateMention, b: DateMention): boolean =>
  a.key === b.key && (a.year === undefined || b.year === undefined || a.year === b.year);

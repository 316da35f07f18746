/**
 * Words and terms. A token is a word as written, with its UTF-16 span; a term is what
 * scoring compares: a concept id from the concept map (which may span several words),
 * a stem, or a function word kept only so that phrases can be matched word for word.
 */
import { conceptFor, conceptPrefix, MAX_CONCEPT_WORDS } from "./concepts";
import { GENERIC_WORDS, STOPWORDS } from "./lexicon";
import { porterStem } from "./stem";

export type Token = {
  start: number;
  end: number;
  /** Lower case, diacritics and apostrophes dropped, a final possessive 's dropped. */
  fold: string;
  /** Starts with a capital letter. */
  cap: boolean;
  /** Written all in capitals (two letters or more), or as a dotted abbreviation. */
  caps: boolean;
};

export type Term = {
  start: number;
  end: number;
  /** What is compared: "c:<concept>" for concepts, otherwise a stem or a function word. */
  key: string;
  /** False for function words and small numbers: they count only inside phrases. */
  content: boolean;
  /** A frequent English word: weighted down, never evidence on its own. */
  generic: boolean;
};

// A dotted abbreviation (U.S., U.N.) or a word: letters and decimal digits (superscript
// note calls are not digits here), with inner apostrophes. Hyphens split words.
const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{Nd}]+(?:['’][\p{L}]+)*/gu;
const SPECIAL_LETTERS: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ı: "i" };

/** Lower case, no diacritics, no apostrophes: the form words are compared in. */
export function fold(word: string): string {
  return word
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]s$/, "")
    .replace(/['’.]/g, "")
    .replace(/[ßæœøłđı]/g, (c) => SPECIAL_LETTERS[c] ?? c);
}

// Web addresses, e-mail addresses and markup tags: their pieces are not words of the text.
const NOT_PROSE = /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+|[\w.+-]+@[\w-]+\.[\w.]+|<\/?[A-Za-z][^<>]{0,300}>/g;

/** Every word of `text` from `from` to `to`, in order. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const skip: [number, number][] = [];
  NOT_PROSE.lastIndex = 0;
  for (const m of text.slice(from, to).matchAll(NOT_PROSE)) skip.push([from + m.index!, from + m.index! + m[0].length]);
  let next = 0;
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    while (next < skip.length && skip[next][1] <= m.index) next++;
    if (next < skip.length && skip[next][0] <= m.index) continue;
    const surface = m[0];
    const letters = surface.replace(/[^\p{L}]/gu, "");
    const dotted = surface.includes(".");
    out.push({
      start: m.index,
      end: m.index + surface.length,
      fold: fold(surface),
      cap: /^\p{Lu}/u.test(surface),
      caps: dotted || (letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters)),
    });
  }
  return out;
}

/** British and American spellings meet (organise/organize, armour/armor, defence/defense). */
function americanise(word: string): string {
  return word
    .replace(/([a-z]{3,})is(e|es|ed|ing|ation|ations)$/, "$1iz$2")
    .replace(/([a-z]{3,})our(s|ed|ing|able|ite|ites)?$/, "$1or$2")
    .replace(/([a-z]{2,})ence$/, (whole, stem) => (stem.endsWith("def") || stem.endsWith("off") ? `${stem}ense` : whole));
}

/** invasion/invade, decision/decide, division/divide: a vowel before -sion becomes -de. */
const deNominalise = (word: string): string => word.replace(/([a-z]{2,}[aiou])sions?$/, "$1de");

const stemCache = new Map<string, string>();
/** The comparable stem of a folded content word. */
export function stemOf(folded: string): string {
  let stem = stemCache.get(folded);
  if (stem === undefined) {
    stem = porterStem(deNominalise(americanise(folded)));
    stemCache.set(folded, stem);
  }
  return stem;
}

const GENERIC_STEMS = new Set([...GENERIC_WORDS].map(stemOf));

/** Only spaces, hyphens, apostrophes or dots between two words of one name. */
const JOINABLE_GAP = /^[\s\-‐–'’.]{0,3}$/;

/** The terms of a run of tokens: concepts matched longest first, then stems and function words. */
export function termsOf(text: string, tokens: Token[]): Term[] {
  const terms: Term[] = [];
  let i = 0;
  while (i < tokens.length) {
    let matched = 0;
    let key = "";
    let joined = "";
    let allCaps = true;
    const limit = Math.min(MAX_CONCEPT_WORDS, tokens.length - i);
    const candidates: { length: number; id: string }[] = [];
    for (let n = 0; n < limit; n++) {
      const t = tokens[i + n];
      if (n > 0 && !JOINABLE_GAP.test(text.slice(tokens[i + n - 1].end, t.start))) break;
      joined += t.fold;
      if (!conceptPrefix(joined)) break;
      allCaps &&= t.caps;
      const id = conceptFor(joined, allCaps);
      if (id) candidates.push({ length: n + 1, id });
    }
    if (candidates.length > 0) {
      const best = candidates[candidates.length - 1];
      matched = best.length;
      key = `c:${best.id}`;
    }
    if (matched > 0) {
      terms.push({ start: tokens[i].start, end: tokens[i + matched - 1].end, key, content: true, generic: false });
      i += matched;
      continue;
    }
    const t = tokens[i];
    terms.push(plainTerm(t));
    i++;
  }
  return terms;
}

function plainTerm(t: Token): Term {
  const base = { start: t.start, end: t.end };
  if (STOPWORDS.has(t.fold)) return { ...base, key: t.fold, content: false, generic: false };
  if (/^\d+$/.test(t.fold)) {
    // Years and larger numbers can matter; page numbers and small counts do not.
    const isYear = /^(1[5-9]|20)\d\d$/.test(t.fold);
    return { ...base, key: t.fold, content: t.fold.length >= 3, generic: isYear };
  }
  if (t.fold.length < 2) return { ...base, key: t.fold, content: false, generic: false };
  const key = stemOf(t.fold);
  return { ...base, key, content: true, generic: GENERIC_STEMS.has(key) || GENERIC_WORDS.has(t.fold) };
}

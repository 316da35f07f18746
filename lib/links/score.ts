/**
 * How strongly two passages look parallel, and why. Each signal gives evidence in
 * "distinctive items" (a word, name or date as rare as any in the set counts 1):
 *
 *   E = (2.2·lexical + 1.5·context + 1.0·aligned + 1.0·phrases + 0.6·names + 0.7·dates
 *        + 1.0·cites + 0.4·days) × kind × length
 *
 * lexical is the TF-IDF cosine of the two passages' terms, discounted unless at least
 * four informative terms are shared; context is the same for the passages with three
 * sentences either side (discounted below six shared terms). aligned is the similarity
 * of the two closest sentences plus half the next closest's (sentence-pairs.ts: shared
 * rare words, and meaning from word vectors). phrases sums the shared
 * phrases' weights (rarity of their words, longer runs count fully); names and dates sum
 * their rarity (names only when rarer than the protagonists); cites sum 0.5–1 per work
 * cited on both sides (same author and year 1, a year missing 0.6, other years 0.3);
 * days is how close the days the two passages are telling of are (timeline.ts: 1 on the
 * same day, 0.37 a fortnight apart), 0 when either is undated.
 * kind is 1 for two passages of running text, 0.6 when one is a note or bibliography,
 * 0 when both are; length takes up to 15 % off two 1,500-character passages so tighter
 * spans win ties. The score is 1 − e^(−E), in 0..1.
 */
import { datesAgree, formatDate } from "./entities";
import { formatWork, workAgreement } from "./citations";
import { dayAgreement } from "./timeline";
import type { SharedPhrase } from "./phrases";
import { cosine, nameWeight, type Rarity, type Window } from "./similarity";

/** Weights of the signals in the evidence sum. */
export const WEIGHTS = { lexical: 2.2, context: 1.5, aligned: 1.0, phrase: 1.0, name: 0.6, date: 0.7, cite: 1.0, days: 0.4 } as const;

/**
 * Suggestions scoring below this are not returned. 0.45 means evidence E ≥ 0.6: e.g. a
 * quotation of a few rare words, a rare exact date plus some similar wording, one cited
 * work (same author and year) plus a shared name, or a TF-IDF cosine of about 0.3 over
 * four or more informative shared terms. Texts on unrelated subjects score nothing above
 * it (unit tests; also checked against README and licence prose), whereas the five
 * readings give hundreds of pairs above it.
 */
export const SUGGESTION_THRESHOLD = 0.45;

type Item = { label: string; weight: number };

export type Evidence = {
  lexical: number;
  context: number;
  /** The closest pair of sentences' similarity, plus half the next closest's. */
  aligned: number;
  terms: Item[];
  phrases: Item[];
  names: Item[];
  dates: Item[];
  cites: Item[];
  /** Agreement of the days the two passages tell of, with the days as shown. */
  days?: { agreement: number; labels: [string, string] };
};

/** Phrases looked up by the windows they touch. */
export type PhraseLookup = (w: Window) => SharedPhrase[];

/** The similarity of the closest sentences of two windows (best and second best). */
export type AlignedLookup = (a: Window, b: Window) => { best: number; second: number };

const overlap = (s1: number, e1: number, s2: number, e2: number) => Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));

/** One or two shared words make a high cosine between short passages by chance. */
const guard = (shared: number, needed: number) => Math.min(1, Math.max(0, (shared - 1) / (needed - 1)));

function lexical(a: Window, b: Window, text: string): { value: number; context: number; terms: Item[] } {
  const own = cosine(a.vec, b.vec, a.generic);
  const around = cosine(a.context, b.context, a.generic);
  const terms: Item[] = [];
  for (const [key, w] of a.vec) {
    const v = b.vec.get(key);
    if (v === undefined) continue;
    const [s, e] = a.at.get(key)!;
    terms.push({ label: text.slice(s, e), weight: w * v });
  }
  terms.sort((x, y) => y.weight - x.weight);
  return { value: own.cos * guard(own.shared, 4), context: around.cos * guard(around.shared, 6), terms };
}

function phrases(a: Window, b: Window, lookup: PhraseLookup): Item[] {
  const best = new Map<string, Item>();
  for (const p of lookup(a)) {
    const [mine, theirs] = p.a.doc === a.doc ? [p.a, p.b] : [p.b, p.a];
    if (theirs.doc !== b.doc) continue;
    const credit = Math.min(
      overlap(a.start, a.end, mine.start, mine.end) / (mine.end - mine.start),
      overlap(b.start, b.end, theirs.start, theirs.end) / (theirs.end - theirs.start),
    );
    if (credit <= 0) continue;
    const label = p.display.toLowerCase();
    const weight = p.weight * credit;
    if ((best.get(label)?.weight ?? 0) < weight) best.set(label, { label: p.display, weight });
  }
  return [...best.values()].sort((x, y) => y.weight - x.weight);
}

function names(a: Window, b: Window, rarity: Rarity): Item[] {
  const found: Item[] = [];
  for (const [key, display] of a.names) {
    const weight = nameWeight(rarity.rarity(`n:${key}`));
    if (b.names.has(key) && weight > 0) found.push({ label: display, weight });
  }
  // "Taiwan Straits" and "Taiwan" are one name mentioned once: keep the stronger.
  found.sort((x, y) => y.weight - x.weight);
  const out: Item[] = [];
  for (const item of found) {
    const l = item.label.toLowerCase();
    if (!out.some((o) => o.label.toLowerCase().includes(l) || l.includes(o.label.toLowerCase()))) out.push(item);
  }
  return out;
}

function dates(a: Window, b: Window, rarity: Rarity): Item[] {
  const out = new Map<string, Item>();
  for (const x of a.dates) {
    const y = b.dates.find((d) => datesAgree(x, d));
    if (!y || out.has(x.key)) continue;
    const monthOnly = x.day === undefined;
    const label = formatDate(x.month, x.day, x.year ?? y.year);
    out.set(x.key, { label, weight: rarity.rarity(`d:${x.key}`) * (monthOnly ? 0.4 : 1) });
  }
  return [...out.values()].sort((x, y) => y.weight - x.weight);
}

function cites(a: Window, b: Window, rarity: Rarity): Item[] {
  const out = new Map<string, Item>();
  for (const x of a.cites) {
    let agreement = 0;
    for (const y of b.cites) agreement = Math.max(agreement, workAgreement(x, y));
    if (agreement === 0) continue;
    // The same author and year is telling in itself; rarity says how often the set cites it.
    const weight = agreement * (0.5 + 0.5 * rarity.rarity(`a:${x.author}`));
    if ((out.get(x.author)?.weight ?? 0) < weight) out.set(x.author, { label: formatWork(x), weight });
  }
  return [...out.values()].sort((x, y) => y.weight - x.weight);
}

const sum = (items: Item[]) => items.reduce((s, i) => s + i.weight, 0);

/** Two 1,500-character passages lose this share of their evidence (so tighter spans win ties). */
const LENGTH_PENALTY = 0.15;

/**
 * Notes and bibliography matter less than the argument, and two of them together not at
 * all: there, shared wording is the same book cited twice, which is no parallel passage.
 */
const kindFactor = (a: Window, b: Window) => {
  const back = Number(a.kind !== "body") + Number(b.kind !== "body");
  return back === 0 ? 1 : back === 1 ? 0.6 : 0;
};

/** The evidence that windows a and b are parallel, and their score in 0..1. */
export function scorePair(
  a: Window, b: Window, textOfA: string, rarity: Rarity, lookup: PhraseLookup, aligned?: AlignedLookup,
): { score: number; evidence: Evidence } {
  const lex = lexical(a, b, textOfA);
  const close = aligned?.(a, b) ?? { best: 0, second: 0 };
  const evidence: Evidence = {
    lexical: lex.value,
    context: lex.context,
    aligned: close.best + 0.5 * close.second,
    terms: lex.terms,
    phrases: phrases(a, b, lookup),
    names: names(a, b, rarity),
    dates: dates(a, b, rarity),
    cites: cites(a, b, rarity),
    days: a.when && b.when ? { agreement: dayAgreement(a.when, b.when), labels: [a.when.label, b.when.label] } : undefined,
  };
  const chars = a.end - a.start + (b.end - b.start);
  const e =
    (WEIGHTS.lexical * evidence.lexical +
      WEIGHTS.context * evidence.context +
      WEIGHTS.aligned * evidence.aligned +
      WEIGHTS.phrase * sum(evidence.phrases) +
      WEIGHTS.name * sum(evidence.names) +
      WEIGHTS.date * sum(evidence.dates) +
      WEIGHTS.cite * sum(evidence.cites) +
      WEIGHTS.days * (evidence.days?.agreement ?? 0)) *
    kindFactor(a, b) * (1 - LENGTH_PENALTY * (chars / 3000));
  return { score: 1 - Math.exp(-e), evidence };
}

const quote = (s: string, max = 140) => `“${s.length > max ? `${s.slice(0, max - 1)}…` : s}”`;

/** Pairs of marks a phrase may cut through: one left without its partner is dropped. */
const PAIRED: [RegExp, RegExp][] = [[/\(/g, /\)/g], [/\[/g, /\]/g], [/“/g, /”/g]];

/**
 * A shared phrase as a reason shows it: without punctuation at its ends, nor a bracket
 * or quotation mark whose partner falls outside it ("factors (Stueck" → factors Stueck).
 */
export function tidyPhrase(s: string): string {
  let out = s.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  for (const [open, close] of PAIRED) {
    if ((out.match(open)?.length ?? 0) !== (out.match(close)?.length ?? 0)) out = out.replace(open, "").replace(close, "");
  }
  if ((out.match(/"/g)?.length ?? 0) % 2 === 1) out = out.replace(/"/g, "");
  return out.replace(/\s{2,}/g, " ");
}

/** A word as a reason shows it: "China’s" is China. */
const plainWord = (s: string) => s.replace(/['’]s$/u, "");

/** Human-readable reasons, strongest signal first. */
export function explain(evidence: Evidence): string[] {
  const why: { text: string; weight: number }[] = [];
  // The two strongest phrases, leaving out one that is part of another already shown.
  const shownPhrases: string[] = [];
  for (const p of evidence.phrases) {
    if (shownPhrases.length === 2) break;
    const label = tidyPhrase(p.label);
    const folded = label.toLowerCase();
    if (!label || shownPhrases.some((s) => s.includes(folded) || folded.includes(s))) continue;
    shownPhrases.push(folded);
    why.push({ text: `shared phrase: ${quote(label)}`, weight: WEIGHTS.phrase * p.weight });
  }
  if (evidence.names.length) {
    why.push({ text: `names: ${evidence.names.slice(0, 6).map((n) => n.label).join(", ")}`, weight: WEIGHTS.name * sum(evidence.names) });
  }
  for (const d of evidence.dates.slice(0, 3)) why.push({ text: `date: ${d.label}`, weight: WEIGHTS.date * d.weight });
  const days = evidence.days;
  // Days at most SAME_DAYS apart (timeline.ts), unless a date written in both already says so.
  if (days && days.agreement >= Math.exp(-1)) {
    const [x, y] = days.labels;
    const said = x === y && evidence.dates.some((d) => d.label === x);
    if (!said) why.push({ text: x === y ? `both tell of ${x}` : `both tell of the same days: ${x} and ${y}`, weight: WEIGHTS.days * days.agreement });
  }
  if (evidence.cites.length) {
    why.push({ text: `cites: ${evidence.cites.slice(0, 4).map((c) => c.label).join(", ")}`, weight: WEIGHTS.cite * sum(evidence.cites) });
  }
  const shown = new Set(why.map((w) => w.text.toLowerCase()).join(" ").split(/[^\p{L}\d]+/u));
  const terms = evidence.terms.filter((t) => !t.label.toLowerCase().split(/[^\p{L}\d]+/u).every((w) => shown.has(w))).slice(0, 6);
  if (terms.length && evidence.lexical + evidence.context + evidence.aligned > 0) {
    const weight = WEIGHTS.lexical * evidence.lexical + WEIGHTS.context * evidence.context + WEIGHTS.aligned * evidence.aligned;
    why.push({ text: `similar wording: ${[...new Set(terms.map((t) => plainWord(t.label)))].join(", ")}`, weight });
  }
  return why.sort((x, y) => y.weight - x.weight).map((w) => w.text);
}

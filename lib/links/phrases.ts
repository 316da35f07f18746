/**
 * Shared wording across texts: runs of identical terms (stems and concepts, function
 * words included) found from 3-term shingles and extended to maximal matches, so a
 * quotation shared by two texts comes out whole even when one abbreviates a name.
 * Each match is weighted by the rarity of its content words and of its opening shingle.
 */
import type { AnalyzedDoc } from "./analyze";
import type { Term } from "./tokens";

export type PhraseSide = { doc: number; start: number; end: number };

export type SharedPhrase = {
  a: PhraseSide;
  b: PhraseSide;
  /** Sum of the content words' normalised rarity, discounted when the shingle is common. */
  weight: number;
  /** The wording as the first text has it. */
  display: string;
};

const SHINGLE = 3;
/** Informative (content, not generic) words a shared phrase needs. */
const MIN_INFORMATIVE = 3;
/** A shingle met more often than this is common wording (it is skipped to bound the work). */
const MAX_OCCURRENCES = 40;

/** A text's terms in order, each with the block (paragraph) it stands in. */
type Flat = { terms: Term[]; blocks: number[] };

function flatten(doc: AnalyzedDoc): Flat {
  const sentences = doc.sentences.filter((s) => s.kind !== "heading");
  return { terms: sentences.flatMap((s) => s.terms), blocks: sentences.flatMap((s) => s.terms.map(() => s.block)) };
}

const informative = (t: Term) => t.content && !t.generic;

/**
 * Every maximal run of identical terms shared by two different texts, with at least two
 * informative words. `rarity(key)` is the term's normalised rarity in 0..1.
 */
export function sharedPhrases(docs: AnalyzedDoc[], rarity: (key: string) => number): SharedPhrase[] {
  const flats = docs.map(flatten);
  const shingles = new Map<string, [number, number][]>();
  flats.forEach((f, d) => {
    for (let i = 0; i + SHINGLE <= f.terms.length; i++) {
      if (f.blocks[i] !== f.blocks[i + SHINGLE - 1]) continue; // a phrase never runs on into the next paragraph
      const window = f.terms.slice(i, i + SHINGLE);
      if (window.filter(informative).length < 2) continue;
      const key = window.map((t) => t.key).join("\u0001");
      const list = shingles.get(key);
      if (list) list.push([d, i]);
      else shingles.set(key, [[d, i]]);
    }
  });

  const out: SharedPhrase[] = [];
  const seen = new Set<string>();
  const shingleKey = (terms: Term[], i: number) => terms.slice(i, i + SHINGLE).map((t) => t.key).join("\u0001");
  for (const occurrences of shingles.values()) {
    if (occurrences.length < 2 || occurrences.length > MAX_OCCURRENCES) continue;
    if (new Set(occurrences.map(([d]) => d)).size < 2) continue;
    for (let x = 0; x < occurrences.length; x++) {
      for (let y = x + 1; y < occurrences.length; y++) {
        const [da, i0] = occurrences[x];
        const [db, j0] = occurrences[y];
        if (da === db) continue;
        const A = flats[da].terms;
        const B = flats[db].terms;
        // Extend while both sides stay in the paragraphs the shingle stands in.
        const inBlocks = (i: number, j: number) => flats[da].blocks[i] === flats[da].blocks[i0] && flats[db].blocks[j] === flats[db].blocks[j0];
        let left = 0;
        while (i0 - left > 0 && j0 - left > 0 && inBlocks(i0 - left - 1, j0 - left - 1) && A[i0 - left - 1].key === B[j0 - left - 1].key) left++;
        const ia = i0 - left;
        const ib = j0 - left;
        const id = `${da}:${ia}:${db}:${ib}`;
        if (seen.has(id)) continue;
        seen.add(id);
        let n = SHINGLE + left;
        while (ia + n < A.length && ib + n < B.length && inBlocks(ia + n, ib + n) && A[ia + n].key === B[ib + n].key) n++;
        // The match is as distinctive as its rarest shingle.
        let fewest = occurrences.length;
        for (let k = ia; k + SHINGLE <= ia + n; k++) fewest = Math.min(fewest, shingles.get(shingleKey(A, k))?.length ?? fewest);
        const discount = 1 / (1 + Math.log2(fewest / 2 + 1) / 2);
        const phrase = build(docs, da, A, ia, db, B, ib, n, rarity, discount);
        if (phrase) out.push(phrase);
      }
    }
  }
  return out;
}

function build(
  docs: AnalyzedDoc[], da: number, A: Term[], ia: number, db: number, B: Term[], ib: number, n: number,
  rarity: (key: string) => number, discount: number,
): SharedPhrase | null {
  // Trim function words at both ends: they add nothing to what is shared.
  let from = 0;
  let to = n;
  while (from < to && !A[ia + from].content) from++;
  while (to > from && !A[ia + to - 1].content) to--;
  const run = A.slice(ia + from, ia + to);
  const informativeWords = run.filter(informative);
  // Two words are usually a name or a set expression ("Yalu River", "send troops").
  if (informativeWords.length < MIN_INFORMATIVE) return null;
  // Three-word matches of common words are often chance; quotations run longer.
  const length = Math.min(1, (run.length - 2) / 5);
  const weight = discount * length * informativeWords.reduce((sum, t) => sum + rarity(t.key), 0);
  const a = { doc: da, start: run[0].start, end: run[run.length - 1].end };
  const b = { doc: db, start: B[ib + from].start, end: B[ib + to - 1].end };
  return { a, b, weight, display: docs[da].text.slice(a.start, a.end).replace(/\s+/g, " ") };
}

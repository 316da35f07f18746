/**
 * Reads a set of texts into sentences with everything scoring compares: terms, names,
 * dates and cited works (note calls resolved to their notes' works where the text has
 * its notes). Capitalisation and the vocabulary of cited authors are learnt from the
 * whole set, so a name or an author recognised in one text is recognised in all.
 */
import { citationsIn, knownAuthors, noteCalls, noteLabel, type CitedWork } from "./citations";
import { countCapitals, datesIn, namesIn, type CapitalStats, type DateMention, type NameMention } from "./entities";
import { segmentSentences, type BlockKind } from "./segment";
import { termsOf, tokenize, type Term, type Token } from "./tokens";

export type AnalyzedSentence = {
  start: number;
  end: number;
  block: number;
  kind: BlockKind;
  /** Every term in order, function words included (for phrase matching). */
  terms: Term[];
  names: NameMention[];
  dates: DateMention[];
  /** Works cited here; `viaNote` marks those reached through a note call. */
  cites: (CitedWork & { viaNote?: string })[];
};

export type AnalyzedDoc = { id: string; text: string; sentences: AnalyzedSentence[] };

const isReference = (kind: BlockKind) => kind === "note" || kind === "back";

/** Analyses every text of the set; the order of `docs` is kept. */
export function analyzeDocs(docs: { id: string; text: string }[]): AnalyzedDoc[] {
  const stats: CapitalStats = new Map();
  const staged = docs.map(({ id, text }) => {
    const sentences = segmentSentences(text).map((s) => {
      const tokens: Token[] = s.parts.flatMap(([from, to]) => tokenize(text, from, to));
      const plain = s.parts.map(([from, to]) => text.slice(from, to)).join(" ");
      countCapitals(tokens, stats);
      return { s, tokens, plain };
    });
    return { id, text, sentences };
  });

  const heads = (d: (typeof staged)[number]) =>
    d.sentences.map(({ s }, i) => i === 0 || d.sentences[i - 1].s.block !== s.block);
  const known = knownAuthors(
    staged.flatMap((d) => {
      const head = heads(d);
      return d.sentences.map(({ s, plain }, i) => ({ text: plain, reference: isReference(s.kind), head: head[i] }));
    }),
  );

  return staged.map((d) => {
    const { id, text, sentences } = d;
    const head = heads(d);
    const analyzed: AnalyzedSentence[] = sentences.map(({ s, tokens, plain }, i) => {
      const terms = termsOf(text, tokens);
      return {
        start: s.start,
        end: s.end,
        block: s.block,
        kind: s.kind,
        terms,
        names: s.kind === "heading" ? [] : namesIn(text, tokens, terms, stats),
        dates: s.parts.flatMap(([from, to]) => datesIn(text, from, to)),
        cites: citationsIn(plain, known, isReference(s.kind), head[i]),
      };
    });
    resolveNoteCalls(text, analyzed);
    return { id, text, sentences: analyzed };
  });
}

/** Gives each sentence that calls a note the works its note cites. */
function resolveNoteCalls(text: string, sentences: AnalyzedSentence[]): void {
  const worksByLabel = new Map<string, CitedWork[]>();
  let label: string | undefined;
  let block = -1;
  for (const s of sentences) {
    if (s.kind !== "note") {
      label = undefined;
      continue;
    }
    if (s.block !== block) {
      block = s.block;
      label = noteLabel(text.slice(s.start, s.end));
    }
    if (label) worksByLabel.set(label, [...(worksByLabel.get(label) ?? []), ...s.cites]);
  }
  if (worksByLabel.size === 0) return;
  for (const s of sentences) {
    if (s.kind === "note") continue;
    for (const call of noteCalls(text.slice(s.start, s.end))) {
      for (const c of worksByLabel.get(call) ?? []) {
        if (!s.cites.some((o) => o.author === c.author && o.year === c.year)) s.cites.push({ ...c, viaNote: call });
      }
    }
  }
}

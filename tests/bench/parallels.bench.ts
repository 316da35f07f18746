/**
 * Parallel-passage benchmark: recall of the labelled dev pairs within the top 50 and top
 * 100 suggestions, for shared-wording pairs, the others and overall, beside a plain
 * TF-IDF baseline measured in the same run, plus the time to compute suggestions for the
 * five readings. A second table runs the same on the raw conversions (quotes located
 * there with the anchoring engine), to show the suggester copes with unclean text.
 * Always exits 0: it reports.
 *
 *   npx tsx tests/bench/parallels.bench.ts [--verbose]
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { anchor } from "../../lib/anchoring";
import { suggestParallels, SUGGESTION_THRESHOLD } from "../../lib/links/suggest";
import { loadCanonicalReadings } from "../fixtures/canonical";
import { baselineTfidf } from "./baseline-tfidf";
import { ms, printTable } from "./support/stats";

type Side = { doc: string; quote: string };
type DevPair = { id: string; kind: "shared-wording" | "same-event" | "contradicts"; a: Side; b: Side; note: string };
type Span = { doc: string; start: number; end: number };
type Located = { pair: DevPair; a: Span; b: Span };
type Suggestion = { a: Span; b: Span };

const here = path.dirname(fileURLToPath(import.meta.url));
const dev: DevPair[] = JSON.parse(fs.readFileSync(path.join(here, "..", "fixtures", "parallels.dev.json"), "utf8")).pairs;
const verbose = process.argv.includes("--verbose");
const TARGET = { sharedWordingAt100: 1, allAt100: 0.6, seconds: 10 };

const overlaps = (s: Span, q: Span) => s.doc === q.doc && s.start < q.end && q.start < s.end;
const hit = (s: Suggestion, p: Located) => (overlaps(s.a, p.a) && overlaps(s.b, p.b)) || (overlaps(s.a, p.b) && overlaps(s.b, p.a));

/** The rank (1-based) of the first suggestion that finds the pair, or undefined. */
const rankOf = (list: Suggestion[], p: Located) => {
  const i = list.findIndex((s) => hit(s, p));
  return i < 0 ? undefined : i + 1;
};

function locate(docs: { id: string; text: string }[], find: (text: string, quote: string) => [number, number] | null): Located[] {
  const byId = new Map(docs.map((d) => [d.id.slice(0, 3), d]));
  const out: Located[] = [];
  for (const pair of dev) {
    const sides = [pair.a, pair.b].map((side) => {
      const doc = byId.get(side.doc)!;
      const at = find(doc.text, side.quote);
      return at ? { doc: doc.id, start: at[0], end: at[1] } : null;
    });
    if (sides[0] && sides[1]) out.push({ pair, a: sides[0], b: sides[1] });
  }
  return out;
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

function recallRows(located: Located[], ours: Suggestion[], base: Suggestion[]): (string | number)[][] {
  const groups: [string, (p: Located) => boolean, string][] = [
    ["shared-wording", (p) => p.pair.kind === "shared-wording", `${pct(TARGET.sharedWordingAt100)} @100`],
    ["same-event + contradicts", (p) => p.pair.kind !== "shared-wording", ""],
    ["overall", () => true, `≥ ${pct(TARGET.allAt100)} @100`],
  ];
  return groups.map(([label, filter, target]) => {
    const set = located.filter(filter);
    const r = (list: Suggestion[], k: number) => set.filter((p) => (rankOf(list, p) ?? Infinity) <= k).length;
    const cell = (list: Suggestion[], k: number) => `${r(list, k)}/${set.length} ${pct(r(list, k) / set.length)}`;
    return [label, cell(ours, 50), cell(ours, 100), cell(base, 50), cell(base, 100), target];
  });
}

function report(title: string, docs: { id: string; text: string }[], located: Located[]): { ok: boolean; seconds: number } {
  suggestParallels(docs, { limit: 100 }); // warm the JIT up
  const runs = [0, 1].map(() => timed(() => suggestParallels(docs, { limit: 100 })));
  const ours = runs[runs.length - 1].value;
  const oursMs = Math.min(...runs.map((r) => r.ms));
  const base = timed(() => baselineTfidf(docs, 100));
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  const lost = dev.length - located.length;
  console.log(`\n## ${title}: ${docs.length} texts, ${(chars / 1000).toFixed(0)} KB, ${located.length} labelled pairs${lost ? ` (${lost} whose quotes could not be located here)` : ""}\n`);
  const rows = recallRows(located, ours, base.value);
  printTable(["pairs", "ours @50", "ours @100", "baseline @50", "baseline @100", "target"], rows);
  console.log("");
  printTable(
    ["time (one core)", "ours", "baseline", "target"],
    [["suggestions for all texts", ms(oursMs), ms(base.ms), `≤ ${TARGET.seconds} s`]],
  );
  console.log(`\n${ours.length} suggestions returned (threshold ${SUGGESTION_THRESHOLD}); lowest score ${ours.at(-1)?.score ?? "-"}`);
  const missed = located.filter((p) => (rankOf(ours, p) ?? Infinity) > 100);
  if (verbose || missed.length) {
    for (const p of located) {
      const rank = rankOf(ours, p);
      if (!verbose && rank !== undefined && rank <= 100) continue;
      console.log(`  ${rank === undefined ? "MISSED" : `#${rank}`.padEnd(6)} ${p.pair.kind.padEnd(14)} ${p.pair.id} (${p.pair.a.doc}–${p.pair.b.doc})`);
    }
  }
  const shared = located.filter((p) => p.pair.kind === "shared-wording");
  const ok =
    shared.every((p) => (rankOf(ours, p) ?? Infinity) <= 100) &&
    located.filter((p) => (rankOf(ours, p) ?? Infinity) <= 100).length >= TARGET.allAt100 * located.length &&
    oursMs <= TARGET.seconds * 1000;
  return { ok, seconds: oursMs / 1000 };
}

const canonical = loadCanonicalReadings().map(({ id, text }) => ({ id, text }));
const clean = report("Canonical readings", canonical, locate(canonical, (text, quote) => {
  const i = text.indexOf(quote);
  return i < 0 ? null : [i, i + quote.length];
}));

// The raw conversions as shipped (documents/sources), ids "000".."004" like the canonical texts.
const sourcesDir = path.join(here, "..", "..", "documents", "sources");
const raw = fs
  .readdirSync(sourcesDir)
  .filter((name) => name.endsWith(".txt"))
  .sort()
  .map((name) => ({ id: name.slice(0, 3), text: fs.readFileSync(path.join(sourcesDir, name), "utf8") }));
const rawResult = report("Raw conversions (quotes re-anchored)", raw, locate(raw, (text, quote) => {
  const found = anchor(text, [{ type: "TextQuoteSelector", exact: quote }]);
  return found ? [found.start, found.end] : null;
}));

console.log(`\nTargets met on the canonical readings: ${clean.ok ? "yes" : "NO"}; on the raw conversions: ${rawResult.ok ? "yes" : "no"}`);

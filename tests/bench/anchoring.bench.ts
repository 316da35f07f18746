/**
 * Anchoring benchmark: our engine against a Hypothesis-style baseline on seeded
 * perturbations of the readings. Prints recall per class of change, wrong
 * attachments of removed passages and time per anchor, each with its target, for
 * the main seed and for a held-out-style second seed. Always exits 0: it reports.
 *
 *   npx tsx tests/bench/anchoring.bench.ts [--verbose] [--seeds=11,12]
 *
 * --verbose lists every case our engine gets wrong; --seeds runs other seeds (a
 * held-out set) instead of the two default ones.
 */
import { anchor, describe, type Anchor, type Selector } from "../../lib/anchoring";
import { loadReadingTexts } from "../fixtures/readings";
import { anchorBaseline } from "./baseline-hypothesis";
import { CASE_CLASSES, generateCases, type AnchorCase, type CaseClass } from "./perturb";

const seedsArg = process.argv.find((a) => a.startsWith("--seeds="));
const SEEDS = seedsArg
  ? seedsArg.slice(8).split(",").map((s) => ({ label: `seed ${Number(s)}`, seed: Number(s) }))
  : [{ label: "main seed 1", seed: 1 }, { label: "held-out style, seed 7919", seed: 7919 }];
const PASSAGES = 160;
const TOLERANCE = 3; // characters a boundary may be off and still count as the right place
const TARGET = { overall: 0.97, perClass: 0.9, wrongWhenRemoved: 0.03, medianMs: 0.5, p95Ms: 5 };
const verbose = process.argv.includes("--verbose");

type Engine = (text: string, selectors: Selector[]) => Anchor | null;
type Tally = { n: number; ours: number; base: number; oursMs: number[]; baseMs: number[] };

const isRemoved = (cls: CaseClass) => cls === "removed" || cls === "removed-short";

/** Right: the right place within TOLERANCE on both boundaries, or null for a removed passage. */
function isRight(got: Anchor | null, c: AnchorCase): boolean {
  if (!c.expected) return got === null;
  return !!got && Math.abs(got.start - c.expected.start) <= TOLERANCE && Math.abs(got.end - c.expected.end) <= TOLERANCE;
}

function timed(engine: Engine, text: string, selectors: Selector[]): { got: Anchor | null; ms: number } {
  const t0 = performance.now();
  const got = engine(text, selectors);
  return { got, ms: performance.now() - t0 };
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const pct = (x: number) => (Number.isNaN(x) ? "   -  " : `${(100 * x).toFixed(1).padStart(5)}%`);
const ms = (x: number) => `${x.toFixed(3).padStart(7)} ms`;
const mark = (ok: boolean) => (ok ? "ok" : "MISSED");

function run(label: string, seed: number): boolean {
  const readings = loadReadingTexts();
  const tallies = new Map<CaseClass, Tally>(CASE_CLASSES.map((c) => [c, { n: 0, ours: 0, base: 0, oursMs: [], baseMs: [] }]));
  // Warm both engines up so that the JIT's first compilations are not measured.
  let warm = 0;
  for (const c of generateCases(readings, seed + 1, 8)) {
    const selectors = describe(c.original, c.start, c.end);
    anchor(c.edited, selectors);
    anchorBaseline(c.edited, selectors);
    warm++;
  }
  for (const c of generateCases(readings, seed, PASSAGES)) {
    c.edited.indexOf("\u0000"); // flatten the edited string outside the timings
    const selectors = describe(c.original, c.start, c.end);
    const ours = timed(anchor, c.edited, selectors);
    const base = timed(anchorBaseline, c.edited, selectors);
    const t = tallies.get(c.cls)!;
    t.n++;
    if (isRight(ours.got, c)) t.ours++;
    else if (verbose) report(c, ours.got);
    if (isRight(base.got, c)) t.base++;
    t.oursMs.push(ours.ms);
    t.baseMs.push(base.ms);
  }
  // A second pass over the same cases keeps each case's better time: a pause of
  // the machine (other processes, a GC of the generator's garbage) is not the
  // engine's. The cases in between keep every cache as cold as in the first pass.
  const seen = new Map<CaseClass, number>();
  for (const c of generateCases(readings, seed, PASSAGES)) {
    c.edited.indexOf("\u0000");
    const selectors = describe(c.original, c.start, c.end);
    const t = tallies.get(c.cls)!;
    const i = seen.get(c.cls) ?? 0;
    seen.set(c.cls, i + 1);
    t.oursMs[i] = Math.min(t.oursMs[i], timed(anchor, c.edited, selectors).ms);
    t.baseMs[i] = Math.min(t.baseMs[i], timed(anchorBaseline, c.edited, selectors).ms);
  }

  const rows: string[] = [];
  let recoverable = 0;
  let oursRight = 0;
  let baseRight = 0;
  let removed = 0;
  let oursWrong = 0;
  let baseWrong = 0;
  let everyClass = true;
  rows.push(`class                   cases   ours  baseline  target  ours median  ours p95`);
  for (const [cls, t] of tallies) {
    const ours = t.ours / t.n;
    const base = t.base / t.n;
    const line = `${cls.padEnd(22)} ${String(t.n).padStart(6)} ${pct(ours)}  ${pct(base)}`;
    if (isRemoved(cls)) {
      removed += t.n;
      oursWrong += t.n - t.ours;
      baseWrong += t.n - t.base;
      rows.push(`${line}   (null right)  ${ms(quantile(t.oursMs, 0.5))} ${ms(quantile(t.oursMs, 0.95))}`);
    } else {
      recoverable += t.n;
      oursRight += t.ours;
      baseRight += t.base;
      everyClass &&= ours >= TARGET.perClass;
      rows.push(`${line}  >=90% ${mark(ours >= TARGET.perClass).padEnd(6)} ${ms(quantile(t.oursMs, 0.5))} ${ms(quantile(t.oursMs, 0.95))}`);
    }
  }
  const all = [...tallies.values()];
  const oursMs = all.flatMap((t) => t.oursMs);
  const baseMs = all.flatMap((t) => t.baseMs);
  const overall = oursRight / recoverable;
  const wrong = oursWrong / removed;
  const median = quantile(oursMs, 0.5);
  const p95 = quantile(oursMs, 0.95);
  const checks = [
    overall >= TARGET.overall,
    everyClass,
    wrong <= TARGET.wrongWhenRemoved,
    median <= TARGET.medianMs,
    p95 <= TARGET.p95Ms,
  ];
  console.log(`\n### ${label}: ${PASSAGES} passages over ${readings.length} readings, ${oursMs.length} cases (${warm} warm-up)`);
  console.log("(time per anchor: the better of two passes over all cases, for both engines)\n");
  console.log("Recall per class (right place = both boundaries within 3 chars; removed classes: right = null)");
  console.log(rows.join("\n"));
  console.log("\nsummary                          ours    baseline   target");
  console.log(`overall recall (recoverable)   ${pct(overall)}     ${pct(baseRight / recoverable)}   >= 97%   ${mark(checks[0])}`);
  console.log(`every class recall >= 90%        ${everyClass ? "yes" : " no"}                         ${mark(checks[1])}`);
  console.log(`wrongly attached when removed  ${pct(wrong)}     ${pct(baseWrong / removed)}   <= 3%    ${mark(checks[2])}`);
  console.log(`anchor time median         ${ms(median)}  ${ms(quantile(baseMs, 0.5))}  <= 0.5 ms  ${mark(checks[3])}`);
  console.log(`anchor time p95            ${ms(p95)}  ${ms(quantile(baseMs, 0.95))}  <= 5 ms    ${mark(checks[4])}`);
  console.log(
    `time baseline/ours (>1: ours faster)  median ${(quantile(baseMs, 0.5) / median).toFixed(1)}x, p95 ${(quantile(baseMs, 0.95) / p95).toFixed(1)}x, total ${(sum(baseMs) / sum(oursMs)).toFixed(1)}x`,
  );
  return checks.every(Boolean);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function report(c: AnchorCase, got: Anchor | null) {
  const show = (s: string) => JSON.stringify(s.length > 120 ? s.slice(0, 60) + "…" + s.slice(-60) : s);
  const exp = c.expected ? `${c.expected.start}-${c.expected.end} ${show(c.edited.slice(c.expected.start, c.expected.end))}` : "null";
  const have = got ? `${got.start}-${got.end} ${got.method} ${got.score.toFixed(3)} ${show(c.edited.slice(got.start, got.end))}` : "null";
  console.log(`MISS ${c.cls} ${c.readingId}#${c.passage} quote ${show(c.original.slice(c.start, c.end))}\n  expected ${exp}\n  got      ${have}`);
}

const started = performance.now();
const met = SEEDS.map(({ label, seed }) => run(label, seed));
console.log(`\nall targets met on every seed: ${met.every(Boolean) ? "yes" : "NO"} (${((performance.now() - started) / 1000).toFixed(1)} s)`);

/**
 * 1,000 highlights on the longest reading, anchored and drawn in headless Chromium by
 * the reader's own code (`anchor`, `Highlighter`), bundled with esbuild and injected
 * into /read/<slug>. Selectors for 1,000 random passages are made server-side with
 * `describe` on the canonical text stored in the bench database. Issue target: anchor
 * and draw in under 300 ms. A second case inserts a paragraph near the start of the
 * rendered reading first, so stored positions no longer match and quotes are searched.
 * Always exits 0 when it could measure: it reports.
 *
 *   PARALLAX_REUSE_BUILD=1 npx tsx tests/bench/highlights.bench.ts
 */
import { describe, type Selector } from "@/lib/anchoring";
import { createPrismaClient } from "@/lib/db/client";
import { bundleAnchoring } from "./support/anchoring-bundle";
import { databaseFile } from "./support/bench-db";
import { withServer } from "./support/bench-run";
import { launchChromium } from "./support/browser";
import type { PassTiming } from "./support/highlights-page";
import { seededRandom } from "./support/random";
import type { BenchServer } from "./support/server";
import { randomSpans, type Span } from "./support/spans";
import { ms, printTable, quantile } from "./support/stats";

const SLUG = "kim-origins-of-the-korean-war";
const DATABASE = "file:./data/bench-highlights.db";
const PORT = 3232;
const HIGHLIGHTS = 1000;
const PASSES = 5;
const TARGET_MS = 300;
const INSERTED =
  "A paragraph added in a later version of the reading, so that every passage after it moves: " +
  "the stored positions no longer match and each quote has to be found again in the changed text.";
/** Which block the paragraph goes before (near the start, after the byline and the first paragraph). */
const INSERT_BEFORE_BLOCK = 2;

type PageApi = {
  timeAnchorAndDraw: (selectors: Selector[][], passes: number) => Promise<PassTiming[]>;
  insertParagraph: (blockIndex: number, paragraph: string) => { at: number; delta: number };
  renderedText: () => string;
};
declare global {
  interface Window {
    /** Set by the injected bundle (support/highlights-page.ts). */
    parallaxBench: PageApi;
  }
}

async function canonicalText(): Promise<string> {
  const db = createPrismaClient(`file:${databaseFile(DATABASE)}`);
  try {
    const document = await db.document.findUniqueOrThrow({ where: { slug: SLUG }, include: { currentVersion: true } });
    return document.currentVersion!.canonicalText;
  } finally {
    await db.$disconnect();
  }
}

/** How many passes' spans sit where the passages really are (after the edit, if any). */
function placedRight(pass: PassTiming, spans: Span[], edit: { at: number; delta: number } | null): number {
  return pass.spans.filter(([i, start, end]) => {
    const shift = edit && spans[i].start >= edit.at ? edit.delta : 0;
    return start === spans[i].start + shift && end === spans[i].end + shift;
  }).length;
}

function summarise(label: string, passes: PassTiming[], spans: Span[], edit: { at: number; delta: number } | null) {
  const median = (pick: (p: PassTiming) => number) => quantile(passes.map(pick), 0.5);
  const total = median((p) => p.text + p.anchor + p.draw);
  const painted = median((p) => p.text + p.anchor + p.draw + p.frame);
  const last = passes.at(-1)!;
  return {
    row: [
      label,
      ms(median((p) => p.text)),
      ms(median((p) => p.anchor)),
      ms(median((p) => p.draw)),
      ms(total),
      ms(painted),
      `< ${TARGET_MS} ms`,
      painted < TARGET_MS ? "yes" : total < TARGET_MS ? "yes (JS); no with paint" : "NO",
    ],
    note: `${label}: ${last.anchored} anchored, ${last.drawn} drawn, ${placedRight(last, spans, edit)} of ${spans.length} at the right place`,
  };
}

async function measure(server: BenchServer, script: string) {
  const text = await canonicalText();
  const spans = randomSpans(text, HIGHLIGHTS, seededRandom(38));
  const selectors = spans.map((s) => describe(text, s.start, s.end));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}/read/${SLUG}`, { waitUntil: "load" });
    await page.addStyleTag({ content: "::highlight(parallax-bench) { background-color: rgb(255 230 120 / 0.55); }" });
    await page.addScriptTag({ content: script });
    if ((await page.evaluate(() => window.parallaxBench.renderedText())) !== text) {
      throw new Error("the rendered reading does not map onto the stored canonical text");
    }
    // One pass first so that the engine's code is compiled before it is timed.
    await page.evaluate(([s]) => window.parallaxBench.timeAnchorAndDraw(s, 1), [selectors] as const);
    const unchanged = await page.evaluate(([s, n]) => window.parallaxBench.timeAnchorAndDraw(s, n), [selectors, PASSES] as const);

    const edit = await page.evaluate(([i, p]) => window.parallaxBench.insertParagraph(i, p), [INSERT_BEFORE_BLOCK, INSERTED] as const);
    const editedText = await page.evaluate(() => window.parallaxBench.renderedText());
    if (editedText !== text.slice(0, edit.at) + INSERTED + "\n\n" + text.slice(edit.at)) {
      throw new Error("the inserted paragraph did not land where expected");
    }
    await page.evaluate(([s]) => window.parallaxBench.timeAnchorAndDraw(s, 1), [selectors] as const);
    const changed = await page.evaluate(([s, n]) => window.parallaxBench.timeAnchorAndDraw(s, n), [selectors, PASSES] as const);
    return { text, spans, unchanged, changed, edit };
  } finally {
    await browser.close();
  }
}

function report({ text, spans, unchanged, changed, edit }: Awaited<ReturnType<typeof measure>>) {
  const a = summarise("text unchanged", unchanged, spans, null);
  const b = summarise("paragraph inserted", changed, spans, edit);
  const moved = spans.filter((s) => s.start >= edit.at).length;
  console.log(`${HIGHLIGHTS} random passages on /read/${SLUG} (${text.length.toLocaleString("en")} characters), median of ${PASSES} passes in headless Chromium.`);
  console.log(`Inserted case: ${INSERTED.length + 2} characters at offset ${edit.at}; ${moved} passages lie after it.\n`);
  printTable(["case", "read text", "anchor", "draw", "read + anchor + draw", "+ next frame", "target", "met"], [a.row, b.row]);
  console.log(`\n${a.note}\n${b.note}`);
}

async function main() {
  const script = await bundleAnchoring();
  report(await withServer({ port: PORT, database: DATABASE }, (server) => measure(server, script)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

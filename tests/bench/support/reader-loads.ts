import { launchChromium } from "./browser";

/** Navigation timings of one reader load, in ms from navigation start (NaN: not waited for). */
export type PageLoad = { drawnAt: number; responseStart: number; responseEnd: number; domContentLoaded: number };

/**
 * Runs in the page before its scripts: records when each named highlight set is
 * registered and how large it is, so the moment a draw finished is read exactly
 * rather than by polling.
 */
function recordHighlightSets() {
  const registry = Object.getPrototypeOf(CSS.highlights) as { set: (name: string, value: Highlight) => unknown };
  const original = registry.set;
  const log: { name: string; size: number; at: number }[] = [];
  (window as unknown as { __highlightLog: typeof log }).__highlightLog = log;
  registry.set = function (this: unknown, name: string, value: Highlight) {
    log.push({ name, size: value.size, at: performance.now() });
    return original.call(this, name, value);
  };
}

/**
 * Opens `path` in headless Chromium `loads` times after one warm-up load. With
 * `highlights` set, each load waits until the reader has drawn that many passages in
 * the "parallax-note" style; with null, until the load event.
 */
export async function timeReaderLoads(
  baseUrl: string,
  path: string,
  { cookies = [], highlights, loads }: { cookies?: { name: string; value: string }[]; highlights: number | null; loads: number },
): Promise<PageLoad[]> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addCookies(cookies.map((c) => ({ ...c, url: baseUrl })));
    await context.addInitScript(recordHighlightSets);
    const results: PageLoad[] = [];
    for (let i = 0; i <= loads; i++) {
      const page = await context.newPage();
      await page.goto(baseUrl + path, { waitUntil: highlights === null ? "load" : "commit", timeout: 120_000 });
      let drawnAt = NaN;
      if (highlights !== null) {
        const drawn = await page.waitForFunction(
          (n) => {
            const log = (window as unknown as { __highlightLog?: { name: string; size: number; at: number }[] }).__highlightLog ?? [];
            return log.find((entry) => entry.name === "parallax-note" && entry.size === n)?.at ?? false;
          },
          highlights,
          { timeout: 120_000, polling: 50 },
        );
        drawnAt = (await drawn.jsonValue()) as number;
      }
      const nav = await page.evaluate(() => {
        const entry = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        return { responseStart: entry.responseStart, responseEnd: entry.responseEnd, domContentLoaded: entry.domContentLoadedEventEnd };
      });
      if (i > 0) results.push({ drawnAt, ...nav }); // the first load warms the server and the caches
      await page.close();
    }
    return results;
  } finally {
    await browser.close();
  }
}

/** A page's HTML for a session: its size and how much of it is the React Server Components payload. */
export async function pageWeight(url: string, cookie: string): Promise<{ html: number; flight: number }> {
  const html = await (await fetch(url, { headers: { cookie } })).text();
  const flight = [...html.matchAll(/<script>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)].reduce((sum, m) => sum + m[1].length, 0);
  return { html: html.length, flight };
}

// The reader's server cost: render time of the longest reading beside serving the same
// HTML as a static file from the same server, and the gzipped JavaScript a reader loads.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { createPrismaClient } from "@/lib/db/client";
import { repoRoot } from "../support/paths";
import { startServer } from "./support/server";
import { ms, printTable, quantile } from "./support/stats";

const WARMUP = 10;
const REQUESTS = 60;
const database = "file:./data/bench-reader.db";
const staticDir = path.join(repoRoot, "public", "bench");

async function timeRequests(url: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(url);
    await response.text();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

async function longestReading(): Promise<string> {
  const db = createPrismaClient(database);
  try {
    const docs = await db.document.findMany({ include: { currentVersion: { select: { canonicalText: true } } } });
    docs.sort((a, b) => (b.currentVersion?.canonicalText.length ?? 0) - (a.currentVersion?.canonicalText.length ?? 0));
    return docs[0].slug;
  } finally {
    await db.$disconnect();
  }
}

async function main() {
  // Next serves public/ files it finds at start, so the static copy is written first from
  // a first run of the server, then both are measured on a second run.
  let server = await startServer({ port: 3217, database });
  const slug = await longestReading();
  const readerPath = `/read/${slug}`;
  const html = await (await fetch(server.url + readerPath)).text();
  await server.stop();
  fs.mkdirSync(staticDir, { recursive: true });
  fs.writeFileSync(path.join(staticDir, `${slug}.html`), html);

  server = await startServer({ port: 3217, database });
  try {
    const staticPath = `/bench/${slug}.html`;
    await timeRequests(server.url + readerPath, WARMUP);
    await timeRequests(server.url + staticPath, WARMUP);
    const rendered = await timeRequests(server.url + readerPath, REQUESTS);
    const served = await timeRequests(server.url + staticPath, REQUESTS);

    // noModule scripts are legacy polyfills a current browser never downloads.
    const scripts = [...html.matchAll(/<script([^>]*)>/g)]
      .filter((m) => !/\bnoModule\b/i.test(m[1]))
      .map((m) => /\bsrc="([^"]+)"/.exec(m[1])?.[1])
      .filter((src): src is string => Boolean(src));
    let gzipped = 0;
    for (const src of new Set(scripts)) {
      const body = Buffer.from(await (await fetch(new URL(src, server.url))).arrayBuffer());
      gzipped += gzipSync(body, { level: 9 }).length;
    }

    const ratio = quantile(rendered, 0.5) / quantile(served, 0.5);
    console.log(`Longest reading: ${readerPath} (${(html.length / 1024).toFixed(0)} KB of HTML), ${REQUESTS} requests after ${WARMUP} warm-up\n`);
    printTable(
      ["measure", "p50", "p95", "target"],
      [
        ["server render of the reading", ms(quantile(rendered, 0.5)), ms(quantile(rendered, 0.95)), ""],
        ["same HTML as a static file", ms(quantile(served, 0.5)), ms(quantile(served, 0.95)), ""],
        ["ratio render / static (p50)", `${ratio.toFixed(2)}×`, `${(quantile(rendered, 0.95) / quantile(served, 0.95)).toFixed(2)}×`, "≤ 3×"],
      ],
    );
    console.log(`\nJavaScript sent to ${readerPath}: ${scripts.length} scripts, ${(gzipped / 1024).toFixed(1)} KB gzipped (target ≤ 150 KB)`);
  } finally {
    await server.stop();
    fs.rmSync(staticDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

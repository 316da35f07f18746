/**
 * A busy reading: the longest one holding 1,000 notes and 3,000 replies in the demo
 * seminar. Measures (a) the notes listing a student's reader fetches
 * (GET /api/readings/<slug>/notes), and the first listing after a write, for which the
 * server reads the reading's notes afresh, and (b) the reader page in Chromium until
 * every highlight is drawn, with where the time goes beside each. Targets from the
 * issue: (a) p50 ≤ 30 ms, (b) median ≤ 1.5 s. Exits 0 when it could measure: it reports.
 *
 *   PARALLAX_REUSE_BUILD=1 npx tsx tests/bench/notes.bench.ts
 */
import { createPrismaClient } from "@/lib/db/client";
import { databaseFile } from "./support/bench-db";
import { withServer } from "./support/bench-run";
import { profileListing } from "./support/listing-profile";
import { DEMO_EMAILS, DEMO_PASSWORD, insertBusyReading } from "./support/notes-fixture";
import { pageWeight, timeReaderLoads, type PageLoad } from "./support/reader-loads";
import type { BenchServer } from "./support/server";
import { signIn } from "./support/session";
import { ms, printTable, quantile } from "./support/stats";

const SLUG = "kim-origins-of-the-korean-war";
const DATABASE = "file:./data/bench-notes.db";
const PORT = 3231;
const NOTES = 1000;
const REPLIES = 3000;
const WARMUP = 10;
const REQUESTS = 40;
const AFTER_WRITES = 10;
const PAGE_LOADS = 7;
const STUDENT = DEMO_EMAILS[1]; // ana@parallax.test
const TARGET = { listingP50: 30, drawnMedian: 1500 };

type Listing = { notes: { id: string; deleted: boolean; anchorStatus: string; replyCount: number }[] };

/** Times `count` listings as the reader's panel asks for them; returns times and the last body. */
async function timeListing(url: string, cookie: string, count: number) {
  const times: number[] = [];
  let body = "";
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    body = await response.text();
    times.push(performance.now() - started);
    if (!response.ok) throw new Error(`${url} answered ${response.status}: ${body.slice(0, 200)}`);
  }
  return { times, body };
}

async function measure(server: BenchServer) {
  const db = createPrismaClient(`file:${databaseFile(DATABASE)}`);
  try {
    const fixture = await insertBusyReading(db, { slug: SLUG, notes: NOTES, replies: REPLIES });
    const onReading = { documentId: fixture.documentId, seminarId: fixture.seminarId };
    const totals = { notes: await db.note.count({ where: onReading }), replies: await db.reply.count({ where: { note: onReading } }) };
    const session = await signIn(server.url, STUDENT, DEMO_PASSWORD);

    const listUrl = `${server.url}/api/readings/${SLUG}/notes?seminar=${fixture.seminarId}`;
    await timeListing(listUrl, session.cookieHeader, WARMUP);
    const { times, body } = await timeListing(listUrl, session.cookieHeader, REQUESTS);
    const listing = JSON.parse(body) as Listing;
    // The server keeps a reading's notes while nothing changes: after a write, the next
    // listing reads them afresh. Each round changes one note, then lists.
    const afterWrites: number[] = [];
    for (let i = 0; i < AFTER_WRITES; i++) {
      await db.note.update({ where: { id: listing.notes[i].id }, data: { updatedAt: new Date() } });
      afterWrites.push(...(await timeListing(listUrl, session.cookieHeader, 1)).times);
    }
    const drawable = listing.notes.filter((n) => !n.deleted && n.anchorStatus !== "orphaned").length;

    const viewer = { userId: (await db.user.findUniqueOrThrow({ where: { email: STUDENT } })).id, role: "student" as const };
    const profile = await profileListing(db, { seminarId: fixture.seminarId, slug: SLUG, viewer }, 10);
    const path = `/read/${SLUG}`;
    return {
      totals,
      seen: { notes: listing.notes.length, drawable, replies: listing.notes.reduce((sum, n) => sum + n.replyCount, 0) },
      listing: { times, afterWrites, bytes: Buffer.byteLength(body) },
      profile,
      signedIn: await timeReaderLoads(server.url, path, { cookies: session.cookies, highlights: drawable, loads: PAGE_LOADS }),
      signedOut: await timeReaderLoads(server.url, path, { highlights: null, loads: 3 }),
      weight: { signedIn: await pageWeight(server.url + path, session.cookieHeader), signedOut: await pageWeight(server.url + path, "") },
    };
  } finally {
    await db.$disconnect();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

function report(r: Awaited<ReturnType<typeof measure>>) {
  console.log(`Reading /read/${SLUG}: ${r.totals.notes} notes and ${r.totals.replies} replies in the demo seminar.`);
  console.log(`Signed in as ${STUDENT} (student): sees ${r.seen.notes} notes (${r.seen.drawable} drawn) and ${r.seen.replies} replies.\n`);

  const p50 = quantile(r.listing.times, 0.5);
  printTable(
    ["(a) notes listing", "p50", "p95", "target", "met"],
    [
      [`GET /api/readings/…/notes, ${REQUESTS} requests after ${WARMUP}`, ms(p50), ms(quantile(r.listing.times, 0.95)), `p50 ≤ ${TARGET.listingP50} ms`, p50 <= TARGET.listingP50 ? "yes" : "NO"],
      [`the first listing after a write, ${AFTER_WRITES} times`, ms(quantile(r.listing.afterWrites, 0.5)), ms(quantile(r.listing.afterWrites, 0.95)), "", ""],
      ["answer size", kb(r.listing.bytes), "", "", ""],
    ],
  );
  console.log("");
  printTable(
    ["where the listing's time goes (its steps replayed in this process)", "median"],
    [...r.profile.steps.map(([step, value]) => [step, ms(value)])],
  );
  console.log("");

  const median = (list: PageLoad[], pick: (l: PageLoad) => number) => quantile(list.map(pick), 0.5);
  const row = (label: string, list: PageLoad[], pick: (l: PageLoad) => number) => {
    const values = list.map(pick);
    return [label, ms(median(list, pick)), ms(Math.min(...values)), ms(Math.max(...values))];
  };
  const drawn = median(r.signedIn, (l) => l.drawnAt);
  printTable(
    ["(b) reader page in Chromium, ms from navigation start", `median of ${r.signedIn.length}`, "min", "max", "target", "met"],
    [
      [...row("first byte of the HTML (responseStart)", r.signedIn, (l) => l.responseStart), "", ""],
      [...row("HTML received (responseEnd)", r.signedIn, (l) => l.responseEnd), "", ""],
      [...row("DOMContentLoaded", r.signedIn, (l) => l.domContentLoaded), "", ""],
      [...row(`all ${r.seen.drawable} highlights drawn`, r.signedIn, (l) => l.drawnAt), `≤ ${TARGET.drawnMedian} ms`, drawn <= TARGET.drawnMedian ? "yes" : "NO"],
      [...row(`signed out (no notes), HTML received; ${r.signedOut.length} loads`, r.signedOut, (l) => l.responseEnd), "", ""],
    ],
  );
  const { signedIn, signedOut } = r.weight;
  console.log(
    `\nReader HTML signed in: ${kb(signedIn.html)}, of which ${kb(signedIn.flight)} is the React Server Components payload` +
      ` (signed out: ${kb(signedOut.html)} and ${kb(signedOut.flight)}).`,
  );
}

withServer({ port: PORT, database: DATABASE }, measure)
  .then(report)
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });

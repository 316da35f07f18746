/**
 * Revising a busy reading: the longest reading holding 1,000 notes, 200 links and 20
 * questions in one seminar gets a revision that touches a tenth of its paragraphs
 * (reworded, shortened, lengthened, deleted or split). Measures, on a real SQLite file
 * with the migrations applied and in this process, the two things an instructor waits
 * for: the revision report, and publishing (parse, place every item, write the new
 * version and every item in one transaction). Each run starts from a fresh copy of the
 * database. Target from the issue: each at most 2 s. Always exits 0 when it could
 * measure: it reports.
 *
 *   npx tsx tests/bench/revisions.bench.ts
 *
 * The services import "server-only", which throws outside React's server runtime; the
 * bench re-runs itself with `--conditions=react-server` (that package's empty export).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe } from "@/lib/anchoring";
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seededRandom, randomInt } from "./support/random";
import { randomSpans } from "./support/spans";
import { ms, printTable, quantile } from "./support/stats";

if (!process.execArgv.some((arg) => arg.includes("react-server"))) {
  const child = spawnSync(process.execPath, [...process.execArgv, "--conditions=react-server", ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(child.status ?? 1);
}

const SLUG = "kim-origins-of-the-korean-war";
const NOTES = 1000;
const LINKS = 200;
const QUESTIONS = 20;
const TOUCHED = 0.1;
const RUNS = Number(process.env.RUNS ?? 5);
const TARGET_MS = 2000;

type Fixture = { instructor: Actor; documentId: string; body: string; frontMatter: string; revised: string; paragraphs: number; touched: number };

/** A seminar with the reading, four members, and the items, written with createMany. */
async function insertItems(db: PrismaClient): Promise<{ instructor: Actor; documentId: string }> {
  const random = seededRandom(1950);
  const documents = await db.document.findMany({ include: { currentVersion: true } });
  const reading = documents.find((d) => d.slug === SLUG)!;
  const other = documents.find((d) => d.slug !== SLUG)!;
  const text = reading.currentVersion!.canonicalText;
  const otherText = other.currentVersion!.canonicalText;
  const users = await Promise.all(
    ["Instructor", "Ana", "Ben", "Chloe"].map((name) => db.user.create({ data: { email: `${name.toLowerCase()}@bench.test`, name, passwordHash: "x" } })),
  );
  const seminar = await db.seminar.create({
    data: {
      name: "Bench seminar",
      joinCode: "BENCH123",
      memberships: { create: users.map((u, i) => ({ userId: u.id, role: i === 0 ? "instructor" : "student" })) },
      readings: { create: [{ documentId: reading.id, position: 0 }, { documentId: other.id, position: 1 }] },
    },
  });
  const versionId = reading.currentVersion!.id;
  const anchorOn = (t: string, start: number, end: number) => JSON.stringify(describe(t, start, end));
  await db.note.createMany({
    data: randomSpans(text, NOTES, random).map((span, i) => {
      const selectors = anchorOn(text, span.start, span.end);
      return {
        seminarId: seminar.id, authorId: users[i % users.length].id, documentId: reading.id, versionId, originalVersionId: versionId,
        selectors, originalSelectors: selectors, motivation: "commenting", bodyText: `Note ${i}`, bodyHtml: `<p>Note ${i}</p>`,
        visibility: random() < 0.25 ? "private" : "seminar",
      };
    }),
  });
  const otherSpans = randomSpans(otherText, LINKS, random);
  for (const [i, span] of randomSpans(text, LINKS, random).entries()) {
    const a = anchorOn(text, span.start, span.end);
    const b = anchorOn(otherText, otherSpans[i].start, otherSpans[i].end);
    await db.link.create({
      data: {
        seminarId: seminar.id, authorId: users[1 + (i % 3)].id, relation: "parallel", visibility: "seminar",
        ends: {
          create: [
            { side: "a", documentId: reading.id, versionId, originalVersionId: versionId, selectors: a, originalSelectors: a },
            { side: "b", documentId: other.id, versionId: other.currentVersion!.id, originalVersionId: other.currentVersion!.id, selectors: b, originalSelectors: b },
          ],
        },
      },
    });
  }
  for (const [i, span] of randomSpans(text, QUESTIONS, random).entries()) {
    const selectors = anchorOn(text, span.start, span.end);
    await db.question.create({
      data: {
        seminarId: seminar.id, createdById: users[0].id, title: `Question ${i + 1}`, promptHtml: "<p>Why?</p>", promptText: "Why?", position: i,
        passages: { create: [{ documentId: reading.id, versionId, originalVersionId: versionId, selectors, originalSelectors: selectors, position: 0 }] },
      },
    });
  }
  return { instructor: { id: users[0].id, name: users[0].name, email: users[0].email }, documentId: reading.id };
}

/**
 * The revision: a tenth of the body's paragraphs (plain prose, not headings, notes or
 * quotations), each reworded in the middle, cut short, extended, deleted or split.
 */
function revise(body: string): { revised: string; paragraphs: number; touched: number } {
  const random = seededRandom(38);
  const chunks = body.split("\n\n");
  const prose = chunks.map((c, i) => [c, i] as const).filter(([c]) => /^[A-Z“"‘']/.test(c) && c.length > 200).map(([, i]) => i);
  const count = Math.round(prose.length * TOUCHED);
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(prose[randomInt(random, 0, prose.length)]);
  const out = chunks.flatMap((chunk, i) => {
    if (!chosen.has(i)) return [chunk];
    const words = chunk.split(" ");
    const mid = Math.floor(words.length / 2);
    switch (i % 5) {
      case 0: return [[...words.slice(0, mid), "in", "other", "words,", ...words.slice(mid + 2)].join(" ")];
      case 1: return [words.slice(0, Math.floor(words.length * 0.6)).join(" ") + "."];
      case 2: return [`${chunk} The editor added this sentence to the paragraph.`];
      case 3: return [];
      default: return [words.slice(0, mid).join(" "), words.slice(mid).join(" ")];
    }
  });
  return { revised: out.join("\n\n"), paragraphs: prose.length, touched: count };
}

async function main() {
  const { createTestDatabase } = await import("../support/database");
  const { createPrismaClient } = await import("@/lib/db/client");
  const { ingestReadings, loadReadings } = await import("@/lib/documents/ingest");
  const { splitReadingSource } = await import("@/lib/documents/import");
  const { publishRevision, reportRevision } = await import("@/lib/revisions/service");

  const database = createTestDatabase();
  const template = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "parallax-bench-")), "template.db");
  let fixture: Fixture;
  try {
    await ingestReadings(database.db, loadReadings(path.resolve("documents")));
    const { instructor, documentId } = await insertItems(database.db);
    const version = await database.db.documentVersion.findFirstOrThrow({ where: { documentId }, orderBy: { number: "desc" } });
    const { frontMatter, body } = splitReadingSource(version.source);
    fixture = { instructor, documentId, body, frontMatter, ...revise(body) };
  } finally {
    await database.db.$disconnect();
  }
  fs.copyFileSync(database.file, template);

  const reportTimes: number[] = [];
  const publishTimes: number[] = [];
  let last: Awaited<ReturnType<typeof publishRevision>> | undefined;
  for (let run = 0; run < RUNS; run++) {
    fs.copyFileSync(template, database.file);
    const db = createPrismaClient(`file:${database.file}`);
    try {
      const input = { baseVersion: 1, body: fixture.revised };
      let started = performance.now();
      await reportRevision(db, fixture.instructor, SLUG, input);
      reportTimes.push(performance.now() - started);
      started = performance.now();
      last = await publishRevision(db, fixture.instructor, SLUG, input);
      publishTimes.push(performance.now() - started);
    } finally {
      await db.$disconnect();
    }
  }
  const large = await timeLargeAdd(database.file, fixture);
  await database.close();
  fs.rmSync(path.dirname(template), { recursive: true, force: true });

  const moved = last!.moved;
  const counts = (c: { anchored: number; reanchored: number; orphaned: number }) => `${c.anchored} stay, ${c.reanchored} move, ${c.orphaned} orphaned`;
  console.log(`reading ${SLUG}: ${NOTES} notes, ${LINKS} links, ${QUESTIONS} questions; ${fixture.touched} of ${fixture.paragraphs} prose paragraphs revised`);
  console.log(`after publishing: notes ${counts(moved.notes)}; link ends ${counts(moved.links)}; question passages ${counts(moved.questions)}\n`);
  printTable(
    ["measure", "p50", "max", "target", ""],
    [
      ["revision report", ms(quantile(reportTimes, 0.5)), ms(Math.max(...reportTimes)), `≤ ${TARGET_MS} ms`, quantile(reportTimes, 0.5) <= TARGET_MS ? "met" : "NOT met"],
      ["publish (re-anchor all, one transaction)", ms(quantile(publishTimes, 0.5)), ms(Math.max(...publishTimes)), `≤ ${TARGET_MS} ms`, quantile(publishTimes, 0.5) <= TARGET_MS ? "met" : "NOT met"],
    ],
  );
  console.log(`\n${RUNS} runs, each on a fresh copy of the database.`);
  console.log(
    `\nAdding a ${(large.chars / 1e6).toFixed(1)} MB reading: ${ms(large.ms)} in all, ${large.updates} progress updates ` +
      `(${large.stages.join(" → ")}); the longest the server's event loop was held meanwhile: ${ms(large.maxStallMs)} ` +
      `(parsing runs in a worker thread).`,
  );
}

/**
 * Adds a reading of about 2 MB (the longest reading's body, repeated) while watching
 * this process's event loop: how long it is held at most is what other readers would
 * wait for.
 */
async function timeLargeAdd(file: string, fixture: Fixture) {
  const { createPrismaClient } = await import("@/lib/db/client");
  const { addReading } = await import("@/lib/revisions/service");
  const { monitorEventLoopDelay } = await import("node:perf_hooks");
  const db = createPrismaClient(`file:${file}`);
  const seminar = await db.seminar.findFirstOrThrow({ where: { joinCode: "BENCH123" } });
  const plain = fixture.body.replace(/\[\^[^\]]+\]:?/g, "");
  let body = "";
  while (body.length < 2_000_000) body += `${plain}\n\n`;
  const stages: string[] = [];
  let updates = 0;
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const started = performance.now();
  try {
    await addReading(db, fixture.instructor, { title: "A long reading", author: "Bench", kind: "book excerpt", body, seminarIds: [seminar.id], shared: false }, (update) => {
      updates++;
      if (stages.at(-1) !== update.stage) stages.push(update.stage);
    });
  } finally {
    loop.disable();
    await db.$disconnect();
  }
  return { chars: body.length, ms: performance.now() - started, updates, stages, maxStallMs: loop.max / 1e6 };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

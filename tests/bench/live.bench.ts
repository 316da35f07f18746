/**
 * Live collaboration under load: 50 signed-in readers hold the event stream of one
 * reading open (GET /api/readings/<slug>/events) while one of them saves notes. For
 * each note: the time from the POST's answer to the event having arrived on all 50
 * streams (p50, p95; target p95 ≤ 200 ms), and the server's memory per open stream
 * (RSS of the next-server process before and after opening them, / 50). Also checks
 * that every stream got every note once and that a private note reached only its
 * author. Exits 0 when it could measure: it reports.
 *
 *   PARALLAX_REUSE_BUILD=1 npx tsx tests/bench/live.bench.ts
 *
 * It serves the existing build. If that build predates the events route, it says so and
 * measures the same path in-process instead (route handlers called directly, no HTTP).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { selectorsFor } from "@/lib/annotations/selectors";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { readFrames, type FrameReader } from "@/lib/realtime/sse-reader";
import { databaseFile } from "./support/bench-db";
import { withServer } from "./support/bench-run";
import { DEMO_EMAILS, DEMO_JOIN_CODE, DEMO_PASSWORD } from "./support/notes-fixture";
import type { BenchServer } from "./support/server";
import { signIn, type Session } from "./support/session";
import { ms, printTable, quantile } from "./support/stats";

const PORT = 3241;
const DATABASE = "file:./data/bench-live.db";
const STREAMS = 50;
const WARMUP = 5;
const SAMPLES = 40;
const TARGET_P95_MS = 200;
const WAIT_MS = 15_000;
const WRITER = DEMO_EMAILS[1]; // ana@parallax.test

/** One open stream and how to close it. */
type Stream = { reader: FrameReader; close: () => Promise<void> };
/** What the measurement needs from either mode. */
type Harness = {
  mode: string;
  slug: string;
  open(reader: number): Promise<Stream>;
  /** Saves a note as the writer; `sentAt`/`returnedAt` are performance.now() around the POST. */
  post(visibility: "seminar" | "private", text: string): Promise<{ id: string; sentAt: number; returnedAt: number }>;
  /** The server's resident memory in bytes (null: not measurable). */
  rss(): number | null;
  rssLabel: string;
};

const data = (raw: string) => (raw ? JSON.parse(raw) : {});
const pause = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, msToWait));

/** Adds readers to the demo seminar until it has `count` members who can sign in; returns their e-mails (writer first). */
async function benchReaders(db: PrismaClient, count: number): Promise<string[]> {
  const seminar = await db.seminar.findUniqueOrThrow({ where: { joinCode: DEMO_JOIN_CODE } });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const emails = [WRITER, ...DEMO_EMAILS.filter((e) => e !== WRITER)];
  for (let i = emails.length; i < count; i++) {
    const email = `bench-reader-${String(i).padStart(2, "0")}@parallax.test`;
    const user = await db.user.upsert({ where: { email }, update: {}, create: { email, name: `Bench Reader ${i}`, passwordHash } });
    await db.membership.upsert({
      where: { seminarId_userId: { seminarId: seminar.id, userId: user.id } },
      update: {},
      create: { seminarId: seminar.id, userId: user.id, role: "student" },
    });
    emails.push(email);
  }
  return emails;
}

/** The demo seminar's first reading: its slug, current version and text. */
async function benchReading(db: PrismaClient) {
  const seminar = await db.seminar.findUniqueOrThrow({
    where: { joinCode: DEMO_JOIN_CODE },
    include: { readings: { orderBy: { position: "asc" }, take: 1, include: { document: { include: { currentVersion: true } } } } },
  });
  const document = seminar.readings[0]!.document;
  return { seminarId: seminar.id, slug: document.slug, versionId: document.currentVersion!.id, text: document.currentVersion!.canonicalText };
}

function noteBody(reading: Awaited<ReturnType<typeof benchReading>>, n: number, visibility: "seminar" | "private", text: string) {
  const start = (n * 97) % Math.max(1, reading.text.length - 200);
  return {
    target: { versionId: reading.versionId, selectors: selectorsFor(reading.text, start, start + 40) },
    motivation: "commenting",
    body: { html: `<p>${text}</p>` },
    tags: [],
    visibility,
  };
}

/** The next-server process serving this bench's database (largest RSS among them), read from /proc. */
function serverPid(): number | null {
  let best: { pid: number; rss: number } | null = null;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = fs.readFileSync(`/proc/${entry}/environ`, "utf8");
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (!environ.includes(`DATABASE_URL=${DATABASE}\0`) || !/next/.test(cmdline) || cmdline.includes("start.mjs")) continue;
      const rss = rssOf(Number(entry));
      if (rss !== null && (!best || rss > best.rss)) best = { pid: Number(entry), rss };
    } catch {
      // gone, or not ours to read
    }
  }
  return best?.pid ?? null;
}

function rssOf(pid: number): number | null {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) * 1024 : null;
}

/** Against the production server: signed-in sessions over loopback HTTP. */
async function serverHarness(server: BenchServer): Promise<Harness | null> {
  const db = createPrismaClient(`file:${databaseFile(DATABASE)}`);
  try {
    const reading = await benchReading(db);
    const probe = await fetch(`${server.url}/api/readings/${reading.slug}/events?seminar=${reading.seminarId}`);
    if (probe.status !== 401) {
      console.error(`The build being served has no events route (GET …/events answered ${probe.status}); build first to measure over HTTP.`);
      return null;
    }
    const emails = await benchReaders(db, STREAMS);
    const sessions: Session[] = [];
    for (const email of emails) sessions.push(await signIn(server.url, email, DEMO_PASSWORD));
    const pid = serverPid();
    let n = 0;
    return {
      mode: `production server on 127.0.0.1:${PORT}, ${STREAMS} sessions of ${STREAMS} different members`,
      slug: reading.slug,
      rssLabel: pid ? `next-server (pid ${pid}) VmRSS` : "next-server not found",
      rss: () => (pid ? rssOf(pid) : null),
      async open(i) {
        const abort = new AbortController();
        const response = await fetch(`${server.url}/api/readings/${reading.slug}/events?seminar=${reading.seminarId}`, {
          headers: { cookie: sessions[i].cookieHeader, accept: "text/event-stream" },
          signal: abort.signal,
        });
        if (response.status !== 200) throw new Error(`stream ${i} answered ${response.status}: ${await response.text()}`);
        const reader = readFrames(response.body!);
        return {
          reader,
          close: async () => {
            abort.abort();
            await reader.ended;
          },
        };
      },
      async post(visibility, text) {
        const sentAt = performance.now();
        const response = await fetch(`${server.url}/api/readings/${reading.slug}/notes?seminar=${reading.seminarId}`, {
          method: "POST",
          headers: { cookie: sessions[0].cookieHeader, "content-type": "application/json" },
          body: JSON.stringify(noteBody(reading, n++, visibility, text)),
        });
        const answer = (await response.json()) as { note?: { id: string } };
        const returnedAt = performance.now();
        if (response.status !== 201 || !answer.note) throw new Error(`POST note answered ${response.status}: ${JSON.stringify(answer)}`);
        return { id: answer.note.id, sentAt, returnedAt };
      },
    };
  } finally {
    await db.$disconnect();
  }
}

/** Opens every stream, runs the notes, measures; closes everything. */
async function measure(h: Harness) {
  // Load the route once so the baseline includes its code, not just idle memory.
  const warm = await h.open(0);
  await warm.reader.waitFor((f) => f.event === "presence", { timeoutMs: WAIT_MS });
  await warm.close();
  await pause(1000);
  const rssSamples = async () => {
    const values: number[] = [];
    for (let i = 0; i < 3; i++) {
      values.push(h.rss() ?? NaN);
      await pause(400);
    }
    return quantile(values, 0.5);
  };
  const rssBefore = await rssSamples();

  const streams: Stream[] = [];
  for (let i = 0; i < STREAMS; i++) {
    const stream = await h.open(i);
    await stream.reader.waitFor((f) => f.event === "presence", { timeoutMs: WAIT_MS });
    streams.push(stream);
  }
  const last = streams[STREAMS - 1].reader;
  const everyone = await last.waitFor((f) => f.event === "presence" && data(f.data).names.length === STREAMS, { timeoutMs: WAIT_MS });
  await pause(1500);
  const rssOpen = await rssSamples();

  const arrival = async (noteId: string) => {
    const frames = await Promise.all(
      streams.map((s) => s.reader.waitFor((f) => f.event === "note.created" && data(f.data).noteId === noteId, { timeoutMs: WAIT_MS })),
    );
    return Math.max(...frames.map((f) => f.receivedAt));
  };
  const fromReturn: number[] = [];
  const fromSend: number[] = [];
  const roundTrip: number[] = [];
  const ids: string[] = [];
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    const posted = await h.post("seminar", `Live bench note ${i}`);
    const lastArrival = await arrival(posted.id);
    ids.push(posted.id);
    if (i >= WARMUP) {
      fromReturn.push(lastArrival - posted.returnedAt);
      fromSend.push(lastArrival - posted.sentAt);
      roundTrip.push(posted.returnedAt - posted.sentAt);
    }
    await pause(50);
  }

  // Correctness under load: each note once on every stream; a private note on the writer's only.
  const secret = await h.post("private", "Live bench private note");
  const sentinel = await h.post("seminar", "Live bench sentinel");
  await arrival(sentinel.id);
  let duplicates = 0;
  let missing = 0;
  let leaked = 0;
  for (const [i, stream] of streams.entries()) {
    const seen = stream.reader.frames.filter((f) => f.event === "note.created").map((f) => data(f.data).noteId as string);
    for (const id of ids) {
      const count = seen.filter((s) => s === id).length;
      if (count === 0) missing++;
      if (count > 1) duplicates++;
    }
    if (i !== 0 && seen.includes(secret.id)) leaked++;
  }
  const writerGotSecret = streams[0].reader.frames.some((f) => f.event === "note.created" && data(f.data).noteId === secret.id);

  // Closing: every stream lets go; a new reader then finds itself alone.
  for (const stream of streams) await stream.close();
  await pause(500);
  const probe = await h.open(1);
  const presence = await probe.reader.waitFor((f) => f.event === "presence", { timeoutMs: WAIT_MS });
  await probe.close();

  return {
    fromReturn,
    fromSend,
    roundTrip,
    rssBefore,
    rssOpen,
    connected: data(everyone.data).names.length as number,
    duplicates,
    missing,
    leaked,
    writerGotSecret,
    afterClose: data(presence.data).names.length as number,
  };
}

function report(h: Harness, r: Awaited<ReturnType<typeof measure>>) {
  console.log(`Mode: ${h.mode}. Reading ${h.slug}; ${r.connected} people present on the stream.\n`);
  const p95 = quantile(r.fromReturn, 0.95);
  const perStream = (r.rssOpen - r.rssBefore) / STREAMS;
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const kb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(0)} KB` : "n/a");
  printTable(
    ["live notes, " + `${SAMPLES} notes after ${WARMUP}, ${STREAMS} streams`, "p50", "p95", "max", "target", "met"],
    [
      ["POST answered → event on all streams", ms(quantile(r.fromReturn, 0.5)), ms(p95), ms(Math.max(...r.fromReturn)), `p95 ≤ ${TARGET_P95_MS} ms`, p95 <= TARGET_P95_MS ? "yes" : "NO"],
      ["POST sent → event on all streams", ms(quantile(r.fromSend, 0.5)), ms(quantile(r.fromSend, 0.95)), ms(Math.max(...r.fromSend)), "", ""],
      ["POST round trip", ms(quantile(r.roundTrip, 0.5)), ms(quantile(r.roundTrip, 0.95)), ms(Math.max(...r.roundTrip)), "", ""],
    ],
  );
  console.log("");
  printTable(
    ["memory and correctness", "value", "target", "met"],
    [
      [`${h.rssLabel} with no stream`, Number.isFinite(r.rssBefore) ? mb(r.rssBefore) : "n/a", "", ""],
      [`… with ${STREAMS} streams open`, Number.isFinite(r.rssOpen) ? mb(r.rssOpen) : "n/a", "", ""],
      ["memory per open stream (RSS delta / streams)", kb(perStream), "report", ""],
      ["notes missing on a stream / delivered twice", `${r.missing} / ${r.duplicates}`, "0 / 0", r.missing + r.duplicates === 0 ? "yes" : "NO"],
      ["private note seen by others / by its author", `${r.leaked} / ${r.writerGotSecret ? "yes" : "no"}`, "0 / yes", r.leaked === 0 && r.writerGotSecret ? "yes" : "NO"],
      ["people present after every stream closed (a new probe)", String(r.afterClose), "1", r.afterClose === 1 ? "yes" : "NO"],
    ],
  );
  console.log(
    "\nA negative time means the event was on every stream before the POST's answer arrived: the service publishes" +
      " before it answers. RSS moves with the garbage collector too: read the per-stream figure as an order of magnitude.",
  );
}

/** The same path without HTTP: route handlers called in this process (no build needed). */
async function inProcess(): Promise<void> {
  const { createTestDatabase } = await import("../support/database");
  const notesRoute = await import("@/app/api/readings/[slug]/notes/route");
  const eventsRoute = await import("@/app/api/readings/[slug]/events/route");
  const t = createTestDatabase();
  try {
    const db = t.db;
    const text = fs.readFileSync(path.join(import.meta.dirname, "../../documents", fs.readdirSync(path.join(import.meta.dirname, "../../documents")).find((f) => f.endsWith(".md"))!), "utf8").slice(0, 20_000);
    const document = await db.document.create({ data: { slug: "bench-live", title: "Bench", author: "Anon", kind: "article", sourceFile: "bench.md" } });
    const version = await db.documentVersion.create({
      data: { documentId: document.id, number: 1, contentHash: "x", source: text, canonicalText: text, blocks: "[]", wordCount: 1 },
    });
    await db.document.update({ where: { id: document.id }, data: { currentVersionId: version.id } });
    const seminar = await db.seminar.create({ data: { name: "Bench", joinCode: DEMO_JOIN_CODE } });
    await db.seminarReading.create({ data: { seminarId: seminar.id, documentId: document.id, position: 0 } });
    const actors: Actor[] = [];
    for (let i = 0; i < STREAMS; i++) {
      const user = await db.user.create({ data: { email: `r${i}@bench.test`, name: `Reader ${i}`, passwordHash: "x" } });
      await db.membership.create({ data: { seminarId: seminar.id, userId: user.id, role: i === 0 ? "instructor" : "student" } });
      actors.push({ id: user.id, name: user.name, email: user.email });
    }
    const reading = await benchReading(db);
    const deps = (i: number) => ({ db, resolveActor: async () => actors[i] });
    let n = 0;
    const h: Harness = {
      mode: `in-process (no HTTP; route handlers called directly; SQLite file), ${STREAMS} members`,
      slug: reading.slug,
      rssLabel: "this process's RSS (server and clients together)",
      rss: () => process.memoryUsage().rss,
      async open(i) {
        const abort = new AbortController();
        const url = `http://bench.test/api/readings/${reading.slug}/events?seminar=${reading.seminarId}`;
        const response = await eventsRoute.GET(new Request(url, { signal: abort.signal }), { params: Promise.resolve({ slug: reading.slug }), deps: deps(i) });
        const reader = readFrames(response.body!);
        return {
          reader,
          close: async () => {
            abort.abort();
            await reader.ended;
          },
        };
      },
      async post(visibility, body) {
        const sentAt = performance.now();
        const req = new Request(`http://bench.test/api/readings/${reading.slug}/notes?seminar=${reading.seminarId}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(noteBody(reading, n++, visibility, body)),
        });
        const response = await notesRoute.POST(req, { params: Promise.resolve({ slug: reading.slug }), deps: deps(0) });
        const answer = (await response.json()) as { note?: { id: string } };
        const returnedAt = performance.now();
        if (!answer.note) throw new Error(JSON.stringify(answer));
        return { id: answer.note.id, sentAt, returnedAt };
      },
    };
    report(h, await measure(h));
  } finally {
    await t.close();
  }
}

async function main() {
  if (process.argv.includes("--in-process")) return inProcess();
  process.env.PARALLAX_REUSE_BUILD ??= "1";
  const measured = await withServer({ port: PORT, database: DATABASE }, async (server) => {
    const h = await serverHarness(server);
    if (!h) return false;
    report(h, await measure(h));
    return true;
  });
  if (measured) return;
  // `server-only` modules load under the react-server condition, as Next loads them.
  console.log("Measuring in-process instead.\n");
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", import.meta.filename, "--in-process"], {
    stdio: "inherit",
    env: process.env,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

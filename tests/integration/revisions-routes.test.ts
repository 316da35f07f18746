// The add, import, revise and re-attach endpoints: bad input gets a clear 4xx and
// stores nothing, students get 403, and an orphan is re-attached only by its author or
// an instructor, only to a passage of the current text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as importRoute from "@/app/api/readings/import/route";
import * as readingsRoute from "@/app/api/readings/route";
import * as revisionsRoute from "@/app/api/readings/[slug]/revisions/route";
import * as reportRoute from "@/app/api/readings/[slug]/revisions/report/route";
import * as anchorRoute from "@/app/api/anchors/[kind]/[id]/route";
import * as jobRoute from "@/app/api/jobs/[id]/route";
import * as uploadRoute from "@/app/api/readings/[slug]/versions/[n]/upload/route";
import { selectorsFor } from "@/lib/annotations/selectors";
import { getReading } from "@/lib/documents/service";
import { publishRevision } from "@/lib/revisions/service";
import type { RouteContext } from "@/lib/http/route";
import type { Actor } from "@/lib/auth/actor";
import { call } from "./annotations-support";
import { createRevisionWorld, REVISED_BODY, type RevisionWorld } from "./revisions-support";

let w: RevisionWorld;
beforeAll(async () => {
  w = await createRevisionWorld();
});
afterAll(async () => {
  await w.close();
});

type Handler<P> = (req: Request, context: RouteContext<P>) => Promise<Response>;

/** Sends raw bytes, as the add form sends a file. */
async function upload(actor: Actor | null, bytes: Uint8Array, name: string | null) {
  const req = new Request("http://parallax.test/api/readings/import", {
    method: "POST",
    headers: { "content-type": "application/octet-stream", ...(name ? { "x-file-name": encodeURIComponent(name) } : {}) },
    body: bytes as BodyInit,
  });
  const response = await (importRoute.POST as Handler<Record<string, never>>)(req, {
    params: Promise.resolve({}),
    deps: { db: w.db, resolveActor: async () => actor },
  });
  return { status: response.status, json: await response.json() };
}

const documents = () => w.db.document.count();

async function waitForJob(actor: Actor, id: string) {
  for (let i = 0; i < 200; i++) {
    const { json } = await call(w, jobRoute.GET, { actor, params: { id } });
    if (json.job.stage === "done" || json.job.stage === "failed") return json.job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the job did not finish");
}

describe("POST /api/readings/import", () => {
  const text = (value: string) => new TextEncoder().encode(value);

  it("converts each format for an instructor and stores nothing", async () => {
    const before = await documents();
    const md = await upload(w.actors.instructor, text("# A title\n\nSome words *here*.\n"), "essay.md");
    expect(md).toMatchObject({ status: 200, json: { format: "markdown", name: "essay.md" } });
    expect(md.json.body).toContain("Some words");
    const html = await upload(w.actors.instructor, text("<html><head><title>T</title><script>alert(1)</script></head><body><h1>T</h1><p>Words.</p></body></html>"), "page.html");
    expect(html.json.format).toBe("html");
    expect(html.json.body).not.toContain("alert");
    const plain = await upload(w.actors.instructor, text("Line one.\n\nLine two."), "notes.txt");
    expect(plain.json.format).toBe("text");
    expect(await documents()).toBe(before);
  });

  it("answers bad uploads with a clear message", async () => {
    expect(await upload(w.actors.instructor, new Uint8Array(), "empty.txt")).toMatchObject({ status: 400, json: { error: { code: "bad_request" } } });
    expect(await upload(w.actors.instructor, text("   \n\n  "), "blank.txt")).toMatchObject({ status: 400 });
    const pdf = await upload(w.actors.instructor, text("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj"), "paper.pdf");
    expect(pdf).toMatchObject({ status: 415, json: { error: { code: "unsupported_media_type" } } });
    const latin1 = await upload(w.actors.instructor, Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]), "cafe.txt");
    expect(latin1.status).toBe(415);
    expect(latin1.json.error.message).toMatch(/UTF-8/);
    const big = await upload(w.actors.instructor, new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61), "big.txt");
    expect(big).toMatchObject({ status: 413, json: { error: { code: "too_large" } } });
    const scripts = await upload(w.actors.instructor, text("<script>alert(1)</script><img src='http://x/y.png'>"), "empty.html");
    expect(scripts.status).toBe(400);
  });

  it("converts a large upload off the server's thread, and refuses a large binary the same way", async () => {
    const paragraph = "A long reading keeps the seminar busy for a week of careful work. ";
    const big = await upload(w.actors.instructor, text(`# Long\n\n${`${paragraph.repeat(20)}\n\n`.repeat(250)}`), "long.md");
    expect(big.status).toBe(200);
    expect(big.json.body.length).toBeGreaterThan(300_000);
    const binary = new Uint8Array(300_000).fill(0x41);
    binary.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]);
    expect(await upload(w.actors.instructor, binary, "image.txt")).toMatchObject({ status: 415, json: { error: { code: "unsupported_media_type" } } });
  });

  it("refuses students (403) and visitors (401)", async () => {
    expect((await upload(w.actors.author, text("Words."), "a.txt")).status).toBe(403);
    expect((await upload(null, text("Words."), "a.txt")).status).toBe(401);
  });
});

describe("POST /api/readings", () => {
  const valid = () => ({ title: "Added by the API", author: "Someone", kind: "article", body: "A paragraph of words.\n", seminarIds: [w.seminarId], shared: false });

  it("adds a reading through a job an instructor can follow", async () => {
    const started = await call(w, readingsRoute.POST, { actor: w.actors.instructor, json: valid() });
    expect(started.status).toBe(202);
    const job = await waitForJob(w.actors.instructor, started.json.job);
    expect(job).toMatchObject({ stage: "done", result: { slug: "added-by-the-api" } });
    expect((await getReading("added-by-the-api", w.db)).text).toBe("A paragraph of words.");
    // Someone else cannot follow the job.
    expect((await call(w, jobRoute.GET, { actor: w.actors.author, params: { id: started.json.job } })).status).toBe(404);
  });

  it("refuses bad input and strangers before storing anything", async () => {
    const before = await documents();
    expect((await call(w, readingsRoute.POST, { actor: w.actors.instructor, raw: "{not json" })).status).toBe(400);
    expect((await call(w, readingsRoute.POST, { actor: w.actors.instructor, json: { ...valid(), kind: "novel" } })).status).toBe(400);
    expect((await call(w, readingsRoute.POST, { actor: w.actors.instructor, json: { ...valid(), year: "1950" } })).status).toBe(400);
    expect((await call(w, readingsRoute.POST, { actor: w.actors.instructor, json: { ...valid(), title: "" } })).status).toBe(400);
    expect((await call(w, readingsRoute.POST, { actor: w.actors.author, json: valid() })).status).toBe(403);
    expect((await call(w, readingsRoute.POST, { actor: null, json: valid() })).status).toBe(401);
    // A seminar the instructor does not teach: the job fails with 403 and stores nothing.
    const foreign = await call(w, readingsRoute.POST, { actor: w.actors.instructor, json: { ...valid(), seminarIds: [w.otherSeminarId] } });
    expect(await waitForJob(w.actors.instructor, foreign.json.job)).toMatchObject({ stage: "failed", error: { code: "forbidden" } });
    const noWhere = await call(w, readingsRoute.POST, { actor: w.actors.instructor, json: { ...valid(), seminarIds: [] } });
    expect(await waitForJob(w.actors.instructor, noWhere.json.job)).toMatchObject({ stage: "failed", error: { code: "bad_request" } });
    const broken = await call(w, readingsRoute.POST, { actor: w.actors.instructor, json: { ...valid(), body: "Words.[^1]\n\n[^2]: A note.\n" } });
    expect(await waitForJob(w.actors.instructor, broken.json.job)).toMatchObject({ stage: "failed", error: { code: "bad_request" } });
    expect(await documents()).toBe(before);
  });
});

describe("GET /api/readings/[slug]/versions/[n]/upload", () => {
  it("gives the original upload back as a download to those who may read the reading, and 404 otherwise", async () => {
    const original = "<html><head><title>Kept</title></head><body><p>The original words.</p><script>alert(1)</script></body></html>";
    const started = await call(w, readingsRoute.POST, {
      actor: w.actors.instructor,
      json: { title: "From an upload", author: "Someone", kind: "article", body: "The original words.\n", seminarIds: [w.seminarId], shared: false, upload: { name: "kept.html", format: "html", text: original } },
    });
    const { result } = await waitForJob(w.actors.instructor, started.json.job);
    const get = (actor: Actor | null, n: string, slug: string = result.slug) => {
      const req = new Request(`http://parallax.test/api/readings/${slug}/versions/${n}/upload`);
      return uploadRoute.GET(req, { params: Promise.resolve({ slug, n }), deps: { db: w.db, resolveActor: async () => actor } });
    };
    const download = await get(w.actors.author, "1");
    expect(download.status).toBe(200);
    expect(await download.text()).toBe(original);
    expect(download.headers.get("content-disposition")).toContain("attachment");
    expect(download.headers.get("content-type")).toMatch(/^text\/html/);
    expect((await get(w.actors.nonMember, "1")).status).toBe(404);
    expect((await get(null, "1")).status).toBe(404);
    expect((await get(w.actors.author, "2")).status).toBe(404);
    expect((await get(w.actors.author, "x")).status).toBe(404);
    // A reading typed in the app has no upload to give back.
    expect((await get(w.actors.author, "1", w.readingSlug)).status).toBe(404);
  });
});

describe("revision endpoints", () => {
  it("report for an instructor; 403 for a student, 404 for an outsider or unknown reading, 400 for bad bodies", async () => {
    const json = { baseVersion: 1, body: REVISED_BODY };
    const ok = await call(w, reportRoute.POST, { actor: w.actors.instructor, params: { slug: w.readingSlug }, json });
    expect(ok.status).toBe(200);
    expect(ok.json.report.counts.notes.orphaned).toBe(1);
    expect((await call(w, reportRoute.POST, { actor: w.actors.author, params: { slug: w.readingSlug }, json })).status).toBe(403);
    expect((await call(w, reportRoute.POST, { actor: w.actors.otherInstructor, params: { slug: w.readingSlug }, json })).status).toBe(404);
    expect((await call(w, reportRoute.POST, { actor: w.actors.instructor, params: { slug: "no-such-reading" }, json })).status).toBe(404);
    expect((await call(w, reportRoute.POST, { actor: w.actors.instructor, params: { slug: w.readingSlug }, json: { baseVersion: "1", body: "x" } })).status).toBe(400);
    expect((await call(w, reportRoute.POST, { actor: w.actors.instructor, params: { slug: w.readingSlug }, raw: "[" })).status).toBe(400);
    expect((await call(w, revisionsRoute.POST, { actor: w.actors.author, params: { slug: w.readingSlug }, json })).status).toBe(403);
    expect((await call(w, revisionsRoute.POST, { actor: null, params: { slug: w.readingSlug }, json })).status).toBe(401);
  });
});

describe("PUT /api/anchors/[kind]/[id]: re-attaching an orphan", () => {
  let versionId: string;
  let text: string;
  beforeAll(async () => {
    await publishRevision(w.db, w.actors.instructor, w.readingSlug, { baseVersion: 1, body: REVISED_BODY });
    const reading = await getReading(w.readingSlug, w.db);
    versionId = reading.versionId;
    text = reading.text;
  });
  const target = (quote: string) => {
    const start = text.indexOf(quote);
    return { target: { versionId, selectors: selectorsFor(text, start, start + quote.length) } };
  };
  const put = (actor: Actor | null, kind: string, id: string, json: unknown) => call(w, anchorRoute.PUT, { actor, params: { kind, id }, json });

  it("lets the author re-attach their orphaned note to a passage of the current text", async () => {
    expect((await w.db.note.findUniqueOrThrow({ where: { id: w.notes.deleted } })).anchorStatus).toBe("orphaned");
    const done = await put(w.actors.author, "note", w.notes.deleted, target("The last paragraph"));
    expect(done).toMatchObject({ status: 200, json: { anchorStatus: "anchored", versionId } });
    const note = await w.db.note.findUniqueOrThrow({ where: { id: w.notes.deleted } });
    expect(note.anchorStatus).toBe("anchored");
    expect(JSON.parse(note.selectors)[0].exact).toBe("The last paragraph");
    expect(JSON.parse(note.originalSelectors)[0].exact).toBe("the weather in Pusan");
  });

  it("refuses other students (403), outsiders (404), visitors (401), stale versions (409) and bad selectors (400)", async () => {
    expect((await put(w.actors.otherStudent, "note", w.notes.kept, target("The first paragraph"))).status).toBe(403);
    expect((await put(w.actors.nonMember, "note", w.notes.kept, target("The first paragraph"))).status).toBe(404);
    expect((await put(w.actors.author, "note", w.notes.privateOther, target("The first paragraph"))).status).toBe(404);
    expect((await put(null, "note", w.notes.kept, target("The first paragraph"))).status).toBe(401);
    const stale = { target: { ...target("The first paragraph").target, versionId: "old-version" } };
    expect((await put(w.actors.author, "note", w.notes.kept, stale)).status).toBe(409);
    const wrong = { target: { versionId, selectors: [{ type: "TextQuoteSelector", exact: "not there" }, { type: "TextPositionSelector", start: 0, end: 9 }] } };
    expect((await put(w.actors.author, "note", w.notes.kept, wrong)).status).toBe(400);
    expect((await put(w.actors.author, "note", w.notes.kept, { target: "x" })).status).toBe(400);
    expect((await put(w.actors.author, "notes", w.notes.kept, target("The first paragraph"))).status).toBe(404);
    expect((await put(w.actors.author, "note", "no-such-note", target("The first paragraph"))).status).toBe(404);
  });

  it("lets the link's author or an instructor re-attach a link end, and only instructors a question's passage", async () => {
    const end = await w.db.linkEnd.findFirstOrThrow({ where: { linkId: w.linkId, side: "a" } });
    expect(end.anchorStatus).toBe("orphaned");
    expect((await put(w.actors.otherStudent, "link-end", `${w.linkId}:a`, target("The first paragraph"))).status).toBe(403);
    expect((await put(w.actors.author, "link-end", `${w.linkId}:c`, target("The first paragraph"))).status).toBe(404);
    expect((await put(w.actors.instructor, "link-end", end.id, target("The first paragraph"))).status).toBe(200);
    const passage = await w.db.questionPassage.findFirstOrThrow({ where: { questionId: w.questionId } });
    expect((await put(w.actors.author, "question-passage", passage.id, target("The last paragraph"))).status).toBe(403);
    expect((await put(w.actors.otherInstructor, "question-passage", passage.id, target("The last paragraph"))).status).toBe(404);
    expect((await put(w.actors.instructor, "question-passage", passage.id, target("The last paragraph"))).status).toBe(200);
  });
});

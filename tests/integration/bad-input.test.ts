// Bad input at every endpoint: malformed JSON, wrong types, oversize bodies, unknown
// ids, and selectors that do not fit the text. Each gets its 4xx as
// {"error":{"code","message"}}, never a stack trace, and nothing saved is lost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as accountsRoute from "@/app/api/accounts/route";
import * as seminarsRoute from "@/app/api/seminars/route";
import * as seminarRoute from "@/app/api/seminars/[id]/route";
import * as joinRoute from "@/app/api/seminars/join/route";
import * as codeRoute from "@/app/api/seminars/[id]/code/route";
import * as readingsRoute from "@/app/api/seminars/[id]/readings/route";
import * as memberRoute from "@/app/api/seminars/[id]/members/[userId]/route";
import * as notesRoute from "@/app/api/readings/[slug]/notes/route";
import * as noteRoute from "@/app/api/notes/[id]/route";
import * as hideRoute from "@/app/api/notes/[id]/hide/route";
import * as repliesRoute from "@/app/api/notes/[id]/replies/route";
import * as exportRoute from "@/app/api/notes/[id]/annotation/route";
import * as replyRoute from "@/app/api/replies/[id]/route";
import * as replyHideRoute from "@/app/api/replies/[id]/hide/route";
import { createReply } from "@/lib/annotations/replies";
import { createNote } from "@/lib/annotations/service";
import { selectorsFor } from "@/lib/annotations/selectors";
import { call, createWorld, READING_TEXT, targetFor, type World } from "./annotations-support";

let world: World;
let noteId: string;
let replyId: string;
beforeAll(async () => {
  world = await createWorld();
  const note = await createNote(world.db, world.actors.author, world.slug, world.seminarId, {
    target: targetFor(world, "thirty-eighth parallel"),
    motivation: "commenting",
    body: { html: "<p>Saved before the bad input.</p>" },
    tags: ["kept"],
    visibility: "seminar",
  });
  noteId = note.id;
  replyId = (await createReply(world.db, world.actors.author, noteId, { body: { html: "<p>Saved reply.</p>" } })).id;
});
afterAll(async () => {
  await world.close();
});

type Endpoint = {
  name: string;
  handler: (req: Request, ctx: any) => Promise<Response>;
  method: string;
  params: () => Record<string, string>;
  path?: () => string;
  wrongTypes: () => unknown[];
};

const notesPath = () => `/api/readings/${world.slug}/notes?seminar=${world.seminarId}`;
const bodyEndpoints: Endpoint[] = [
  { name: "POST /api/accounts", handler: accountsRoute.POST, method: "POST", params: () => ({}), wrongTypes: () => [[], { email: 5, name: "x", password: "longenough" }, { email: "not-an-email", name: "x", password: "longenough" }, { email: "a@b.test", name: "x", password: "short" }] },
  { name: "POST /api/seminars", handler: seminarsRoute.POST, method: "POST", params: () => ({}), wrongTypes: () => [{}, { name: 42 }, { name: "" }, { name: "ok", extra: true }] },
  { name: "POST /api/seminars/join", handler: joinRoute.POST, method: "POST", params: () => ({}), wrongTypes: () => [{ code: 12345678 }, { code: "" }, "SSSSSSSS"] },
  { name: "PUT /api/seminars/[id]/readings", handler: readingsRoute.PUT, method: "PUT", params: () => ({ id: world.seminarId }), wrongTypes: () => [{ slugs: "korea-1950" }, { slugs: [1] }, { slugs: ["korea-1950", "korea-1950"] }] },
  { name: "POST /api/readings/[slug]/notes", handler: notesRoute.POST, method: "POST", params: () => ({ slug: world.slug }), path: notesPath, wrongTypes: () => [{}, { target: "x", motivation: "commenting", visibility: "seminar" }, { target: targetFor(world, "Seoul"), motivation: "shouting", visibility: "seminar" }, { target: targetFor(world, "Seoul"), motivation: "highlighting", visibility: "public" }, { target: targetFor(world, "Seoul"), motivation: "highlighting", visibility: "seminar", tags: "a,b" }] },
  { name: "PATCH /api/notes/[id]", handler: noteRoute.PATCH, method: "PATCH", params: () => ({ id: noteId }), wrongTypes: () => [{}, { revision: "1" }, { revision: 1, tags: [3] }, { revision: 1.5 }] },
  { name: "POST /api/notes/[id]/hide", handler: hideRoute.POST, method: "POST", params: () => ({ id: noteId }), wrongTypes: () => [{}, { hidden: "yes" }, { hidden: 1 }] },
  { name: "POST /api/notes/[id]/replies", handler: repliesRoute.POST, method: "POST", params: () => ({ id: noteId }), wrongTypes: () => [{}, { body: "text" }, { body: {} }, { body: { html: 5 } }, { parentId: 3, body: { html: "x" } }] },
  { name: "PATCH /api/replies/[id]", handler: replyRoute.PATCH, method: "PATCH", params: () => ({ id: replyId }), wrongTypes: () => [{ body: { html: "x" } }, { revision: 1 }, { revision: 1, body: null }] },
  { name: "POST /api/replies/[id]/hide", handler: replyHideRoute.POST, method: "POST", params: () => ({ id: replyId }), wrongTypes: () => [{ hidden: null }, []] },
];

/** Who may reach the body check of each endpoint (so 400 is about the body, not a 403). */
const actorFor = (name: string) =>
  name.includes("hide") || name.includes("readings") ? world.actors.instructor : world.actors.author;

function expectError(result: { status: number; json: any }, status: number, code: string) {
  expect(result.status, JSON.stringify(result.json)).toBe(status);
  expect(result.json.error.code).toBe(code);
  expect(typeof result.json.error.message).toBe("string");
  expect(JSON.stringify(result.json)).not.toMatch(/\bat .*\.(ts|js):\d+|Error:|prisma/i);
}

describe("bad input at every endpoint that takes a body", () => {
  for (const endpoint of bodyEndpoints) {
    const base = () => ({ actor: actorFor(endpoint.name), params: endpoint.params(), method: endpoint.method, path: endpoint.path?.() });
    it(`${endpoint.name}: malformed JSON → 400`, async () => {
      for (const raw of ['{"a":', "{'single': 'quotes'}", "undefined", "\u0000"]) {
        expectError(await call(world, endpoint.handler, { ...base(), raw }), 400, "bad_request");
      }
    });
    it(`${endpoint.name}: empty body and wrong types → 400`, async () => {
      expectError(await call(world, endpoint.handler, { ...base(), raw: "" }), 400, "bad_request");
      for (const json of [null, 42, ...endpoint.wrongTypes()]) {
        expectError(await call(world, endpoint.handler, { ...base(), json }), 400, "bad_request");
      }
    });
    it(`${endpoint.name}: a request body over 512 KB → 413`, async () => {
      const raw = JSON.stringify({ padding: "x".repeat(600 * 1024) });
      expectError(await call(world, endpoint.handler, { ...base(), raw }), 413, "too_large");
    });
  }
});

describe("unknown ids → 404 at every endpoint that names one", () => {
  const cases: [string, (req: Request, ctx: any) => Promise<Response>, Record<string, string>, unknown?, string?][] = [
    ["GET /api/seminars/[id]", seminarRoute.GET, { id: "nope" }],
    ["POST /api/seminars/[id]/code", codeRoute.POST, { id: "nope" }],
    ["PUT /api/seminars/[id]/readings", readingsRoute.PUT, { id: "nope" }, { slugs: [] }],
    ["DELETE /api/seminars/[id]/members/[userId] (seminar)", memberRoute.DELETE, { id: "nope", userId: "nope" }],
    ["GET /api/readings/[slug]/notes (reading)", notesRoute.GET, { slug: "nope" }, undefined, "?seminar=SEMINAR"],
    ["GET /api/readings/[slug]/notes (seminar)", notesRoute.GET, { slug: "korea-1950" }, undefined, "?seminar=nope"],
    ["POST /api/readings/[slug]/notes (reading)", notesRoute.POST, { slug: "nope" }, { target: { versionId: "v", selectors: selectorsFor(READING_TEXT, 0, 2) }, motivation: "highlighting", visibility: "private" }, "?seminar=SEMINAR"],
    ["GET /api/notes/[id]", noteRoute.GET, { id: "nope" }],
    ["PATCH /api/notes/[id]", noteRoute.PATCH, { id: "nope" }, { revision: 1, tags: [] }],
    ["DELETE /api/notes/[id]", noteRoute.DELETE, { id: "nope" }],
    ["POST /api/notes/[id]/hide", hideRoute.POST, { id: "nope" }, { hidden: true }],
    ["POST /api/notes/[id]/replies", repliesRoute.POST, { id: "nope" }, { body: { html: "x" } }],
    ["GET /api/notes/[id]/annotation", exportRoute.GET, { id: "nope" }],
    ["PATCH /api/replies/[id]", replyRoute.PATCH, { id: "nope" }, { revision: 1, body: { html: "x" } }],
    ["DELETE /api/replies/[id]", replyRoute.DELETE, { id: "nope" }],
    ["POST /api/replies/[id]/hide", replyHideRoute.POST, { id: "nope" }, { hidden: true }],
  ];
  for (const [name, handler, params, json, query] of cases) {
    it(name, async () => {
      const path = `/api/x${(query ?? "").replace("SEMINAR", world.seminarId)}`;
      const method = name.split(" ")[0];
      expectError(await call(world, handler, { actor: world.actors.instructor, params, json, path, method }), 404, "not_found");
    });
  }
  it("a member id that is not in the seminar, a reading slug, a reply parent, a version → 404", async () => {
    const member = await call(world, memberRoute.DELETE, { actor: world.actors.instructor, params: { id: world.seminarId, userId: "nope" }, method: "DELETE" });
    expectError(member, 404, "not_found");
    const readings = await call(world, readingsRoute.PUT, { actor: world.actors.instructor, params: { id: world.seminarId }, method: "PUT", json: { slugs: ["no-such-reading"] } });
    expectError(readings, 404, "not_found");
    const parent = await call(world, repliesRoute.POST, { actor: world.actors.author, params: { id: noteId }, json: { parentId: "nope", body: { html: "x" } } });
    expectError(parent, 404, "not_found");
    const version = await call(world, notesRoute.POST, {
      actor: world.actors.author, params: { slug: world.slug }, path: notesPath(),
      json: { target: { ...targetFor(world, "Seoul"), versionId: world.secondVersionId }, motivation: "highlighting", visibility: "private" },
    });
    expectError(version, 404, "not_found");
  });
});

describe("selectors that do not fit the canonical text → 400", () => {
  const at = (start: number, end: number, exact: string, extra: object = {}) => ({
    versionId: "",
    selectors: [{ type: "TextQuoteSelector", exact, ...extra }, { type: "TextPositionSelector", start, end }],
  });
  const cases: [string, ReturnType<typeof at> | object][] = [
    ["position past the end", at(READING_TEXT.length - 2, READING_TEXT.length + 5, READING_TEXT.slice(-2))],
    ["negative start", at(-1, 4, "On 2")],
    ["empty range", at(5, 5, "x")],
    ["end before start", at(10, 3, "x")],
    ["quote not at the position", at(0, 5, "Seoul")],
    ["quote differs by case", at(0, 2, "on")],
    ["prefix wrong", at(3, 10, READING_TEXT.slice(3, 10), { prefix: "XX" })],
    ["suffix wrong", at(3, 10, READING_TEXT.slice(3, 10), { suffix: "nope" })],
    ["only one selector", { versionId: "", selectors: [{ type: "TextPositionSelector", start: 0, end: 2 }] }],
    ["two of a kind", { versionId: "", selectors: [{ type: "TextPositionSelector", start: 0, end: 2 }, { type: "TextPositionSelector", start: 0, end: 2 }] }],
    ["unknown selector type", { versionId: "", selectors: [{ type: "CssSelector", value: "p" }, { type: "TextPositionSelector", start: 0, end: 2 }] }],
    ["non-integer offsets", at(0.5, 2, "On")],
  ];
  for (const [name, target] of cases) {
    it(name, async () => {
      const result = await call(world, notesRoute.POST, {
        actor: world.actors.author, params: { slug: world.slug }, path: notesPath(),
        json: { target: { ...target, versionId: world.versionId }, motivation: "highlighting", visibility: "private" },
      });
      expectError(result, 400, "bad_request");
    });
  }
});

describe("sizes and shapes of bodies and tags", () => {
  const create = (extra: object) =>
    call(world, notesRoute.POST, {
      actor: world.actors.author, params: { slug: world.slug }, path: notesPath(),
      json: { target: targetFor(world, "Seoul"), motivation: "commenting", visibility: "private", body: { html: "<p>ok</p>" }, ...extra },
    });
  it("a body of exactly 20,000 characters is saved; 20,001 → 413 (html and json alike)", async () => {
    expect((await create({ body: { html: `<p>${"a".repeat(20_000)}</p>` } })).status).toBe(201);
    expectError(await create({ body: { html: `<p>${"a".repeat(20_001)}</p>` } }), 413, "too_large");
    const doc = (n: number) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "b".repeat(n) }] }] });
    expect((await create({ body: { json: doc(20_000) } })).status).toBe(201);
    expectError(await create({ body: { json: doc(20_001) } }), 413, "too_large");
    const reply = await call(world, repliesRoute.POST, { actor: world.actors.author, params: { id: noteId }, json: { body: { html: "c".repeat(20_001) } } });
    expectError(reply, 413, "too_large");
  });
  it("tags: 20 of up to 40 characters are fine; 21, a 41-character tag, or an empty one → 400", async () => {
    expect((await create({ tags: Array.from({ length: 20 }, (_, i) => `t${i}`.padEnd(40, "x")) })).status).toBe(201);
    expectError(await create({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }), 400, "bad_request");
    expectError(await create({ tags: ["x".repeat(41)] }), 400, "bad_request");
    expectError(await create({ tags: ["  "] }), 400, "bad_request");
  });
  it("a comment without a body, a highlight with one, or a body with no text → 400", async () => {
    expectError(await create({ body: undefined }), 400, "bad_request");
    expectError(await create({ motivation: "highlighting" }), 400, "bad_request");
    expectError(await create({ body: { html: "<script>alert(1)</script>" } }), 400, "bad_request");
  });
  it("a missing or unknown query parameter on the notes list → 400", async () => {
    expectError(await call(world, notesRoute.GET, { actor: world.actors.author, params: { slug: world.slug }, path: "/api/x" }), 400, "bad_request");
    expectError(await call(world, notesRoute.GET, { actor: world.actors.author, params: { slug: world.slug }, path: `${notesPath()}&sort=random` }), 400, "bad_request");
  });
  it("none of the bad input above changed what was saved before it", async () => {
    const note = await call(world, noteRoute.GET, { actor: world.actors.author, params: { id: noteId } });
    expect(note.json.note).toMatchObject({ revision: 1, tags: ["kept"], body: { text: "Saved before the bad input." } });
    expect(note.json.note.replies.map((r: { body: { text: string } }) => r.body.text)).toEqual(["Saved reply."]);
  });
});

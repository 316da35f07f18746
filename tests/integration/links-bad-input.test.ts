// Bad input at every link endpoint: malformed JSON, wrong types, oversize bodies,
// unknown ids, selectors that do not fit either text. Each gets its 4xx as
// {"error":{"code","message"}}, never a stack trace, and nothing saved is lost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as seminarLinksRoute from "@/app/api/seminars/[id]/links/route";
import * as readingLinksRoute from "@/app/api/readings/[slug]/links/route";
import * as linkRoute from "@/app/api/links/[id]/route";
import * as hideRoute from "@/app/api/links/[id]/hide/route";
import * as repliesRoute from "@/app/api/links/[id]/replies/route";
import * as replyRoute from "@/app/api/links/[id]/replies/[replyId]/route";
import * as replyHideRoute from "@/app/api/links/[id]/replies/[replyId]/hide/route";
import * as suggestionsRoute from "@/app/api/seminars/[id]/suggestions/route";
import * as confirmRoute from "@/app/api/seminars/[id]/suggestions/[suggestionId]/confirm/route";
import * as dismissRoute from "@/app/api/seminars/[id]/suggestions/[suggestionId]/dismiss/route";
import { createLinkReply } from "@/lib/links/replies";
import { createLink } from "@/lib/links/service";
import { selectorsFor } from "@/lib/annotations/selectors";
import { call, createLinkWorld, endFor, linkInput, READING_TEXT, SECOND_TEXT, type LinkWorld } from "./links-support";

let world: LinkWorld;
let linkId: string;
let replyId: string;
let otherLinkId: string;
beforeAll(async () => {
  world = await createLinkWorld();
  const link = await createLink(world.db, world.actors.author, world.seminarId, linkInput(world, { note: "Saved before the bad input." }));
  linkId = link.id;
  replyId = (await createLinkReply(world.db, world.actors.author, linkId, { body: { html: "<p>Saved reply.</p>" } })).id;
  otherLinkId = (await createLink(world.db, world.actors.author, world.seminarId, linkInput(world))).id;
});
afterAll(async () => {
  await world.close();
});

type Handler = (req: Request, ctx: any) => Promise<Response>;
type Endpoint = { name: string; handler: Handler; method: string; params: () => Record<string, string>; wrongTypes: () => unknown[]; actor?: "instructor" };

const endpoints: Endpoint[] = [
  {
    name: "POST /api/seminars/[id]/links", handler: seminarLinksRoute.POST, method: "POST", params: () => ({ id: world.seminarId }),
    wrongTypes: () => [
      {},
      { ...linkInput(world), relation: "likes" },
      { ...linkInput(world), visibility: "public" },
      { ...linkInput(world), a: "000" },
      { ...linkInput(world), b: { slug: world.secondSlug } },
      { ...linkInput(world), a: { ...endFor(world, "first", "Seoul"), slug: 5 } },
      { ...linkInput(world), body: "a note" },
      { ...linkInput(world), extra: true },
    ],
  },
  { name: "PATCH /api/links/[id]", handler: linkRoute.PATCH, method: "PATCH", params: () => ({ id: linkId }), wrongTypes: () => [{}, { revision: "1" }, { revision: 1.5 }, { revision: 1, relation: "likes" }, { revision: 1, visibility: 3 }] },
  { name: "POST /api/links/[id]/hide", handler: hideRoute.POST, method: "POST", params: () => ({ id: linkId }), wrongTypes: () => [{}, { hidden: "yes" }, { hidden: 1 }], actor: "instructor" },
  { name: "POST /api/links/[id]/replies", handler: repliesRoute.POST, method: "POST", params: () => ({ id: linkId }), wrongTypes: () => [{}, { body: "text" }, { body: {} }, { body: { html: 5 } }, { parentId: 3, body: { html: "x" } }] },
  { name: "PATCH /api/links/[id]/replies/[replyId]", handler: replyRoute.PATCH, method: "PATCH", params: () => ({ id: linkId, replyId }), wrongTypes: () => [{ body: { html: "x" } }, { revision: 1 }, { revision: 1, body: null }] },
  { name: "POST /api/links/[id]/replies/[replyId]/hide", handler: replyHideRoute.POST, method: "POST", params: () => ({ id: linkId, replyId }), wrongTypes: () => [{ hidden: null }, []], actor: "instructor" },
];

function expectError(result: { status: number; json: any }, status: number, code: string) {
  expect(result.status, JSON.stringify(result.json)).toBe(status);
  expect(result.json.error.code).toBe(code);
  expect(typeof result.json.error.message).toBe("string");
  expect(JSON.stringify(result.json)).not.toMatch(/\bat .*\.(ts|js):\d+|Error:|prisma/i);
}

describe("links: bad input at every endpoint that takes a body", () => {
  for (const endpoint of endpoints) {
    const base = () => ({ actor: world.actors[endpoint.actor ?? "author"], params: endpoint.params(), method: endpoint.method });
    it(`${endpoint.name}: malformed JSON → 400`, async () => {
      for (const raw of ['{"a":', "{'single': 'quotes'}", "undefined", "\u0000"]) {
        expectError(await call(world, endpoint.handler, { ...base(), raw }), 400, "bad_request");
      }
    });
    it(`${endpoint.name}: empty body and wrong types → 400`, async () => {
      expectError(await call(world, endpoint.handler, { ...base(), raw: "" }), 400, "bad_request");
      for (const json of [null, 42, [], ...endpoint.wrongTypes()]) {
        expectError(await call(world, endpoint.handler, { ...base(), json }), 400, "bad_request");
      }
    });
    it(`${endpoint.name}: a request body over 512 KB → 413`, async () => {
      const raw = JSON.stringify({ padding: "x".repeat(600 * 1024) });
      expectError(await call(world, endpoint.handler, { ...base(), raw }), 413, "too_large");
    });
  }
});

describe("links: unknown ids → 404", () => {
  const cases: [string, Handler, () => Record<string, string>, unknown?, string?][] = [
    ["GET /api/seminars/[id]/links", seminarLinksRoute.GET, () => ({ id: "nope" })],
    ["POST /api/seminars/[id]/links (seminar)", seminarLinksRoute.POST, () => ({ id: "nope" }), "LINK"],
    ["GET /api/readings/[slug]/links (reading)", readingLinksRoute.GET, () => ({ slug: "nope" }), undefined, "?seminar=SEMINAR"],
    ["GET /api/readings/[slug]/links (seminar)", readingLinksRoute.GET, () => ({ slug: world.slug }), undefined, "?seminar=nope"],
    ["GET /api/links/[id]", linkRoute.GET, () => ({ id: "nope" })],
    ["PATCH /api/links/[id]", linkRoute.PATCH, () => ({ id: "nope" }), { revision: 1, relation: "cites" }],
    ["DELETE /api/links/[id]", linkRoute.DELETE, () => ({ id: "nope" })],
    ["POST /api/links/[id]/hide", hideRoute.POST, () => ({ id: "nope" }), { hidden: true }],
    ["POST /api/links/[id]/replies", repliesRoute.POST, () => ({ id: "nope" }), { body: { html: "x" } }],
    ["POST /api/links/[id]/replies (parent)", repliesRoute.POST, () => ({ id: linkId }), { parentId: "nope", body: { html: "x" } }],
    ["PATCH /api/links/[id]/replies/[replyId]", replyRoute.PATCH, () => ({ id: linkId, replyId: "nope" }), { revision: 1, body: { html: "x" } }],
    ["PATCH …/replies/[replyId] of another link", replyRoute.PATCH, () => ({ id: otherLinkId, replyId }), { revision: 1, body: { html: "x" } }],
    ["DELETE /api/links/[id]/replies/[replyId]", replyRoute.DELETE, () => ({ id: linkId, replyId: "nope" })],
    ["DELETE …/replies/[replyId] of another link", replyRoute.DELETE, () => ({ id: otherLinkId, replyId })],
    ["POST /api/links/[id]/replies/[replyId]/hide", replyHideRoute.POST, () => ({ id: "nope", replyId }), { hidden: true }],
    ["GET /api/seminars/[id]/suggestions", suggestionsRoute.GET, () => ({ id: "nope" })],
    ["POST …/suggestions/[id]/confirm", confirmRoute.POST, () => ({ id: world.seminarId, suggestionId: "nope" })],
    ["POST …/suggestions/[id]/dismiss", dismissRoute.POST, () => ({ id: world.seminarId, suggestionId: "nope" })],
  ];
  for (const [name, handler, params, json, query] of cases) {
    it(name, async () => {
      const path = `/api/x${(query ?? "").replace("SEMINAR", world.seminarId)}`;
      const method = name.split(" ")[0];
      const body = json === "LINK" ? linkInput(world) : json;
      expectError(await call(world, handler, { actor: world.actors.instructor, params: params(), json: body, path, method }), 404, "not_found");
    });
  }
  it("an unknown reading or version at either end → 404", async () => {
    const create = (json: object) => call(world, seminarLinksRoute.POST, { actor: world.actors.author, params: { id: world.seminarId }, json });
    expectError(await create({ ...linkInput(world), a: { ...endFor(world, "first", "Seoul"), slug: "no-such-reading" } }), 404, "not_found");
    const wrongVersion = endFor(world, "second", "Stalin");
    expectError(await create({ ...linkInput(world), b: { ...wrongVersion, target: { ...wrongVersion.target, versionId: world.versionId } } }), 404, "not_found");
  });
});

describe("links: selectors that do not fit either text → 400", () => {
  const at = (start: number, end: number, exact: string, extra: object = {}) => [
    { type: "TextQuoteSelector", exact, ...extra },
    { type: "TextPositionSelector", start, end },
  ];
  const cases: [string, unknown[]][] = [
    ["position past the end", at(READING_TEXT.length - 2, READING_TEXT.length + 5, READING_TEXT.slice(-2))],
    ["negative start", at(-1, 4, "On 2")],
    ["empty range", at(5, 5, "x")],
    ["quote not at the position", at(0, 5, "Seoul")],
    ["prefix wrong", at(3, 10, READING_TEXT.slice(3, 10), { prefix: "XX" })],
    ["only one selector", [{ type: "TextPositionSelector", start: 0, end: 2 }]],
    ["unknown selector type", [{ type: "CssSelector", value: "p" }, { type: "TextPositionSelector", start: 0, end: 2 }]],
    ["non-integer offsets", at(0.5, 2, "On")],
  ];
  for (const side of ["a", "b"] as const) {
    for (const [name, selectors] of cases) {
      it(`end ${side}: ${name}`, async () => {
        const input = linkInput(world);
        // The first reading's offsets, so on end b they are checked against the second reading's text.
        const end = { ...input[side], target: { ...input[side].target, selectors } };
        const result = await call(world, seminarLinksRoute.POST, { actor: world.actors.author, params: { id: world.seminarId }, json: { ...input, [side]: end } });
        expectError(result, 400, "bad_request");
      });
    }
  }
  it("both ends the same passage → 400; two places of one reading → 201", async () => {
    const same = { ...linkInput(world), b: endFor(world, "first", "Seoul had fallen") };
    expectError(await call(world, seminarLinksRoute.POST, { actor: world.actors.author, params: { id: world.seminarId }, json: same }), 400, "bad_request");
    const within = { ...linkInput(world), b: endFor(world, "first", "Inchon") };
    expect((await call(world, seminarLinksRoute.POST, { actor: world.actors.author, params: { id: world.seminarId }, json: within })).status).toBe(201);
  });
  it("a selector made on the second text used at end a → 400", async () => {
    const b = selectorsFor(SECOND_TEXT, 0, 6);
    const input = linkInput(world);
    const json = { ...input, a: { ...input.a, target: { ...input.a.target, selectors: b } } };
    expectError(await call(world, seminarLinksRoute.POST, { actor: world.actors.author, params: { id: world.seminarId }, json }), 400, "bad_request");
  });
});

describe("links: sizes, queries, and what survives", () => {
  it("a note of 20,000 characters is saved; 20,001 → 413; an empty note → 400", async () => {
    const create = (html: string) =>
      call(world, seminarLinksRoute.POST, { actor: world.actors.author, params: { id: world.seminarId }, json: { ...linkInput(world), body: { html } } });
    expect((await create(`<p>${"a".repeat(20_000)}</p>`)).status).toBe(201);
    expectError(await create(`<p>${"a".repeat(20_001)}</p>`), 413, "too_large");
    expectError(await create("<script>alert(1)</script>"), 400, "bad_request");
    const reply = await call(world, repliesRoute.POST, { actor: world.actors.author, params: { id: linkId }, json: { body: { html: "c".repeat(20_001) } } });
    expectError(reply, 413, "too_large");
  });
  it("a missing or unknown query parameter → 400", async () => {
    expectError(await call(world, readingLinksRoute.GET, { actor: world.actors.author, params: { slug: world.slug }, path: "/api/x" }), 400, "bad_request");
    const path = `/api/x?seminar=${world.seminarId}&sort=random`;
    expectError(await call(world, readingLinksRoute.GET, { actor: world.actors.author, params: { slug: world.slug }, path }), 400, "bad_request");
    expectError(await call(world, suggestionsRoute.GET, { actor: world.actors.instructor, params: { id: world.seminarId }, path: "/api/x?mine=true" }), 400, "bad_request");
  });
  it("a stale revision → 409 with the current link, and nothing is overwritten", async () => {
    const first = await call(world, linkRoute.PATCH, { actor: world.actors.author, params: { id: otherLinkId }, method: "PATCH", json: { revision: 1, relation: "cites" } });
    expect(first.json.link).toMatchObject({ revision: 2, relation: "cites" });
    const stale = await call(world, linkRoute.PATCH, { actor: world.actors.author, params: { id: otherLinkId }, method: "PATCH", json: { revision: 1, relation: "quotes" } });
    expect(stale.status).toBe(409);
    expect(stale.json.error.details.current).toMatchObject({ revision: 2, relation: "cites" });
  });
  it("none of the bad input above changed what was saved before it", async () => {
    const link = await call(world, linkRoute.GET, { actor: world.actors.author, params: { id: linkId } });
    expect(link.json.link).toMatchObject({ revision: 1, relation: "parallel", body: { text: "Saved before the bad input." } });
    expect(link.json.link.replies.map((r: { body: { text: string } }) => r.body.text)).toEqual(["Saved reply."]);
  });
});

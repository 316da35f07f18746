// Bad input at every endpoint of guided questions: malformed JSON, wrong types,
// oversize requests and bodies, selectors that do not fit the text, unknown ids.
// Each gets its 4xx as {"error":{"code","message"}}, and nothing saved is lost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as questionsRoute from "@/app/api/seminars/[id]/questions/route";
import * as orderRoute from "@/app/api/seminars/[id]/questions/order/route";
import * as seminarExportRoute from "@/app/api/seminars/[id]/questions/export.csv/route";
import * as questionRoute from "@/app/api/questions/[id]/route";
import * as closeRoute from "@/app/api/questions/[id]/close/route";
import * as questionExportRoute from "@/app/api/questions/[id]/export.csv/route";
import * as answersRoute from "@/app/api/questions/[id]/answers/route";
import * as answerRoute from "@/app/api/questions/[id]/answers/[answerId]/route";
import * as exemplaryRoute from "@/app/api/questions/[id]/answers/[answerId]/exemplary/route";
import * as commentsRoute from "@/app/api/questions/[id]/answers/[answerId]/comments/route";
import * as commentRoute from "@/app/api/questions/[id]/answers/[answerId]/comments/[commentId]/route";
import { createComment } from "@/lib/questions/answers";
import { MAX_PASSAGES } from "@/lib/questions/schema";
import { selectorsFor } from "@/lib/annotations/selectors";
import { READING_TEXT, answerAs, askQuestion, call, createQuestionWorld, passageFor, type World } from "./questions-support";

let world: World;
let questionId: string;
let answerId: string;
let commentId: string;
let snapshot: unknown;

async function saved() {
  const question = await world.db.question.findUnique({ where: { id: questionId }, include: { passages: true, answers: { include: { comments: true } } } });
  return JSON.parse(JSON.stringify(question));
}

beforeAll(async () => {
  world = await createQuestionWorld();
  const question = await askQuestion(world, { title: "Saved before the bad input" });
  questionId = question.id;
  answerId = (await answerAs(world, "author", questionId)).id;
  commentId = (await createComment(world.db, world.actors.instructor, questionId, answerId, { body: { html: "<p>Saved comment</p>" } })).id;
  snapshot = await saved();
});
afterAll(async () => {
  await world.close();
});

type Handler = (req: Request, ctx: any) => Promise<Response>;
type Endpoint = { name: string; handler: Handler; method: string; who: "instructor" | "author"; params: () => Record<string, string>; wrongTypes: () => unknown[] };

const q = () => ({ id: questionId });
const a = () => ({ id: questionId, answerId });
const validQuestion = () => ({ title: "T", prompt: { html: "<p>P</p>" }, passages: [passageFor(world, "Inchon")] });

const endpoints: Endpoint[] = [
  {
    name: "POST /api/seminars/[id]/questions",
    handler: questionsRoute.POST,
    method: "POST",
    who: "instructor",
    params: () => ({ id: world.seminarId }),
    wrongTypes: () => [
      {},
      { ...validQuestion(), title: 5 },
      { ...validQuestion(), title: "   " },
      { ...validQuestion(), title: "x".repeat(201) },
      { ...validQuestion(), prompt: "text" },
      { ...validQuestion(), prompt: {} },
      { ...validQuestion(), dueAt: "tomorrow" },
      { ...validQuestion(), dueAt: "2025-03-01T12:00" },
      { ...validQuestion(), answerFirst: "yes" },
      { ...validQuestion(), passages: [] },
      { ...validQuestion(), passages: passageFor(world, "Inchon") },
      { ...validQuestion(), passages: Array.from({ length: MAX_PASSAGES + 1 }, () => passageFor(world, "Inchon")) },
      { ...validQuestion(), passages: [{ ...passageFor(world, "Inchon"), selectors: [passageFor(world, "Inchon").selectors[0]] }] },
      { ...validQuestion(), extra: true },
    ],
  },
  { name: "PUT /api/seminars/[id]/questions/order", handler: orderRoute.PUT, method: "PUT", who: "instructor", params: () => ({ id: world.seminarId }), wrongTypes: () => [{}, { ids: "a" }, { ids: [] }, { ids: [1] }, { ids: [questionId, questionId] }] },
  { name: "PATCH /api/questions/[id]", handler: questionRoute.PATCH, method: "PATCH", who: "instructor", params: q, wrongTypes: () => [{}, { revision: "1" }, { revision: 1.5 }, { revision: 1, dueAt: 5 }, { revision: 1, passages: [] }, { revision: 1, passages: [{ id: 3 }] }, { revision: 1, closed: true }] },
  { name: "POST /api/questions/[id]/close", handler: closeRoute.POST, method: "POST", who: "instructor", params: q, wrongTypes: () => [{}, { closed: "yes" }, { closed: 1 }] },
  { name: "POST /api/questions/[id]/answers", handler: answersRoute.POST, method: "POST", who: "author", params: q, wrongTypes: () => [{}, { body: "text" }, { body: {} }, { body: { html: 5 } }, { body: { json: { type: "paragraph" } } }] },
  { name: "PATCH /api/questions/[id]/answers/[answerId]", handler: answerRoute.PATCH, method: "PATCH", who: "author", params: a, wrongTypes: () => [{ body: { html: "x" } }, { revision: 1 }, { revision: 1, body: null }, { revision: 0, body: { html: "x" } }] },
  { name: "POST …/answers/[answerId]/exemplary", handler: exemplaryRoute.POST, method: "POST", who: "instructor", params: a, wrongTypes: () => [{}, { exemplary: null }, []] },
  { name: "POST …/answers/[answerId]/comments", handler: commentsRoute.POST, method: "POST", who: "instructor", params: a, wrongTypes: () => [{}, { body: "x" }, { body: { html: "x" }, parentId: "p" }] },
  { name: "PATCH …/comments/[commentId]", handler: commentRoute.PATCH, method: "PATCH", who: "instructor", params: () => ({ ...a(), commentId }), wrongTypes: () => [{}, { revision: 1 }, { revision: "1", body: { html: "x" } }] },
];

function expectError(result: { status: number; json: any }, status: number, code: string) {
  expect(result.status, JSON.stringify(result.json)).toBe(status);
  expect(Object.keys(result.json.error).sort()).toEqual(["code", "message"]);
  expect(result.json.error.code).toBe(code);
  expect(JSON.stringify(result.json)).not.toMatch(/\bat .*\.(ts|js):\d+|Error:|prisma/i);
}

describe("bad input at every endpoint that takes a body", () => {
  for (const endpoint of endpoints) {
    const base = () => ({ actor: world.actors[endpoint.who], params: endpoint.params(), method: endpoint.method });
    it(`${endpoint.name}: malformed JSON → 400`, async () => {
      for (const raw of ['{"a":', "{'single': 'quotes'}", "undefined", "\u0000"]) {
        expectError(await call(world, endpoint.handler, { ...base(), raw }), 400, "bad_request");
      }
    });
    it(`${endpoint.name}: empty body and wrong types → 400`, async () => {
      expectError(await call(world, endpoint.handler, { ...base(), raw: "" }), 400, "bad_request");
      for (const json of [null, 42, "text", ...endpoint.wrongTypes()]) {
        expectError(await call(world, endpoint.handler, { ...base(), json }), 400, "bad_request");
      }
    });
    it(`${endpoint.name}: a request body over 512 KB → 413`, async () => {
      expectError(await call(world, endpoint.handler, { ...base(), raw: JSON.stringify({ padding: "x".repeat(600 * 1024) }) }), 413, "too_large");
    });
  }
});

describe("rich-text bodies over 20,000 characters → 413, empty ones → 400", () => {
  const long = { html: `<p>${"word ".repeat(4001)}</p>` };
  const empty = { html: "<p> <script>x</script></p>" };
  const cases: [string, Handler, () => Record<string, string>, "instructor" | "author" | "otherStudent", (body: unknown) => unknown, string?][] = [
    ["question prompt (create)", questionsRoute.POST, () => ({ id: world.seminarId }), "instructor", (prompt) => ({ ...validQuestion(), prompt })],
    ["question prompt (edit)", questionRoute.PATCH, q, "instructor", (prompt) => ({ revision: 1, prompt }), "PATCH"],
    ["answer (post)", answersRoute.POST, q, "otherStudent", (body) => ({ body })],
    ["answer (edit)", answerRoute.PATCH, a, "author", (body) => ({ revision: 1, body }), "PATCH"],
    ["comment (post)", commentsRoute.POST, a, "instructor", (body) => ({ body })],
    ["comment (edit)", commentRoute.PATCH, () => ({ ...a(), commentId }), "instructor", (body) => ({ revision: 1, body }), "PATCH"],
  ];
  for (const [name, handler, params, who, wrap, method] of cases) {
    it(name, async () => {
      const options = { actor: world.actors[who], params: params(), method: method ?? "POST" };
      expectError(await call(world, handler, { ...options, json: wrap(long) }), 413, "too_large");
      expectError(await call(world, handler, { ...options, json: wrap(empty) }), 400, "bad_request");
    });
  }
});

describe("passages that do not fit → 400 or 404", () => {
  const textLength = READING_TEXT.length;
  const withPassage = (passage: unknown) => ({ ...validQuestion(), passages: [passage] });
  const cases: [string, () => unknown, number][] = [
    ["position past the end", () => ({ ...passageFor(world, "Inchon"), selectors: [{ type: "TextQuoteSelector", exact: "x" }, { type: "TextPositionSelector", start: textLength, end: textLength + 5 }] }), 400],
    ["end before start", () => ({ ...passageFor(world, "Inchon"), selectors: [{ type: "TextQuoteSelector", exact: "x" }, { type: "TextPositionSelector", start: 10, end: 5 }] }), 400],
    ["quote not at the position", () => ({ ...passageFor(world, "Inchon"), selectors: [{ type: "TextQuoteSelector", exact: "Seoul" }, selectorsFor(READING_TEXT, 0, 5)[1]] }), 400],
    ["wrong prefix", () => ({ ...passageFor(world, "Inchon"), selectors: [{ ...passageFor(world, "Inchon").selectors[0], prefix: "nope" }, passageFor(world, "Inchon").selectors[1]] }), 400],
    ["selectors of another reading's text", () => ({ ...passageFor(world, "Stalin", "second"), slug: world.slug, versionId: world.versionId }), 400],
    ["unknown reading", () => ({ ...passageFor(world, "Inchon"), slug: "nope" }), 404],
    ["unknown version", () => ({ ...passageFor(world, "Inchon"), versionId: "nope" }), 404],
    ["version of another reading", () => ({ ...passageFor(world, "Inchon"), versionId: world.secondVersionId }), 404],
  ];
  for (const [name, passage, status] of cases) {
    it(`${name} → ${status}`, async () => {
      const before = await world.db.question.count();
      const result = await call(world, questionsRoute.POST, { actor: world.actors.instructor, params: { id: world.seminarId }, json: withPassage(passage()) });
      expectError(result, status, status === 400 ? "bad_request" : "not_found");
      expect(await world.db.question.count()).toBe(before);
    });
  }
  it("the same passage twice → 400", async () => {
    const result = await call(world, questionsRoute.POST, {
      actor: world.actors.instructor,
      params: { id: world.seminarId },
      json: { ...validQuestion(), passages: [passageFor(world, "Inchon"), passageFor(world, "Inchon")] },
    });
    expectError(result, 400, "bad_request");
  });
  it("an added passage in an edit is checked the same way", async () => {
    const result = await call(world, questionRoute.PATCH, {
      actor: world.actors.instructor,
      params: q(),
      method: "PATCH",
      json: { revision: 1, passages: [{ ...passageFor(world, "Inchon"), versionId: "nope" }] },
    });
    expectError(result, 404, "not_found");
  });
});

describe("unknown ids → 404 at every endpoint that names one", () => {
  const other = { answer: "" };
  beforeAll(async () => {
    const second = await askQuestion(world);
    other.answer = (await answerAs(world, "author", second.id)).id;
  });
  const cases: [string, Handler, () => Record<string, string>, "instructor" | "author", unknown?, string?][] = [
    ["GET /api/seminars/[id]/questions", questionsRoute.GET, () => ({ id: "nope" }), "instructor"],
    ["POST /api/seminars/[id]/questions", questionsRoute.POST, () => ({ id: "nope" }), "instructor", { title: "T", prompt: { html: "<p>P</p>" }, passages: [{ slug: "korea-1950", versionId: "v", selectors: selectorsFor(READING_TEXT, 0, 2) }] }],
    ["PUT /api/seminars/[id]/questions/order", orderRoute.PUT, () => ({ id: "nope" }), "instructor", { ids: ["a"] }, "PUT"],
    ["GET /api/seminars/[id]/questions/export.csv", seminarExportRoute.GET, () => ({ id: "nope" }), "instructor"],
    ["GET /api/questions/[id]", questionRoute.GET, () => ({ id: "nope" }), "instructor"],
    ["PATCH /api/questions/[id]", questionRoute.PATCH, () => ({ id: "nope" }), "instructor", { revision: 1, title: "x" }, "PATCH"],
    ["DELETE /api/questions/[id]", questionRoute.DELETE, () => ({ id: "nope" }), "instructor", undefined, "DELETE"],
    ["POST /api/questions/[id]/close", closeRoute.POST, () => ({ id: "nope" }), "instructor", { closed: true }],
    ["GET /api/questions/[id]/export.csv", questionExportRoute.GET, () => ({ id: "nope" }), "instructor"],
    ["GET /api/questions/[id]/answers", answersRoute.GET, () => ({ id: "nope" }), "author"],
    ["POST /api/questions/[id]/answers", answersRoute.POST, () => ({ id: "nope" }), "author", { body: { html: "x" } }],
    ["GET …/answers/[answerId] (answer)", answerRoute.GET, () => ({ id: questionId, answerId: "nope" }), "author"],
    ["GET …/answers/[answerId] (question)", answerRoute.GET, () => ({ id: "nope", answerId }), "author"],
    ["GET …/answers/[answerId] (answer of another question)", answerRoute.GET, () => ({ id: questionId, answerId: other.answer }), "author"],
    ["PATCH …/answers/[answerId]", answerRoute.PATCH, () => ({ id: questionId, answerId: "nope" }), "author", { revision: 1, body: { html: "x" } }, "PATCH"],
    ["POST …/exemplary", exemplaryRoute.POST, () => ({ id: questionId, answerId: "nope" }), "instructor", { exemplary: true }],
    ["POST …/comments", commentsRoute.POST, () => ({ id: questionId, answerId: "nope" }), "instructor", { body: { html: "x" } }],
    ["PATCH …/comments/[commentId]", commentRoute.PATCH, () => ({ ...a(), commentId: "nope" }), "instructor", { revision: 1, body: { html: "x" } }, "PATCH"],
    ["DELETE …/comments/[commentId]", commentRoute.DELETE, () => ({ ...a(), commentId: "nope" }), "instructor", undefined, "DELETE"],
    ["DELETE …/comments/[commentId] (answer of another question)", commentRoute.DELETE, () => ({ id: questionId, answerId: other.answer, commentId }), "instructor", undefined, "DELETE"],
  ];
  for (const [name, handler, params, who, json, method] of cases) {
    it(name, async () => {
      const result = await call(world, handler, { actor: world.actors[who], params: params(), json, method: method ?? (json === undefined ? "GET" : "POST") });
      expectError(result, 404, "not_found");
    });
  }
});

describe("after all of it", () => {
  it("nothing saved before the bad input was lost or changed", async () => {
    expect(await saved()).toEqual(snapshot);
  });
});

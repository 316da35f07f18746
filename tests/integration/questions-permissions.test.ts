// The permission matrix of guided questions and answers: every endpoint × every kind
// of actor, through the exported route handlers on a real SQLite database. "author" is
// a student of seminar S; "otherInstructor" teaches seminar T only.
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
import { ACTORS, answerAs, askQuestion, call, createQuestionWorld, passageFor, type ActorName, type World } from "./questions-support";

let world: World;
beforeAll(async () => {
  world = await createQuestionWorld();
});
afterAll(async () => {
  await world.close();
});

function expectError(result: { status: number; json: any }, ...leaks: string[]) {
  expect(Object.keys(result.json.error).sort()).toEqual(["code", "message"]);
  for (const word of leaks) expect(JSON.stringify(result.json)).not.toContain(word);
}

const outsider = 404;
type Row = Record<ActorName, number>;

const questionMatrix: Record<string, Row> = {
  "GET /api/seminars/[id]/questions": { anonymous: 401, nonMember: outsider, otherInstructor: outsider, author: 200, otherStudent: 200, instructor: 200 },
  "POST /api/seminars/[id]/questions": { anonymous: 401, nonMember: outsider, otherInstructor: outsider, author: 403, otherStudent: 403, instructor: 201 },
  "PUT /api/seminars/[id]/questions/order": { anonymous: 401, nonMember: outsider, otherInstructor: outsider, author: 403, otherStudent: 403, instructor: 200 },
  "GET /api/seminars/[id]/questions/export.csv": { anonymous: 401, nonMember: outsider, otherInstructor: outsider, author: 403, otherStudent: 403, instructor: 200 },
  "GET /api/questions/[id]": { anonymous: 401, nonMember: outsider, otherInstructor: outsider, author: 200, otherStudent: 200, instructor: 200 },
  "PATCH /api/questions/[id]": { anonymous: 401, nonMember: outsider, otherInstructor: outsider, author: 403, otherStudent: 403, instructor: 200 },
  "POST /api/questions/[id]/close": { anonymous: 401, nonMember: outsider, otherInstructor: outsider, author: 403, otherStudent: 403, instructor: 200 },
  "DELETE /api/questions/[id]": { anonymous: 401, nonMember: outsider, otherInstructor: outsider, author: 403, otherStudent: 403, instructor: 200 },
  "GET /api/questions/[id]/export.csv": { anonymous: 401, nonMember: outsider, otherInstructor: outsider, author: 403, otherStudent: 403, instructor: 200 },
  "GET /api/questions/[id]/answers": { anonymous: 401, nonMember: outsider, otherInstructor: outsider, author: 200, otherStudent: 200, instructor: 200 },
  "POST /api/questions/[id]/answers": { anonymous: 401, nonMember: outsider, otherInstructor: outsider, author: 201, otherStudent: 201, instructor: 403 },
};

async function performOnQuestion(endpoint: string, actorName: ActorName, question: { id: string; revision: number }) {
  const actor = world.actor(actorName);
  const seminar = { id: world.seminarId };
  const params = { id: question.id };
  switch (endpoint) {
    case "GET /api/seminars/[id]/questions":
      return call(world, questionsRoute.GET, { actor, params: seminar });
    case "POST /api/seminars/[id]/questions":
      return call(world, questionsRoute.POST, {
        actor,
        params: seminar,
        json: { title: "New", prompt: { html: "<p>Prompt</p>" }, passages: [passageFor(world, "Seoul had fallen")] },
      });
    case "PUT /api/seminars/[id]/questions/order": {
      const ids = (await world.db.question.findMany({ where: { seminarId: world.seminarId }, select: { id: true } })).map((q) => q.id);
      return call(world, orderRoute.PUT, { actor, params: seminar, method: "PUT", json: { ids: ids.reverse() } });
    }
    case "GET /api/seminars/[id]/questions/export.csv":
      return call(world, seminarExportRoute.GET, { actor, params: seminar });
    case "GET /api/questions/[id]":
      return call(world, questionRoute.GET, { actor, params });
    case "PATCH /api/questions/[id]":
      return call(world, questionRoute.PATCH, { actor, params, method: "PATCH", json: { revision: question.revision, title: "Edited" } });
    case "POST /api/questions/[id]/close":
      return call(world, closeRoute.POST, { actor, params, json: { closed: true } });
    case "DELETE /api/questions/[id]":
      return call(world, questionRoute.DELETE, { actor, params, method: "DELETE" });
    case "GET /api/questions/[id]/export.csv":
      return call(world, questionExportRoute.GET, { actor, params });
    case "GET /api/questions/[id]/answers":
      return call(world, answersRoute.GET, { actor, params });
    case "POST /api/questions/[id]/answers":
      return call(world, answersRoute.POST, { actor, params, json: { body: { html: "<p>An answer</p>" } } });
  }
  throw new Error(endpoint);
}

describe("questions: permission matrix", () => {
  for (const [endpoint, row] of Object.entries(questionMatrix)) {
    for (const actorName of ACTORS) {
      const expected = row[actorName];
      it(`${endpoint} by ${actorName} → ${expected}`, async () => {
        const question = await askQuestion(world);
        const before = await world.db.question.findUniqueOrThrow({ where: { id: question.id } });
        const result = await performOnQuestion(endpoint, actorName, question);
        expect(result.status, JSON.stringify(result.json)).toBe(expected);
        if (expected >= 400) {
          expectError(result, question.word);
          // A refused write changes nothing.
          const after = await world.db.question.findUnique({ where: { id: question.id } });
          expect(after).toEqual(before);
        }
      });
    }
  }
});

// Answers: [question open to all, answer-first question]; the answer is by "author",
// and "otherStudent" has not answered.
type Pair = [number, number];
const answerMatrix: Record<string, Record<ActorName, Pair>> = {
  "GET answer": { anonymous: [401, 401], nonMember: [404, 404], otherInstructor: [404, 404], author: [200, 200], otherStudent: [200, 404], instructor: [200, 200] },
  "PATCH answer": { anonymous: [401, 401], nonMember: [404, 404], otherInstructor: [404, 404], author: [200, 200], otherStudent: [403, 404], instructor: [403, 403] },
  "POST exemplary": { anonymous: [401, 401], nonMember: [404, 404], otherInstructor: [404, 404], author: [403, 403], otherStudent: [403, 404], instructor: [200, 200] },
  "POST comment": { anonymous: [401, 401], nonMember: [404, 404], otherInstructor: [404, 404], author: [201, 201], otherStudent: [403, 404], instructor: [201, 201] },
  "PATCH instructor's comment": { anonymous: [401, 401], nonMember: [404, 404], otherInstructor: [404, 404], author: [403, 403], otherStudent: [404, 404], instructor: [200, 200] },
  "DELETE instructor's comment": { anonymous: [401, 401], nonMember: [404, 404], otherInstructor: [404, 404], author: [403, 403], otherStudent: [404, 404], instructor: [200, 200] },
};

async function performOnAnswer(endpoint: string, actorName: ActorName, ids: { id: string; answerId: string; commentId: string; revision: number }) {
  const actor = world.actor(actorName);
  const params = { id: ids.id, answerId: ids.answerId };
  switch (endpoint) {
    case "GET answer":
      return call(world, answerRoute.GET, { actor, params });
    case "PATCH answer":
      return call(world, answerRoute.PATCH, { actor, params, method: "PATCH", json: { revision: ids.revision, body: { html: "<p>Changed</p>" } } });
    case "POST exemplary":
      return call(world, exemplaryRoute.POST, { actor, params, json: { exemplary: true } });
    case "POST comment":
      return call(world, commentsRoute.POST, { actor, params, json: { body: { html: "<p>Good point</p>" } } });
    case "PATCH instructor's comment":
      return call(world, commentRoute.PATCH, {
        actor,
        params: { ...params, commentId: ids.commentId },
        method: "PATCH",
        json: { revision: 1, body: { html: "<p>Edited</p>" } },
      });
    case "DELETE instructor's comment":
      return call(world, commentRoute.DELETE, { actor, params: { ...params, commentId: ids.commentId }, method: "DELETE" });
  }
  throw new Error(endpoint);
}

describe("answers and comments: permission matrix", () => {
  for (const [endpoint, row] of Object.entries(answerMatrix)) {
    for (const actorName of ACTORS) {
      for (const [i, answerFirst] of [false, true].entries()) {
        const expected = row[actorName][i];
        it(`${endpoint} by ${actorName}${answerFirst ? " (answer-first)" : ""} → ${expected}`, async () => {
          const question = await askQuestion(world, { answerFirst });
          const answer = await answerAs(world, "author", question.id);
          const comment = await createComment(world.db, world.actors.instructor, question.id, answer.id, { body: { html: "<p>Secret feedback zzfeedbackzz</p>" } });
          const result = await performOnAnswer(endpoint, actorName, { id: question.id, answerId: answer.id, commentId: comment.id, revision: answer.revision });
          expect(result.status, JSON.stringify(result.json)).toBe(expected);
          if (expected >= 400) expectError(result, answer.word, "zzfeedbackzz");
          if (expected === 200 && endpoint === "GET answer") {
            // The feedback thread: its author and instructors only.
            const sees = actorName === "author" || actorName === "instructor";
            expect(JSON.stringify(result.json).includes("zzfeedbackzz")).toBe(sees);
            expect(result.json.answer.comments === null).toBe(!sees);
          }
        });
      }
    }
  }
});

// The answer-first rule in every path that returns, counts or exports answers: a
// student who has not answered learns nothing of the others' answers (text, number,
// who answered) until they post their own; instructors always see everything.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as questionsRoute from "@/app/api/seminars/[id]/questions/route";
import * as seminarExportRoute from "@/app/api/seminars/[id]/questions/export.csv/route";
import * as questionRoute from "@/app/api/questions/[id]/route";
import * as questionExportRoute from "@/app/api/questions/[id]/export.csv/route";
import * as answersRoute from "@/app/api/questions/[id]/answers/route";
import * as answerRoute from "@/app/api/questions/[id]/answers/[answerId]/route";
import { loadQuestionsForReader } from "@/app/read/[slug]/questions/load-questions";
import { answerVisibleTo } from "@/lib/questions/access";
import { getStudentActivity } from "@/lib/questions/activity";
import { READING_TEXT, answerAs, askQuestion, call, createQuestionWorld, type World } from "./questions-support";

let world: World;
beforeAll(async () => {
  world = await createQuestionWorld();
});
afterAll(async () => {
  await world.close();
});

/** An answer-first question that "author" has answered and "otherStudent" has not. */
async function setUp(answerFirst = true) {
  const question = await askQuestion(world, { answerFirst });
  const theirs = await answerAs(world, "author", question.id);
  return { question, theirs };
}

/** Everything a student can reach about one question, as text, with their status codes. */
async function everythingSeenBy(who: "otherStudent" | "instructor", questionId: string, answerId: string) {
  const actor = world.actors[who];
  const list = await call(world, questionsRoute.GET, { actor, params: { id: world.seminarId } });
  const detail = await call(world, questionRoute.GET, { actor, params: { id: questionId } });
  const answers = await call(world, answersRoute.GET, { actor, params: { id: questionId } });
  const single = await call(world, answerRoute.GET, { actor, params: { id: questionId, answerId } });
  const seminarCsv = await call(world, seminarExportRoute.GET, { actor, params: { id: world.seminarId } });
  const questionCsv = await call(world, questionExportRoute.GET, { actor, params: { id: questionId } });
  const reader = await loadQuestionsForReader(world.db, actor, world.slug, world.seminarId, { versionId: world.versionId, text: READING_TEXT });
  return { list, detail, answers, single, seminarCsv, questionCsv, reader };
}

describe("answer-first: before a student answers", () => {
  it("no list, count, single answer, export or reader data gives another's answer away", async () => {
    const { question, theirs } = await setUp();
    const seen = await everythingSeenBy("otherStudent", question.id, theirs.id);

    const summary = seen.list.json.questions.find((q: { id: string }) => q.id === question.id);
    expect(summary).toMatchObject({ answeredCount: null, myStatus: "not-yet", answerFirst: true });
    expect(seen.detail.status).toBe(200);
    expect(seen.detail.json.question).toMatchObject({ answers: [], othersHidden: true, answeredCount: null, roster: null, myAnswer: null });
    expect(seen.answers.json).toEqual({ answers: [], othersHidden: true, answeredCount: null });
    expect(seen.single.status).toBe(404);
    expect(seen.seminarCsv.status).toBe(403);
    expect(seen.questionCsv.status).toBe(403);
    const onReader = seen.reader.find((q) => q.id === question.id)!;
    expect(onReader.answeredCount).toBeNull();

    for (const result of [seen.list, seen.detail, seen.answers, seen.single, seen.seminarCsv, seen.questionCsv]) {
      const text = JSON.stringify(result.json);
      expect(text).not.toContain(theirs.word);
      expect(text).not.toContain(theirs.id);
      expect(text).not.toContain(world.actors.author.name);
    }
    expect(JSON.stringify(seen.reader)).not.toContain(theirs.word);
    expect(await answerVisibleTo(world.db, world.actors.otherStudent.id, theirs.id)).toBe(false);
  });

  it("the student's own page and the other student's page", async () => {
    const { question, theirs } = await setUp();
    await expect(getStudentActivity(world.db, world.actors.otherStudent, world.seminarId, world.actors.author.id)).rejects.toMatchObject({ code: "forbidden" });
    const own = await getStudentActivity(world.db, world.actors.otherStudent, world.seminarId, world.actors.otherStudent.id);
    expect(JSON.stringify(own)).not.toContain(theirs.word);
    expect(own.questions.find((q) => q.question.id === question.id)?.answer).toBeNull();
  });

  it("instructors see every answer, the count and the roster all along", async () => {
    const { question, theirs } = await setUp();
    const seen = await everythingSeenBy("instructor", question.id, theirs.id);
    const summary = seen.list.json.questions.find((q: { id: string }) => q.id === question.id);
    expect(summary.answeredCount).toBe(1);
    expect(summary.myStatus).toBeNull();
    expect(seen.detail.json.question.othersHidden).toBe(false);
    expect(seen.detail.json.question.answers.map((a: { id: string }) => a.id)).toEqual([theirs.id]);
    expect(seen.detail.json.question.roster.find((r: { userId: string }) => r.userId === world.actors.author.id).answerId).toBe(theirs.id);
    expect(seen.detail.json.question.roster.find((r: { userId: string }) => r.userId === world.actors.otherStudent.id).answerId).toBeNull();
    expect(seen.single.status).toBe(200);
    expect(seen.seminarCsv.json).toContain(theirs.word);
    expect(seen.questionCsv.json).toContain(theirs.word);
    expect(seen.reader.find((q) => q.id === question.id)!.answeredCount).toBe(1);
    expect(await answerVisibleTo(world.db, world.actors.instructor.id, theirs.id)).toBe(true);
    const page = await getStudentActivity(world.db, world.actors.instructor, world.seminarId, world.actors.author.id);
    expect(page.questions.find((q) => q.question.id === question.id)?.answer?.id).toBe(theirs.id);
  });

  it("outsiders learn nothing through the live-event check either", async () => {
    const { theirs } = await setUp();
    expect(await answerVisibleTo(world.db, world.actors.nonMember.id, theirs.id)).toBe(false);
    expect(await answerVisibleTo(world.db, world.actors.otherInstructor.id, theirs.id)).toBe(false);
    expect(await answerVisibleTo(world.db, world.actors.author.id, theirs.id)).toBe(true);
    expect(await answerVisibleTo(world.db, world.actors.author.id, "nope")).toBe(false);
  });
});

describe("answer-first: once the student has answered", () => {
  it("every path shows the others' answers and the count", async () => {
    const { question, theirs } = await setUp();
    const mine = await answerAs(world, "otherStudent", question.id);
    const seen = await everythingSeenBy("otherStudent", question.id, theirs.id);
    expect(seen.list.json.questions.find((q: { id: string }) => q.id === question.id)).toMatchObject({ answeredCount: 2, myStatus: "answered" });
    expect(seen.detail.json.question).toMatchObject({ othersHidden: false, answeredCount: 2 });
    expect(seen.detail.json.question.myAnswer.id).toBe(mine.id);
    expect(seen.detail.json.question.answers.map((a: { id: string }) => a.id)).toEqual([theirs.id]);
    // Another student's feedback thread stays theirs.
    expect(seen.detail.json.question.answers[0].comments).toBeNull();
    expect(seen.answers.json.answers.map((a: { id: string }) => a.id).sort()).toEqual([theirs.id, mine.id].sort());
    expect(seen.single.status).toBe(200);
    expect(seen.single.json.answer.body.text).toContain(theirs.word);
    expect(seen.reader.find((q) => q.id === question.id)!).toMatchObject({ answeredCount: 2, myStatus: "answered" });
    expect(await answerVisibleTo(world.db, world.actors.otherStudent.id, theirs.id)).toBe(true);
    // The CSV stays for instructors.
    expect(seen.seminarCsv.status).toBe(403);
  });
});

describe("without answer-first", () => {
  it("students see each other's answers before answering", async () => {
    const { question, theirs } = await setUp(false);
    const seen = await everythingSeenBy("otherStudent", question.id, theirs.id);
    expect(seen.detail.json.question).toMatchObject({ othersHidden: false, answeredCount: 1, myStatus: "not-yet" });
    expect(seen.detail.json.question.answers.map((a: { id: string }) => a.id)).toEqual([theirs.id]);
    expect(seen.single.status).toBe(200);
  });

  it("turning answer-first on later hides them again for students who have not answered", async () => {
    const { question, theirs } = await setUp(false);
    await world.db.question.update({ where: { id: question.id }, data: { answerFirst: true } });
    const seen = await everythingSeenBy("otherStudent", question.id, theirs.id);
    expect(seen.detail.json.question.othersHidden).toBe(true);
    expect(seen.single.status).toBe(404);
  });
});

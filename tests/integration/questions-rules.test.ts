// The rules of guided questions: due dates and closing, one answer per student,
// revisions, exemplary answers first, the feedback thread, editing passages,
// reordering and deleting. Through the route handlers on a real SQLite database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as questionsRoute from "@/app/api/seminars/[id]/questions/route";
import * as orderRoute from "@/app/api/seminars/[id]/questions/order/route";
import * as questionRoute from "@/app/api/questions/[id]/route";
import * as closeRoute from "@/app/api/questions/[id]/close/route";
import * as answersRoute from "@/app/api/questions/[id]/answers/route";
import * as answerRoute from "@/app/api/questions/[id]/answers/[answerId]/route";
import * as exemplaryRoute from "@/app/api/questions/[id]/answers/[answerId]/exemplary/route";
import * as commentsRoute from "@/app/api/questions/[id]/answers/[answerId]/comments/route";
import * as commentRoute from "@/app/api/questions/[id]/answers/[answerId]/comments/[commentId]/route";
import { answerAs, askQuestion, call, createQuestionWorld, passageFor, type World } from "./questions-support";

let world: World;
beforeAll(async () => {
  world = await createQuestionWorld();
});
afterAll(async () => {
  await world.close();
});

const hourAgo = () => new Date(Date.now() - 3600_000).toISOString();
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

const post = (who: "author" | "otherStudent", id: string, html = "<p>Mine</p>") =>
  call(world, answersRoute.POST, { actor: world.actors[who], params: { id }, json: { body: { html } } });
const patch = (who: "author" | "otherStudent", id: string, answerId: string, revision: number, html = "<p>Changed</p>") =>
  call(world, answerRoute.PATCH, { actor: world.actors[who], params: { id, answerId }, method: "PATCH", json: { revision, body: { html } } });

describe("due dates and closing", () => {
  it("a student answers before the due date, and cannot answer or edit after it (409, answer kept)", async () => {
    const question = await askQuestion(world, { dueAt: tomorrow() });
    const first = await post("author", question.id, "<p>Before the deadline</p>");
    expect(first.status).toBe(201);
    await world.db.question.update({ where: { id: question.id }, data: { dueAt: new Date(hourAgo()) } });
    const late = await post("otherStudent", question.id);
    expect(late.status).toBe(409);
    expect(late.json.error).toEqual({ code: "conflict", message: expect.stringMatching(/due date has passed/) });
    const edit = await patch("author", question.id, first.json.answer.id, 1);
    expect(edit.status).toBe(409);
    expect(edit.json.error.message).toMatch(/due date has passed/);
    const stored = await world.db.answer.findUniqueOrThrow({ where: { id: first.json.answer.id } });
    expect(stored.bodyText).toBe("Before the deadline");
    const detail = await call(world, questionRoute.GET, { actor: world.actors.author, params: { id: question.id } });
    expect(detail.json.question).toMatchObject({ status: "overdue", myStatus: "answered", permissions: { answer: false } });
    expect(detail.json.question.myAnswer.permissions.edit).toBe(false);
  });

  it("a question made with a past due date is overdue at once", async () => {
    const question = await askQuestion(world, { dueAt: hourAgo() });
    expect(question.status).toBe("overdue");
    expect((await post("author", question.id)).status).toBe(409);
  });

  it("closing stops answers and edits; reopening allows them again", async () => {
    const question = await askQuestion(world);
    const mine = await post("author", question.id);
    const close = await call(world, closeRoute.POST, { actor: world.actors.instructor, params: { id: question.id }, json: { closed: true } });
    expect(close.json.question.status).toBe("closed");
    const late = await post("otherStudent", question.id);
    expect(late.status).toBe(409);
    expect(late.json.error.message).toMatch(/closed/);
    expect((await patch("author", question.id, mine.json.answer.id, 1)).status).toBe(409);
    const list = await call(world, questionsRoute.GET, { actor: world.actors.otherStudent, params: { id: world.seminarId } });
    expect(list.json.questions.find((q: { id: string }) => q.id === question.id).myStatus).toBe("closed");
    await call(world, closeRoute.POST, { actor: world.actors.instructor, params: { id: question.id }, json: { closed: false } });
    expect((await post("otherStudent", question.id)).status).toBe(201);
    expect((await patch("author", question.id, mine.json.answer.id, 1)).status).toBe(200);
  });

  it("moving the due date later reopens answering", async () => {
    const question = await askQuestion(world, { dueAt: hourAgo() });
    expect((await post("author", question.id)).status).toBe(409);
    const edit = await call(world, questionRoute.PATCH, {
      actor: world.actors.instructor,
      params: { id: question.id },
      method: "PATCH",
      json: { revision: question.revision, dueAt: tomorrow() },
    });
    expect(edit.json.question.status).toBe("open");
    expect((await post("author", question.id)).status).toBe(201);
  });
});

describe("answers", () => {
  it("one answer per student: a second post → 409 with the first in details.current", async () => {
    const question = await askQuestion(world);
    const first = await post("author", question.id, "<p>First</p>");
    const second = await post("author", question.id, "<p>Second</p>");
    expect(second.status).toBe(409);
    expect(second.json.error.details.current.id).toBe(first.json.answer.id);
    expect(await world.db.answer.count({ where: { questionId: question.id } })).toBe(1);
  });

  it("editing needs the current revision (409 with the current answer otherwise); createdAt stays, updatedAt moves", async () => {
    const question = await askQuestion(world);
    const first = (await post("author", question.id, "<p>v1</p>")).json.answer;
    await new Promise((r) => setTimeout(r, 5));
    const edited = await patch("author", question.id, first.id, 1, "<p>v2</p>");
    expect(edited.json.answer).toMatchObject({ revision: 2, createdAt: first.createdAt, body: { text: "v2" } });
    expect(Date.parse(edited.json.answer.updatedAt)).toBeGreaterThan(Date.parse(first.updatedAt));
    const stale = await patch("author", question.id, first.id, 1, "<p>v3 from an old tab</p>");
    expect(stale.status).toBe(409);
    expect(stale.json.error.details.current.body.text).toBe("v2");
  });

  it("bodies are sanitised like notes", async () => {
    const question = await askQuestion(world);
    const result = await post("author", question.id, '<p onclick="x()">Hi <script>alert(1)</script><a href="javascript:alert(1)">link</a></p>');
    expect(result.json.answer.body.html).toBe("<p>Hi link</p>");
  });

  it("exemplary answers are listed first; marking does not move updatedAt", async () => {
    const question = await askQuestion(world);
    const a = (await post("author", question.id)).json.answer;
    const b = (await post("otherStudent", question.id)).json.answer;
    const mark = await call(world, exemplaryRoute.POST, { actor: world.actors.instructor, params: { id: question.id, answerId: b.id }, json: { exemplary: true } });
    expect(mark.json.answer).toMatchObject({ exemplary: true, updatedAt: b.updatedAt });
    const asInstructor = await call(world, answersRoute.GET, { actor: world.actors.instructor, params: { id: question.id } });
    expect(asInstructor.json.answers.map((x: { id: string }) => x.id)).toEqual([b.id, a.id]);
    const asAuthor = await call(world, questionRoute.GET, { actor: world.actors.author, params: { id: question.id } });
    expect(asAuthor.json.question.answers.map((x: { id: string; exemplary: boolean }) => [x.id, x.exemplary])).toEqual([[b.id, true]]);
    const unmark = await call(world, exemplaryRoute.POST, { actor: world.actors.instructor, params: { id: question.id, answerId: b.id }, json: { exemplary: false } });
    expect(unmark.json.answer.exemplary).toBe(false);
  });
});

describe("the feedback thread under an answer", () => {
  it("instructor and author talk; edits need the revision; authors delete their own", async () => {
    const question = await askQuestion(world);
    const answer = await answerAs(world, "author", question.id);
    const params = { id: question.id, answerId: answer.id };
    const feedback = await call(world, commentsRoute.POST, { actor: world.actors.instructor, params, json: { body: { html: "<p>Expand on Inchon.</p>" } } });
    expect(feedback.status).toBe(201);
    expect(feedback.json.comment.author).toMatchObject({ name: "Instructor", role: "instructor" });
    const back = await call(world, commentsRoute.POST, { actor: world.actors.author, params, json: { body: { html: "<p>Will do.</p>" } } });
    expect(back.status).toBe(201);
    const seen = await call(world, answerRoute.GET, { actor: world.actors.author, params });
    expect(seen.json.answer.comments.map((c: { body: { text: string } }) => c.body.text)).toEqual(["Expand on Inchon.", "Will do."]);

    const commentParams = { ...params, commentId: feedback.json.comment.id };
    const edit = await call(world, commentRoute.PATCH, { actor: world.actors.instructor, params: commentParams, method: "PATCH", json: { revision: 1, body: { html: "<p>Expand.</p>" } } });
    expect(edit.json.comment).toMatchObject({ revision: 2, body: { text: "Expand." } });
    const stale = await call(world, commentRoute.PATCH, { actor: world.actors.instructor, params: commentParams, method: "PATCH", json: { revision: 1, body: { html: "<p>Old</p>" } } });
    expect(stale.status).toBe(409);
    expect(stale.json.error.details.current.body.text).toBe("Expand.");
    const removed = await call(world, commentRoute.DELETE, { actor: world.actors.instructor, params: commentParams, method: "DELETE" });
    expect(removed.json).toEqual({ id: feedback.json.comment.id, deleted: true });
    expect(await world.db.answerComment.count({ where: { answerId: answer.id } })).toBe(1);
  });
});

describe("managing questions", () => {
  it("creates with passages in several readings, at the end of the list", async () => {
    const created = await call(world, questionsRoute.POST, {
      actor: world.actors.instructor,
      params: { id: world.seminarId },
      json: {
        title: "  Compare the two accounts  ",
        prompt: { json: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Who decided?" }] }] } },
        dueAt: "2031-05-01T17:00:00+02:00",
        answerFirst: true,
        passages: [passageFor(world, "Inchon"), passageFor(world, "Stalin, Mao and Kim Il Sung", "second")],
      },
    });
    expect(created.status).toBe(201);
    const q = created.json.question;
    expect(q).toMatchObject({ title: "Compare the two accounts", answerFirst: true, dueAt: "2031-05-01T15:00:00.000Z", status: "open", passageCount: 2 });
    expect(q.readings.map((r: { slug: string }) => r.slug)).toEqual([world.slug, world.secondSlug]);
    expect(q.passages.map((p: { quote: string; anchorStatus: string }) => [p.quote, p.anchorStatus])).toEqual([
      ["Inchon", "anchored"],
      ["Stalin, Mao and Kim Il Sung", "anchored"],
    ]);
    expect(q.prompt.html).toBe("<p>Who decided?</p>");
    expect(q.roster.map((r: { name: string }) => r.name)).toEqual(["Author", "OtherStudent"]);
    const list = await call(world, questionsRoute.GET, { actor: world.actors.instructor, params: { id: world.seminarId } });
    expect(list.json.questions.at(-1).id).toBe(q.id);
    expect(list.json.rosterSize).toBe(2);
  });

  it("edits passages: keep, reorder, add and drop in one request", async () => {
    const question = await askQuestion(world, { passages: [passageFor(world, "Inchon"), passageFor(world, "Seoul had fallen")] });
    const [inchon, seoul] = question.passages;
    const edit = await call(world, questionRoute.PATCH, {
      actor: world.actors.instructor,
      params: { id: question.id },
      method: "PATCH",
      json: { revision: question.revision, passages: [{ id: seoul.id }, passageFor(world, "Kim Il Sung", "second")] },
    });
    expect(edit.status, JSON.stringify(edit.json)).toBe(200);
    expect(edit.json.question.passages.map((p: { id: string; quote: string }) => p.quote)).toEqual(["Seoul had fallen", "Kim Il Sung"]);
    expect(edit.json.question.passages[0].id).toBe(seoul.id);
    expect(await world.db.questionPassage.count({ where: { id: inchon.id } })).toBe(0);
    const foreign = await call(world, questionRoute.PATCH, {
      actor: world.actors.instructor,
      params: { id: question.id },
      method: "PATCH",
      json: { revision: edit.json.question.revision, passages: [{ id: inchon.id }] },
    });
    expect(foreign.status).toBe(400);
  });

  it("a stale edit → 409 with the current question, nothing overwritten", async () => {
    const question = await askQuestion(world);
    const edit = (title: string) =>
      call(world, questionRoute.PATCH, { actor: world.actors.instructor, params: { id: question.id }, method: "PATCH", json: { revision: question.revision, title } });
    expect((await edit("First edit")).status).toBe(200);
    const stale = await edit("Second edit from an old tab");
    expect(stale.status).toBe(409);
    expect(stale.json.error.details.current.title).toBe("First edit");
  });

  it("reorders: every question once, else 400", async () => {
    const ids = (await world.db.question.findMany({ where: { seminarId: world.seminarId }, orderBy: { position: "asc" }, select: { id: true } })).map((q) => q.id);
    const reversed = [...ids].reverse();
    const ok = await call(world, orderRoute.PUT, { actor: world.actors.instructor, params: { id: world.seminarId }, method: "PUT", json: { ids: reversed } });
    expect(ok.json.questions.map((q: { id: string }) => q.id)).toEqual(reversed);
    for (const bad of [reversed.slice(1), [...reversed.slice(1), "nope"], [...reversed, reversed[0]]]) {
      const result = await call(world, orderRoute.PUT, { actor: world.actors.instructor, params: { id: world.seminarId }, method: "PUT", json: { ids: bad } });
      expect(result.status).toBe(400);
    }
  });

  it("deleting removes its passages, answers and comments", async () => {
    const question = await askQuestion(world);
    const answer = await answerAs(world, "author", question.id);
    await call(world, commentsRoute.POST, { actor: world.actors.instructor, params: { id: question.id, answerId: answer.id }, json: { body: { html: "<p>x</p>" } } });
    const removed = await call(world, questionRoute.DELETE, { actor: world.actors.instructor, params: { id: question.id }, method: "DELETE" });
    expect(removed.json).toEqual({ id: question.id, deleted: true });
    expect(await world.db.questionPassage.count({ where: { questionId: question.id } })).toBe(0);
    expect(await world.db.answer.count({ where: { questionId: question.id } })).toBe(0);
    expect(await world.db.answerComment.count({ where: { answerId: answer.id } })).toBe(0);
    expect((await call(world, questionRoute.GET, { actor: world.actors.instructor, params: { id: question.id } })).status).toBe(404);
  });

  it("a passage in a reading the seminar does not read → 400", async () => {
    const doc = await world.db.document.findUniqueOrThrow({ where: { slug: world.secondSlug } });
    await world.db.seminarReading.delete({ where: { seminarId_documentId: { seminarId: world.seminarId, documentId: doc.id } } });
    try {
      const result = await call(world, questionsRoute.POST, {
        actor: world.actors.instructor,
        params: { id: world.seminarId },
        json: { title: "T", prompt: { html: "<p>P</p>" }, passages: [passageFor(world, "Kim Il Sung", "second")] },
      });
      expect(result.status).toBe(400);
      expect(result.json.error.message).toMatch(/not one of this seminar's readings/);
    } finally {
      await world.db.seminarReading.create({ data: { seminarId: world.seminarId, documentId: doc.id, position: 1 } });
    }
  });
});

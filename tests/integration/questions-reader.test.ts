// What the reader and the per-student page get: questions touching a reading with
// their passages placed in the version shown (re-anchored when the text changed),
// compare links for multi-reading questions; a student's answers, notes and replies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadQuestionsForReader } from "@/app/read/[slug]/questions/load-questions";
import { createReply } from "@/lib/annotations/replies";
import { createNote } from "@/lib/annotations/service";
import { getStudentActivity } from "@/lib/questions/activity";
import { reanchorDocument } from "@/lib/revisions/reanchor";
import { READING_TEXT, SECOND_TEXT, answerAs, askQuestion, createQuestionWorld, passageFor, type World } from "./questions-support";
import { targetFor } from "./annotations-support";

let world: World;
beforeAll(async () => {
  world = await createQuestionWorld();
});
afterAll(async () => {
  await world.close();
});

const here = () => ({ versionId: world.versionId, text: READING_TEXT });

describe("loadQuestionsForReader", () => {
  it("lists the questions touching this reading, with spans here and compare links", async () => {
    const single = await askQuestion(world, { passages: [passageFor(world, "Seoul had fallen")] });
    const multi = await askQuestion(world, { passages: [passageFor(world, "Inchon"), passageFor(world, "Kim Il Sung", "second")] });
    const elsewhere = await askQuestion(world, { passages: [passageFor(world, "Stalin", "second")] });
    const loaded = await loadQuestionsForReader(world.db, world.actors.author, world.slug, world.seminarId, here());
    expect(loaded.map((q) => q.id)).toEqual([single.id, multi.id]);
    const [a, b] = loaded;
    expect(Object.values(a.spans)).toEqual([{ start: READING_TEXT.indexOf("Seoul had fallen"), end: READING_TEXT.indexOf("Seoul had fallen") + 16 }]);
    expect(a.compare).toEqual([]);
    expect(a.href).toBe(`/seminars/${world.seminarId}/questions/${single.id}`);
    expect(a).toMatchObject({ myStatus: "not-yet", prompt: { html: expect.stringContaining("Read the passage") } });
    expect(Object.keys(b.spans)).toEqual([b.passages[0].id]); // only this reading's passage is placed
    expect(b.compare).toEqual([
      {
        slug: world.secondSlug,
        title: world.secondSlug,
        href: `/compare?seminar=${world.seminarId}&question=${multi.id}&left=${world.slug}&right=${world.secondSlug}`,
      },
    ]);
    const onSecond = await loadQuestionsForReader(world.db, world.actors.author, world.secondSlug, world.seminarId, { versionId: world.secondVersionId, text: SECOND_TEXT });
    expect(onSecond.map((q) => q.id)).toEqual([multi.id, elsewhere.id]);
  });

  it("places passages made on an older version with anchor(), and marks a lost one null", async () => {
    const question = await askQuestion(world, { passages: [passageFor(world, "the landing at Inchon")] });
    const changed = `A new opening sentence. ${READING_TEXT}`;
    const loaded = (await loadQuestionsForReader(world.db, world.actors.instructor, world.slug, world.seminarId, { versionId: "newer", text: changed })).find((q) => q.id === question.id)!;
    const start = changed.indexOf("the landing at Inchon");
    expect(Object.values(loaded.spans)).toEqual([{ start, end: start + "the landing at Inchon".length }]);
    const gone = (await loadQuestionsForReader(world.db, world.actors.instructor, world.slug, world.seminarId, { versionId: "newer", text: "Nothing of the old text." })).find((q) => q.id === question.id)!;
    expect(Object.values(gone.spans)).toEqual([null]);
  });

  it("is 404 for non-members and an unknown reading", async () => {
    await expect(loadQuestionsForReader(world.db, world.actors.nonMember, world.slug, world.seminarId, here())).rejects.toMatchObject({ code: "not_found" });
    await expect(loadQuestionsForReader(world.db, world.actors.author, "nope", world.seminarId, here())).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("re-anchoring question passages", () => {
  it("moves passages onto a new version, keeps the original, orphans without deleting", async () => {
    const question = await askQuestion(world, { passages: [passageFor(world, "crossed the thirty-eighth parallel"), passageFor(world, "Security Council")] });
    const doc = await world.db.document.findUniqueOrThrow({ where: { slug: world.slug } });
    const text = `Preface. ${READING_TEXT.replace("Security Council", "S.C.")}`;
    const version = await world.db.documentVersion.create({ data: { documentId: doc.id, number: 2, contentHash: "v2", source: text, canonicalText: text, blocks: "[]", wordCount: 1 } });
    await world.db.document.update({ where: { id: doc.id }, data: { currentVersionId: version.id } });
    try {
      const counts = (await reanchorDocument(world.db, doc.id)).questions;
      expect(counts.orphaned).toBeGreaterThanOrEqual(1);
      const passages = await world.db.questionPassage.findMany({ where: { questionId: question.id }, orderBy: { position: "asc" } });
      expect(passages.map((p) => [p.anchorStatus, p.versionId === version.id, p.originalVersionId === world.versionId])).toEqual([
        ["reanchored", true, true],
        ["orphaned", true, true],
      ]);
      expect((await reanchorDocument(world.db, doc.id)).questions).toEqual({ anchored: 0, reanchored: 0, orphaned: 0 });
    } finally {
      await world.db.document.update({ where: { id: doc.id }, data: { currentVersionId: world.versionId } });
    }
  });
});

describe("getStudentActivity", () => {
  it("shows an instructor the student's answers, seminar notes and replies, never private notes", async () => {
    const question = await askQuestion(world);
    const answer = await answerAs(world, "author", question.id);
    const shared = await createNote(world.db, world.actors.author, world.slug, world.seminarId, { target: targetFor(world, "Seoul"), motivation: "commenting", body: { html: "<p>shared-note</p>" }, tags: [], visibility: "seminar" });
    await createNote(world.db, world.actors.author, world.slug, world.seminarId, { target: targetFor(world, "Seoul"), motivation: "commenting", body: { html: "<p>private-note</p>" }, tags: [], visibility: "private" });
    const othersNote = await createNote(world.db, world.actors.otherStudent, world.slug, world.seminarId, { target: targetFor(world, "Inchon"), motivation: "commenting", body: { html: "<p>theirs</p>" }, tags: [], visibility: "seminar" });
    await createReply(world.db, world.actors.author, othersNote.id, { body: { html: "<p>reply-by-author</p>" } });

    const page = await getStudentActivity(world.db, world.actors.instructor, world.seminarId, world.actors.author.id);
    expect(page.student).toMatchObject({ id: world.actors.author.id, name: "Author" });
    expect(page.questions.find((q) => q.question.id === question.id)?.answer?.id).toBe(answer.id);
    expect(page.notes.map((n) => n.id)).toContain(shared.id);
    expect(JSON.stringify(page)).not.toContain("private-note");
    expect(page.replies.map((r) => [r.body.text, r.quote])).toContainEqual(["reply-by-author", "Inchon"]);

    const own = await getStudentActivity(world.db, world.actors.author, world.seminarId, world.actors.author.id);
    expect(JSON.stringify(own)).toContain("private-note");
  });

  it("lists the student's links the viewer may see, never their private ones to others", async () => {
    const documentId = (await world.db.document.findUniqueOrThrow({ where: { slug: world.slug } })).id;
    const secondId = (await world.db.document.findUniqueOrThrow({ where: { slug: world.secondSlug } })).id;
    const link = async (visibility: string, word: string) => {
      const [a, b] = [targetFor(world, "Seoul"), { versionId: world.secondVersionId, selectors: passageFor(world, "Stalin", "second").selectors }];
      return world.db.link.create({
        data: {
          seminarId: world.seminarId,
          authorId: world.actors.author.id,
          relation: "parallel",
          bodyHtml: `<p>${word}</p>`,
          bodyText: word,
          visibility,
          ends: {
            create: [
              { side: "a", documentId, versionId: a.versionId, originalVersionId: a.versionId, selectors: JSON.stringify(a.selectors), originalSelectors: JSON.stringify(a.selectors) },
              { side: "b", documentId: secondId, versionId: b.versionId, originalVersionId: b.versionId, selectors: JSON.stringify(b.selectors), originalSelectors: JSON.stringify(b.selectors) },
            ],
          },
        },
      });
    };
    const shared = await link("seminar", "shared-link");
    await link("private", "private-link");
    const page = await getStudentActivity(world.db, world.actors.instructor, world.seminarId, world.actors.author.id);
    expect(page.links.map((l) => [l.id, l.ends.map((e) => e.quote)])).toEqual([[shared.id, ["Seoul", "Stalin"]]]);
    expect(page.links[0].href).toBe(`/compare?seminar=${world.seminarId}&link=${shared.id}`);
    expect(JSON.stringify(page)).not.toContain("private-link");
    const own = await getStudentActivity(world.db, world.actors.author, world.seminarId, world.actors.author.id);
    expect(own.links).toHaveLength(2);
  });

  it("403 for another student, 404 for non-members, outsiders and non-students", async () => {
    const attempt = (who: keyof World["actors"], userId: string) => getStudentActivity(world.db, world.actors[who], world.seminarId, userId);
    await expect(attempt("otherStudent", world.actors.author.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(attempt("nonMember", world.actors.author.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(attempt("otherInstructor", world.actors.author.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(attempt("instructor", world.actors.instructor.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(attempt("instructor", world.actors.nonMember.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(attempt("instructor", "nope")).rejects.toMatchObject({ code: "not_found" });
  });
});

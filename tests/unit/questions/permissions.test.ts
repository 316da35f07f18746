import { describe, expect, it } from "vitest";
import {
  answeringBlocked,
  answerPermissions,
  canSeeAnswer,
  canSeeComments,
  canSeeOthersAnswers,
  canSeeStudentPage,
  myStatus,
  questionPermissions,
  questionStatus,
} from "@/lib/questions/permissions";
import type { Viewer } from "@/lib/seminars/schema";

const now = new Date("2025-03-01T12:00:00Z");
const past = new Date("2025-03-01T11:59:59Z");
const future = new Date("2025-03-01T12:00:01Z");
const student: Viewer = { userId: "s1", role: "student" };
const instructor: Viewer = { userId: "i1", role: "instructor" };
const q = (over: Partial<{ answerFirst: boolean; dueAt: Date | null; closedAt: Date | null }> = {}) => ({
  answerFirst: false,
  dueAt: null,
  closedAt: null,
  ...over,
});

describe("questionStatus", () => {
  const cases: [string, ReturnType<typeof q>, string][] = [
    ["no due date", q(), "open"],
    ["due later", q({ dueAt: future }), "open"],
    ["due exactly now", q({ dueAt: now }), "overdue"],
    ["due earlier", q({ dueAt: past }), "overdue"],
    ["closed, due later", q({ closedAt: past, dueAt: future }), "closed"],
    ["closed and overdue", q({ closedAt: past, dueAt: past }), "closed"],
  ];
  for (const [name, question, expected] of cases) it(`${name} → ${expected}`, () => expect(questionStatus(question, now)).toBe(expected));
});

describe("canSeeAnswer: the answer-first rule", () => {
  // viewer, answerFirst, author of the answer, viewer has answered → visible
  const cases: [string, Viewer, boolean, string, boolean, boolean][] = [
    ["instructor, answer-first, not answered", instructor, true, "s2", false, true],
    ["instructor, open", instructor, false, "s2", false, true],
    ["author, answer-first", student, true, "s1", false, true],
    ["author, open", student, false, "s1", true, true],
    ["other student, open, not answered", student, false, "s2", false, true],
    ["other student, answer-first, not answered", student, true, "s2", false, false],
    ["other student, answer-first, answered", student, true, "s2", true, true],
  ];
  for (const [name, viewer, answerFirst, authorId, answered, expected] of cases) {
    it(`${name} → ${expected}`, () => {
      expect(canSeeAnswer(viewer, { answerFirst }, { authorId }, answered)).toBe(expected);
      if (authorId !== viewer.userId) expect(canSeeOthersAnswers(viewer, { answerFirst }, answered)).toBe(expected);
    });
  }
});

describe("answering and editing", () => {
  it("is blocked once closed or past due, with a message that says which", () => {
    expect(answeringBlocked(q(), now)).toBeNull();
    expect(answeringBlocked(q({ dueAt: future }), now)).toBeNull();
    expect(answeringBlocked(q({ dueAt: past }), now)).toMatch(/due date has passed/);
    expect(answeringBlocked(q({ closedAt: past }), now)).toMatch(/closed/);
  });
  const cases: [string, Viewer, ReturnType<typeof q>, { manage: boolean; answer: boolean; blocked: boolean }][] = [
    ["instructor", instructor, q(), { manage: true, answer: false, blocked: false }],
    ["instructor, closed", instructor, q({ closedAt: past }), { manage: true, answer: false, blocked: false }],
    ["student, open", student, q(), { manage: false, answer: true, blocked: false }],
    ["student, overdue", student, q({ dueAt: past }), { manage: false, answer: false, blocked: true }],
    ["student, closed", student, q({ closedAt: past }), { manage: false, answer: false, blocked: true }],
  ];
  for (const [name, viewer, question, expected] of cases) {
    it(`questionPermissions: ${name}`, () => {
      const p = questionPermissions(viewer, question, now);
      expect({ manage: p.manage, answer: p.answer, blocked: p.answerBlocked !== null }).toEqual(expected);
    });
  }
  it("answerPermissions: the author edits while open; instructors mark; author and instructors comment", () => {
    expect(answerPermissions(student, q(), { authorId: "s1" }, now)).toEqual({ edit: true, markExemplary: false, comment: true });
    expect(answerPermissions(student, q({ dueAt: past }), { authorId: "s1" }, now)).toEqual({ edit: false, markExemplary: false, comment: true });
    expect(answerPermissions(student, q(), { authorId: "s2" }, now)).toEqual({ edit: false, markExemplary: false, comment: false });
    expect(answerPermissions(instructor, q(), { authorId: "s2" }, now)).toEqual({ edit: false, markExemplary: true, comment: true });
  });
  it("comments are read by the answer's author and instructors only", () => {
    expect(canSeeComments(student, { authorId: "s1" })).toBe(true);
    expect(canSeeComments(student, { authorId: "s2" })).toBe(false);
    expect(canSeeComments(instructor, { authorId: "s2" })).toBe(true);
  });
});

describe("myStatus and the student page", () => {
  const cases: [string, Viewer, ReturnType<typeof q>, boolean, string | null][] = [
    ["instructor", instructor, q(), false, null],
    ["answered", student, q({ closedAt: past }), true, "answered"],
    ["not yet", student, q({ dueAt: future }), false, "not-yet"],
    ["overdue", student, q({ dueAt: past }), false, "overdue"],
    ["closed", student, q({ closedAt: past }), false, "closed"],
  ];
  for (const [name, viewer, question, answered, expected] of cases) {
    it(`${name} → ${expected}`, () => expect(myStatus(viewer, question, answered, now)).toBe(expected));
  }
  it("instructors and the student themself see a student's page", () => {
    expect(canSeeStudentPage(instructor, "s1")).toBe(true);
    expect(canSeeStudentPage(student, "s1")).toBe(true);
    expect(canSeeStudentPage(student, "s2")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { canSeeNote, canSeeReply, notePermissions, replyPermissions, type NoteFacts } from "@/lib/annotations/permissions";
import type { Viewer } from "@/lib/seminars/schema";

const author: Viewer = { userId: "a", role: "student" };
const other: Viewer = { userId: "o", role: "student" };
const instructor: Viewer = { userId: "i", role: "instructor" };
const note = (extra: Partial<NoteFacts> = {}): NoteFacts => ({ authorId: "a", visibility: "seminar", hidden: false, deleted: false, ...extra });

// [case, note, viewer, sees, edit, delete, hide, reply]
const table: [string, NoteFacts, Viewer, boolean, boolean, boolean, boolean, boolean][] = [
  ["seminar note, author", note(), author, true, true, true, false, true],
  ["seminar note, other student", note(), other, true, false, false, false, true],
  ["seminar note, instructor", note(), instructor, true, false, false, true, true],
  ["private note, author", note({ visibility: "private" }), author, true, true, true, false, true],
  ["private note, other student", note({ visibility: "private" }), other, false, false, false, false, false],
  ["private note, instructor", note({ visibility: "private" }), instructor, false, false, false, false, false],
  ["hidden note, author", note({ hidden: true }), author, true, true, true, false, false],
  ["hidden note, other student", note({ hidden: true }), other, false, false, false, false, false],
  ["hidden note, instructor", note({ hidden: true }), instructor, true, false, false, true, false],
  ["deleted note, author", note({ deleted: true }), author, true, false, false, false, false],
  ["deleted note, instructor", note({ deleted: true }), instructor, true, false, false, false, false],
  ["instructor's own private note", note({ visibility: "private", authorId: "i" }), instructor, true, true, true, false, true],
];

describe("note permissions", () => {
  for (const [name, facts, viewer, sees, edit, del, hide, reply] of table) {
    it(name, () => {
      expect(canSeeNote(facts, viewer)).toBe(sees);
      if (sees) expect(notePermissions(facts, viewer)).toEqual({ edit, delete: del, hide, reply });
    });
  }
});

describe("reply permissions", () => {
  const reply = { authorId: "o", hidden: false, deleted: false };
  it.each([
    ["visible reply, anyone", reply, author, true],
    ["hidden reply, its author", { ...reply, hidden: true }, other, true],
    ["hidden reply, instructor", { ...reply, hidden: true }, instructor, true],
    ["hidden reply, someone else", { ...reply, hidden: true }, author, false],
  ] as const)("%s", (_name, facts, viewer, sees) => expect(canSeeReply(facts, viewer)).toBe(sees));

  it("authors edit and delete their own, instructors hide, closed notes take no replies", () => {
    expect(replyPermissions(reply, other, true)).toEqual({ edit: true, delete: true, hide: false, reply: true });
    expect(replyPermissions(reply, instructor, true)).toEqual({ edit: false, delete: false, hide: true, reply: true });
    expect(replyPermissions(reply, author, false).reply).toBe(false);
    expect(replyPermissions({ ...reply, deleted: true }, other, true)).toEqual({ edit: false, delete: false, hide: false, reply: false });
  });
});

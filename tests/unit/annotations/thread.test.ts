import { describe, expect, it } from "vitest";
import { buildThread, countReplies, flattenThread, type ReplyRecord } from "@/lib/annotations/thread";
import type { Viewer } from "@/lib/seminars/schema";

const student: Viewer = { userId: "s1", role: "student" };
const instructor: Viewer = { userId: "i1", role: "instructor" };

let clock = 0;
function r(id: string, parentId: string | null, extra: Partial<ReplyRecord> = {}): ReplyRecord {
  clock += 1000;
  return {
    id,
    noteId: "n",
    parentId,
    authorId: "s2",
    author: { id: "s2", name: "Other", role: "student" },
    body: { json: null, html: `<p>${id}</p>`, text: id },
    hidden: false,
    deleted: false,
    revision: 1,
    createdAt: new Date(clock),
    updatedAt: new Date(clock),
    ...extra,
  };
}

/** The thread as a compact string: id, or [hidden]/[deleted] placeholders, nested in (). */
function shape(nodes: ReturnType<typeof buildThread>): string {
  return nodes.map((n) => `${n.placeholder ? `[${n.placeholder}]` : n.id}${n.children.length ? `(${shape(n.children)})` : ""}`).join(" ");
}

const cases: { name: string; records: () => ReplyRecord[]; viewer: Viewer; expected: string; count: number; order?: "oldest" | "newest" }[] = [
  { name: "empty", records: () => [], viewer: student, expected: "", count: 0 },
  { name: "flat, oldest first", records: () => [r("a", null), r("b", null), r("c", null)], viewer: student, expected: "a b c", count: 3 },
  { name: "flat, newest first", records: () => [r("a", null), r("b", null)], viewer: student, expected: "b a", count: 2, order: "newest" },
  { name: "nested", records: () => [r("a", null), r("b", "a"), r("c", "b"), r("d", "a")], viewer: student, expected: "a(b(c) d)", count: 4 },
  { name: "input order does not matter", records: () => { const x = [r("a", null), r("b", "a"), r("c", null)]; return [x[2], x[1], x[0]]; }, viewer: student, expected: "a(b) c", count: 3 },
  { name: "missing parent hangs from the note", records: () => [r("a", "gone"), r("b", null)], viewer: student, expected: "a b", count: 2 },
  { name: "self-parent does not loop", records: () => [r("a", "a")], viewer: student, expected: "a", count: 1 },
  { name: "deleted leaf disappears", records: () => [r("a", null), r("b", "a", { deleted: true, body: null })], viewer: student, expected: "a", count: 1 },
  { name: "deleted with replies stays as placeholder", records: () => [r("a", null, { deleted: true, body: null }), r("b", "a")], viewer: student, expected: "[deleted](b)", count: 1 },
  { name: "deleted chain with nothing left disappears", records: () => [r("a", null, { deleted: true }), r("b", "a", { deleted: true })], viewer: student, expected: "", count: 0 },
  { name: "hidden leaf invisible to another student", records: () => [r("a", null, { hidden: true })], viewer: student, expected: "", count: 0 },
  { name: "hidden leaf visible to instructor", records: () => [r("a", null, { hidden: true })], viewer: instructor, expected: "a", count: 1 },
  { name: "hidden leaf visible to its author", records: () => [r("a", null, { hidden: true, authorId: "s1" })], viewer: student, expected: "a", count: 1 },
  { name: "hidden with replies is a placeholder for others", records: () => [r("a", null, { hidden: true }), r("b", "a")], viewer: student, expected: "[hidden](b)", count: 1 },
  { name: "hidden subtree with only hidden replies vanishes", records: () => [r("a", null, { hidden: true }), r("b", "a", { hidden: true })], viewer: student, expected: "", count: 0 },
];

describe("buildThread", () => {
  for (const c of cases) {
    it(c.name, () => {
      const thread = buildThread(c.records(), c.viewer, true, c.order);
      expect(shape(thread)).toBe(c.expected);
      expect(countReplies(thread)).toBe(c.count);
    });
  }

  it("placeholders carry no author, body or permissions", () => {
    const [placeholder] = buildThread([r("a", null, { hidden: true }), r("b", "a")], student, true);
    expect(placeholder).toMatchObject({ author: null, body: null, hidden: false, permissions: { edit: false, delete: false, hide: false, reply: false } });
  });

  it("permissions follow author and role; a closed note closes replies", () => {
    const own = r("a", null, { authorId: "s1" });
    expect(buildThread([own], student, true)[0].permissions).toEqual({ edit: true, delete: true, hide: false, reply: true });
    expect(buildThread([r("b", null)], instructor, true)[0].permissions).toEqual({ edit: false, delete: false, hide: true, reply: true });
    expect(buildThread([r("c", null)], student, false)[0].permissions.reply).toBe(false);
  });

  it("ties in time fall back to id, so the order is stable", () => {
    const at = new Date(5);
    const thread = buildThread([r("b", null, { createdAt: at }), r("a", null, { createdAt: at })], student, true);
    expect(flattenThread(thread).map((n) => n.id)).toEqual(["a", "b"]);
  });
});

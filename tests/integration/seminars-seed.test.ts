// The demo seed on the real readings: idempotent, every note anchored on the
// canonical text, demo accounts can sign in, and privacy holds for the demo too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestReadings, loadReadings } from "@/lib/documents/ingest";
import { authenticate } from "@/lib/auth/service";
import { listNotes } from "@/lib/annotations/service";
import { validateSelectors } from "@/lib/annotations/selectors";
import { getSeminar, listMySeminars } from "@/lib/seminars/service";
import { DEMO_PASSWORD, findQuote, seedDemo } from "@/scripts/seed";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { documentsDir } from "../support/paths";

let t: TestDatabase;
let seminarId: string;
beforeAll(async () => {
  t = createTestDatabase();
  await ingestReadings(t.db, loadReadings(documentsDir));
  const first = await seedDemo(t.db);
  seminarId = first.seminarId;
  expect(first.notesAdded).toBe(7);
});
afterAll(async () => {
  await t.close();
});

describe("demo seed", () => {
  it("is idempotent", async () => {
    const counts = async () => [await t.db.user.count(), await t.db.seminar.count(), await t.db.membership.count(), await t.db.note.count(), await t.db.reply.count()];
    const before = await counts();
    expect(await seedDemo(t.db)).toEqual({ seminarId, notesAdded: 0 });
    expect(await counts()).toEqual(before);
  });

  it("gives the instructor a seminar with three students and all five readings", async () => {
    const instructor = (await authenticate(t.db, { email: "instructor@parallax.test", password: DEMO_PASSWORD }, null))!;
    const seminar = await getSeminar(t.db, instructor, seminarId);
    expect(seminar).toMatchObject({ name: "Korea 1950: origins and escalation", role: "instructor", joinCode: "DEMO-1950" });
    expect(seminar.members.map((m) => m.role).sort()).toEqual(["instructor", "student", "student", "student"]);
    expect(seminar.readings).toHaveLength(5);
    for (const email of ["ana@parallax.test", "ben@parallax.test", "chloe@parallax.test"]) {
      const student = await authenticate(t.db, { email, password: DEMO_PASSWORD }, null);
      expect((await listMySeminars(t.db, student!)).map((s) => s.role)).toEqual(["student"]);
    }
  });

  it("anchors every note with selectors that match the current canonical text", async () => {
    const notes = await t.db.note.findMany({ include: { version: true, document: true } });
    for (const note of notes) {
      expect(note.versionId).toBe(note.document.currentVersionId);
      expect(() => validateSelectors(note.version.canonicalText, JSON.parse(note.selectors))).not.toThrow();
    }
    expect(await t.db.reply.count({ where: { parentId: { not: null } } })).toBeGreaterThan(0);
  });

  it("keeps Ben's private note to Ben", async () => {
    const ben = (await authenticate(t.db, { email: "ben@parallax.test", password: DEMO_PASSWORD }, null))!;
    const ana = (await authenticate(t.db, { email: "ana@parallax.test", password: DEMO_PASSWORD }, null))!;
    const slug = "korean-war-podcast-episode-30";
    expect((await listNotes(t.db, ben, slug, { seminar: seminarId })).notes.map((n) => n.visibility)).toEqual(["private"]);
    expect((await listNotes(t.db, ana, slug, { seminar: seminarId })).notes).toEqual([]);
  });

  it("finds quotes across any whitespace", () => {
    expect(findQuote("a  b\nc d", "b c")).toEqual([3, 6]);
    expect(findQuote("x (y) z", "(y)")).toEqual([2, 5]);
    expect(findQuote("abc", "zzz")).toBeNull();
  });
});

// The CSV exports, parsed back with a strict RFC 4180 reader and compared with what
// was stored: roster × question, quoting of commas, quotes and newlines, UTF-8 with a
// BOM, formulas made inert, a download header; answers of people who have left kept.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as seminarExportRoute from "@/app/api/seminars/[id]/questions/export.csv/route";
import * as questionExportRoute from "@/app/api/questions/[id]/export.csv/route";
import { createAnswer, markExemplary } from "@/lib/questions/answers";
import { EXPORT_HEADER } from "@/lib/questions/roster";
import { parseCsv } from "../unit/questions/support/rfc4180";
import { askQuestion, createQuestionWorld, type World } from "./questions-support";

let world: World;
let questions: Awaited<ReturnType<typeof askQuestion>>[];
let extra: { id: string; name: string; email: string };
const tricky = 'Zoë said: "no, not yet",\nthen — après la guerre — yes.\r\nEnd.';

beforeAll(async () => {
  world = await createQuestionWorld();
  // A third student with an accented name and a formula-looking one.
  const user = await world.db.user.create({ data: { email: "zoe@example.test", name: "=Zoë Ébert", passwordHash: "x" } });
  extra = { id: user.id, name: user.name, email: user.email };
  await world.db.membership.create({ data: { seminarId: world.seminarId, userId: user.id, role: "student" } });
  questions = [await askQuestion(world, { title: 'First, "the" question' }), await askQuestion(world, { title: "Second question" })];
  const a = await createAnswer(world.db, world.actors.author, questions[0].id, { body: { html: `<p>${tricky.replace(/\r?\n/g, "<br>")}</p>` } });
  await markExemplary(world.db, world.actors.instructor, questions[0].id, a.id, true);
  await createAnswer(world.db, extra, questions[1].id, { body: { html: "<p>-1 is my guess</p>" } });
  await createAnswer(world.db, world.actors.otherStudent, questions[1].id, { body: { html: "<p>Short.</p>" } });
});
afterAll(async () => {
  await world.close();
});

/** Runs the handler and reads the raw bytes (Response.text() would drop the BOM). */
async function download(route: typeof seminarExportRoute.GET, id: string) {
  const response = await route(new Request("http://parallax.test/export.csv"), {
    params: Promise.resolve({ id }),
    deps: { db: world.db, resolveActor: async () => world.actors.instructor },
  });
  expect(response.status).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  return { result: response, records: parseCsv(text.slice(1)) };
}

describe("GET /api/seminars/[id]/questions/export.csv", () => {
  it("is a UTF-8 CSV download with a BOM", async () => {
    const { result } = await download(seminarExportRoute.GET, world.seminarId);
    expect(result.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(result.headers.get("content-disposition")).toMatch(/^attachment; filename="seminar-s-answers\.csv"/);
    expect(result.headers.get("cache-control")).toContain("no-store");
  });

  it("parses back to roster × question, matching the database", async () => {
    const { records } = await download(seminarExportRoute.GET, world.seminarId);
    expect(records[0]).toEqual(EXPORT_HEADER);
    const rows = records.slice(1);
    expect(rows).toHaveLength(3 * questions.length);
    expect(rows.every((row) => row.length === EXPORT_HEADER.length)).toBe(true);
    // Students by name ("=" sorts before letters), each with every question in order.
    expect([...new Set(rows.map((r) => r[0]))]).toEqual(["'=Zoë Ébert", "Author", "OtherStudent"]);
    expect(rows.slice(0, 2).map((r) => r[2])).toEqual(['First, "the" question', "Second question"]);

    const stored = await world.db.answer.findMany({ include: { author: true, question: true } });
    for (const row of rows) {
      const [name, email, title, answered, text, answeredAt, updatedAt, exemplary] = row;
      const answer = stored.find((a) => a.author.email === email && (a.question.title === title || `'${a.question.title}` === title));
      if (!answer) {
        expect([answered, text, answeredAt, updatedAt, exemplary]).toEqual(["no", "", "", "", ""]);
        continue;
      }
      expect(name.replace(/^'/, "")).toBe(answer.author.name);
      expect(answered).toBe("yes");
      expect(text.replace(/^'/, "")).toBe(answer.bodyText);
      expect(answeredAt).toBe(answer.createdAt.toISOString());
      expect(updatedAt).toBe(answer.updatedAt.toISOString());
      expect(exemplary).toBe(answer.exemplary ? "yes" : "no");
    }
  });

  it("keeps commas, quotes, newlines and accents, and makes formulas inert", async () => {
    const { records } = await download(seminarExportRoute.GET, world.seminarId);
    const authorFirst = records.find((r) => r[0] === "Author" && r[2] === 'First, "the" question')!;
    expect(authorFirst[4]).toBe('Zoë said: "no, not yet",\nthen — après la guerre — yes.\nEnd.');
    expect(authorFirst[7]).toBe("yes");
    const guess = records.find((r) => r[1] === "zoe@example.test" && r[3] === "yes")!;
    expect(guess[0]).toBe("'=Zoë Ébert");
    expect(guess[4]).toBe("'-1 is my guess");
  });

  it("keeps the answers of someone who has left the seminar, after the roster", async () => {
    await world.db.membership.delete({ where: { seminarId_userId: { seminarId: world.seminarId, userId: world.actors.otherStudent.id } } });
    try {
      const { records } = await download(seminarExportRoute.GET, world.seminarId);
      const last = records.at(-1)!;
      expect(last.slice(0, 4)).toEqual(["OtherStudent", world.actors.otherStudent.email, "Second question", "yes"]);
      expect(records.filter((r) => r[0] === "OtherStudent")).toHaveLength(1);
    } finally {
      await world.db.membership.create({ data: { seminarId: world.seminarId, userId: world.actors.otherStudent.id, role: "student" } });
    }
  });
});

describe("GET /api/questions/[id]/export.csv", () => {
  it("exports one question × the roster", async () => {
    const { result, records } = await download(questionExportRoute.GET, questions[1].id);
    expect(result.headers.get("content-disposition")).toMatch(/filename="second-question-answers\.csv"/);
    expect(records.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([
      ["'=Zoë Ébert", "Second question", "yes"],
      ["Author", "Second question", "no"],
      ["OtherStudent", "Second question", "yes"],
    ]);
  });
});

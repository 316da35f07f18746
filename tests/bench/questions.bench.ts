/**
 * Guided questions at the size of a large course: a seminar of 200 students and 20
 * questions (passages in two real readings), every student having answered every
 * question (4,000 answers of 60–250 words, a tenth with instructor feedback, some
 * exemplary). Measures the service calls behind the pages, in this process, on a real
 * SQLite file with the migrations applied: the Questions page data (instructor and
 * student), the CSV export, one question's page, the reader's questions. Server time
 * p50/p95 over RUNS runs after WARMUP. Target from the issue: p50 ≤ 300 ms for the
 * Questions page data and the export. Always exits 0 when it could measure: it reports.
 *
 *   npx tsx tests/bench/questions.bench.ts
 *
 * The services import "server-only", which throws outside React's server runtime; the
 * bench re-runs itself with `--conditions=react-server` (that package's empty export).
 */
import { spawnSync } from "node:child_process";
import { describe } from "@/lib/anchoring";
import { prepareBody } from "@/lib/annotations/sanitize";
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { randomInt, seededRandom } from "./support/random";

const STUDENTS = 200;
const QUESTIONS = 20;
const WARMUP = 5;
const RUNS = 40;
const TARGET_MS = 300;

if (!process.execArgv.some((arg) => arg.includes("react-server"))) {
  const child = spawnSync(process.execPath, [...process.execArgv, "--conditions=react-server", ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(child.status ?? 1);
}

/** Times `fn` RUNS times after WARMUP runs; returns the times in ms and the last result. */
async function measure<T>(fn: () => Promise<T>): Promise<{ times: number[]; last: T }> {
  let last: T | undefined;
  for (let i = 0; i < WARMUP; i++) last = await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    last = await fn();
    times.push(performance.now() - started);
  }
  return { times, last: last as T };
}

type Course = {
  seminarId: string;
  slug: string;
  questionId: string;
  instructor: Actor;
  student: Actor;
  students: number;
  questions: number;
  answers: number;
  comments: number;
};

/** A tiptap document of paragraphs, as the editor saves. */
const doc = (paragraphs: string[]) => ({ type: "doc" as const, content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) });

/**
 * The course: an instructor, `students` students, the first two readings of the
 * library assigned, `questions` questions (every fourth also pinned to the second
 * reading; every third answer-first; a few with a due date past), an answer from every
 * student to every question, feedback under a tenth of them. Written with createMany;
 * bodies go through the same sanitiser as the API's.
 */
async function insertCourse(db: PrismaClient, { students, questions }: { students: number; questions: number }): Promise<Course> {
  const random = seededRandom(1950);
  const readings = await db.document.findMany({ orderBy: { position: "asc" }, take: 2, include: { currentVersion: true } });
  if (readings.length < 2) throw new Error("the bench needs two readings in documents/");
  const texts = readings.map((r) => r.currentVersion!.canonicalText);
  const words = texts[0].split(/\s+/).filter(Boolean);
  const prose = (min: number, max: number) => {
    const count = randomInt(random, min, max);
    const at = randomInt(random, 0, Math.max(1, words.length - count));
    return words.slice(at, at + count).join(" ");
  };
  const passage = (text: string) => {
    const start = randomInt(random, 0, text.length - 300);
    return JSON.stringify(describe(text, start, start + randomInt(random, 40, 240)));
  };

  const people = [{ id: "bench-instructor", email: "instructor@bench.test", name: "Ines Instructor", passwordHash: "x" }];
  for (let i = 0; i < students; i++) {
    people.push({ id: `bench-student-${String(i).padStart(3, "0")}`, email: `student${i}@bench.test`, name: `Étudiant ${String(i).padStart(3, "0")}, B.`, passwordHash: "x" });
  }
  await db.user.createMany({ data: people });
  const seminar = await db.seminar.create({ data: { name: "Bench seminar", joinCode: "BENCHQQQ" } });
  await db.membership.createMany({ data: people.map((p, i) => ({ seminarId: seminar.id, userId: p.id, role: i === 0 ? "instructor" : "student" })) });
  await db.seminarReading.createMany({ data: readings.map((r, position) => ({ seminarId: seminar.id, documentId: r.id, position })) });

  const now = Date.now();
  const day = 86_400_000;
  const questionIds: string[] = [];
  for (let q = 0; q < questions; q++) {
    const prompt = prepareBody({ json: doc([prose(30, 80), prose(20, 50)]) });
    const passages = [{ document: readings[0], text: texts[0] }, ...(q % 4 === 0 ? [{ document: readings[1], text: texts[1] }] : [])];
    const created = await db.question.create({
      data: {
        seminarId: seminar.id,
        createdById: people[0].id,
        title: `Question ${q + 1}: ${prose(4, 10)}`,
        promptJson: prompt.bodyJson,
        promptHtml: prompt.bodyHtml,
        promptText: prompt.bodyText,
        dueAt: q % 5 === 0 ? new Date(now - day) : new Date(now + 7 * day),
        answerFirst: q % 3 === 0,
        position: q,
        passages: {
          create: passages.map((p, position) => {
            const selectors = passage(p.text);
            const versionId = p.document.currentVersionId!;
            return { documentId: p.document.id, versionId, originalVersionId: versionId, selectors, originalSelectors: selectors, position };
          }),
        },
      },
    });
    questionIds.push(created.id);
  }

  const answers = [];
  for (const questionId of questionIds) {
    for (const student of people.slice(1)) {
      const body = prepareBody({ json: doc(Array.from({ length: randomInt(random, 1, 4) }, () => prose(20, 80))) });
      const createdAt = new Date(now - randomInt(random, 2 * day, 20 * day));
      const edited = random() < 0.3;
      answers.push({
        id: `bench-answer-${answers.length}`,
        questionId,
        authorId: student.id,
        ...body,
        exemplary: random() < 0.05,
        createdAt,
        updatedAt: edited ? new Date(createdAt.getTime() + randomInt(random, 60_000, day)) : createdAt,
        revision: edited ? 2 : 1,
      });
    }
  }
  await db.answer.createMany({ data: answers });
  const feedback = answers.filter(() => random() < 0.1).map((answer, i) => ({
    id: `bench-comment-${i}`,
    answerId: answer.id,
    authorId: people[0].id,
    ...prepareBody({ json: doc([prose(10, 40)]) }),
  }));
  await db.answerComment.createMany({ data: feedback });

  const actor = (p: (typeof people)[number]): Actor => ({ id: p.id, name: p.name, email: p.email });
  return {
    seminarId: seminar.id,
    slug: readings[0].slug,
    questionId: questionIds[3], // answer-first, open, one passage
    instructor: actor(people[0]),
    student: actor(people[1]),
    students,
    questions,
    answers: answers.length,
    comments: feedback.length,
  };
}

async function main() {
  const { createTestDatabase } = await import("../support/database");
  const { documentsDir } = await import("../support/paths");
  const { ingestReadings, loadReadings } = await import("@/lib/documents/ingest");
  const { listQuestions, getQuestion } = await import("@/lib/questions/service");
  const { exportSeminarAnswers, exportQuestionAnswers } = await import("@/lib/questions/export");
  const { listQuestionsForReading } = await import("@/lib/questions/reader");
  const { ms, printTable, quantile } = await import("./support/stats");

  const database = createTestDatabase();
  const { db } = database;
  try {
    const seeding = performance.now();
    await ingestReadings(db, loadReadings(documentsDir));
    const course = await insertCourse(db, { students: STUDENTS, questions: QUESTIONS });
    console.log(
      `Seeded ${course.students} students, ${course.questions} questions, ${course.answers} answers, ${course.comments} comments ` +
        `in ${((performance.now() - seeding) / 1000).toFixed(1)} s (SQLite file ${database.file}).\n`,
    );

    const { instructor, student, seminarId, questionId, slug } = course;
    const cases: { name: string; target: number | null; run: () => Promise<unknown>; size?: (r: any) => string }[] = [
      { name: "Questions page data, instructor (listQuestions)", target: TARGET_MS, run: () => listQuestions(db, instructor, seminarId), size: (r) => `${r.questions.length} questions` },
      { name: "Questions page data, student (listQuestions)", target: TARGET_MS, run: () => listQuestions(db, student, seminarId), size: (r) => `${r.questions.length} questions` },
      { name: "CSV export, seminar (exportSeminarAnswers)", target: TARGET_MS, run: () => exportSeminarAnswers(db, instructor, seminarId), size: (r) => `${(Buffer.byteLength(r.csv) / 1024).toFixed(0)} KB, ${r.csv.split("\r\n").length - 2} rows` },
      { name: "CSV export, one question (exportQuestionAnswers)", target: null, run: () => exportQuestionAnswers(db, instructor, questionId), size: (r) => `${(Buffer.byteLength(r.csv) / 1024).toFixed(0)} KB` },
      { name: "Question page, instructor (getQuestion)", target: null, run: () => getQuestion(db, instructor, questionId), size: (r) => `${r.answers.length} answers, ${(Buffer.byteLength(JSON.stringify(r)) / 1024).toFixed(0)} KB JSON` },
      { name: "Question page, student (getQuestion)", target: null, run: () => getQuestion(db, student, questionId), size: (r) => `${r.answers.length + 1} answers` },
      { name: "Reader's questions (listQuestionsForReading)", target: null, run: () => listQuestionsForReading(db, student, seminarId, slug), size: (r) => `${r.length} questions` },
    ];

    const rows: string[][] = [];
    let missed = 0;
    for (const c of cases) {
      const { times, last } = await measure(c.run);
      const p50 = quantile(times, 0.5);
      const p95 = quantile(times, 0.95);
      const verdict = c.target === null ? "—" : p50 <= c.target ? "met" : "MISSED";
      if (verdict === "MISSED") missed++;
      rows.push([c.name, String(RUNS), ms(p50), ms(p95), c.target === null ? "—" : `p50 ≤ ${c.target} ms`, verdict, c.size?.(last) ?? ""]);
    }
    printTable(["measure (server time, in process)", "runs", "p50", "p95", "target", "verdict", "size"], rows);
    console.log(`\n${missed === 0 ? "All targets met." : `${missed} target(s) missed.`} Node ${process.version}, ${STUDENTS} students × ${QUESTIONS} questions.`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

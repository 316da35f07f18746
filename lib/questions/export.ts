import "server-only";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { loadManagedQuestion } from "@/lib/questions/access";
import { csvFilename, toCsv } from "@/lib/questions/csv";
import { findPeople, findSeminarName, listQuestionTitles, listRoster, listSeminarAnswerTexts, type Db } from "@/lib/questions/repo";
import { exportRecords } from "@/lib/questions/roster";
import { requireInstructor } from "@/lib/seminars/membership";

/**
 * The CSV exports: roster × question with each answer's plain text, for the seminar's
 * instructors only (403 for students, 404 for non-members), so the answer-first rule
 * is never in play here: a student can reach no export at all.
 */

/** A file to download. */
export type CsvFile = { filename: string; csv: string };

async function build(db: Db, seminarId: string, questions: { id: string; title: string }[], questionId?: string): Promise<string> {
  const [roster, answers] = await Promise.all([listRoster(db, seminarId), listSeminarAnswerTexts(db, seminarId, questionId)]);
  const rosterIds = new Set(roster.map((s) => s.id));
  const former = await findPeople(db, answers.filter((a) => !rosterIds.has(a.authorId)).map((a) => a.authorId));
  return toCsv(exportRecords({ roster, former, questions, answers }));
}

/** Every question of a seminar × every student: one UTF-8 CSV with a BOM. */
export async function exportSeminarAnswers(db: Db, actor: Actor, seminarId: string): Promise<CsvFile> {
  await requireInstructor(db, actor, seminarId);
  const seminar = await findSeminarName(db, seminarId);
  if (!seminar) throw new AppError("not_found", "No such seminar.");
  const questions = await listQuestionTitles(db, seminarId);
  return { filename: csvFilename(seminar.name, "answers"), csv: await build(db, seminarId, questions) };
}

/** One question × every student. */
export async function exportQuestionAnswers(db: Db, actor: Actor, questionId: string): Promise<CsvFile> {
  const { question } = await loadManagedQuestion(db, actor, questionId);
  return {
    filename: csvFilename(question.title, "answers"),
    csv: await build(db, question.seminarId, [{ id: question.id, title: question.title }], question.id),
  };
}

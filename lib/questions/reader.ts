import "server-only";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { findDocumentId } from "@/lib/annotations/repo";
import { canSeeOthersAnswers } from "@/lib/questions/permissions";
import { countRoster, countRosterAnswers, listAnswerKeysBy, listQuestionsOnDocument, type Db } from "@/lib/questions/repo";
import type { ReaderQuestion } from "@/lib/questions/schema";
import { passageView, promptView, questionSummary } from "@/lib/questions/view";
import { requireMembership } from "@/lib/seminars/membership";

/**
 * The seminar's questions that have a passage in one reading, in the seminar's order,
 * each with its prompt, all its passages (those in other readings too) and the
 * viewer's status; counts follow the answer-first rule as everywhere. 404 for a
 * non-member or an unknown reading.
 */
export async function listQuestionsForReading(db: Db, actor: Actor, seminarId: string, slug: string, now: Date = new Date()): Promise<ReaderQuestion[]> {
  const viewer = await requireMembership(db, actor, seminarId);
  const document = await findDocumentId(db, slug);
  if (!document) throw new AppError("not_found", `No reading called "${slug}".`);
  const questions = await listQuestionsOnDocument(db, seminarId, document.id);
  if (questions.length === 0) return [];
  const ids = questions.map((q) => q.id);
  const [rosterSize, counts, own] = await Promise.all([
    countRoster(db, seminarId),
    countRosterAnswers(db, seminarId, ids),
    listAnswerKeysBy(db, seminarId, actor.id),
  ]);
  const mine = new Map(own.map((k) => [k.questionId, k]));
  return questions.map((question) => {
    const answer = mine.get(question.id) ?? null;
    const answeredCount = canSeeOthersAnswers(viewer, question, answer !== null) ? (counts.get(question.id) ?? 0) : null;
    return {
      ...questionSummary(question, viewer, { rosterSize, answeredCount }, answer, now),
      prompt: promptView(question),
      passages: question.passages.map(passageView),
    };
  });
}

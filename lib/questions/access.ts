import "server-only";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { canSeeAnswer, canSeeComments } from "@/lib/questions/permissions";
import {
  findAnswer,
  findComment,
  findQuestion,
  hasAnswered,
  type AnswerRecord,
  type CommentRecord,
  type Db,
  type QuestionRecord,
} from "@/lib/questions/repo";
import { questionFacts } from "@/lib/questions/view";
import { findViewer } from "@/lib/seminars/membership";
import type { Viewer } from "@/lib/seminars/schema";

/**
 * The gates to one question, answer or comment. What the actor may not see answers
 * 404, exactly like an id that does not exist: a non-member learns nothing of a
 * seminar's questions, and a student under the answer-first rule nothing of another
 * student's answer.
 */

const noQuestion = () => new AppError("not_found", "No such question.");
const noAnswer = () => new AppError("not_found", "No such answer.");

/** A question of a seminar the actor belongs to, with their place there; 404 otherwise. */
export async function loadQuestion(db: Db, actor: Actor, questionId: string): Promise<{ question: QuestionRecord; viewer: Viewer }> {
  const question = await findQuestion(db, questionId);
  if (!question) throw noQuestion();
  const viewer = await findViewer(db, actor, question.seminarId);
  if (!viewer) throw noQuestion();
  return { question, viewer };
}

/** As `loadQuestion`, and 403 unless the actor is an instructor of the question's seminar. */
export async function loadManagedQuestion(db: Db, actor: Actor, questionId: string): Promise<{ question: QuestionRecord; viewer: Viewer }> {
  const loaded = await loadQuestion(db, actor, questionId);
  if (loaded.viewer.role !== "instructor") throw new AppError("forbidden", "Only the seminar's instructors can change questions.");
  return loaded;
}

/**
 * An answer to this question that the actor may read (answer-first included), with the
 * question and the actor's place; 404 for an unknown answer, an answer to another
 * question, or one the actor may not read yet.
 */
export async function loadVisibleAnswer(
  db: Db,
  actor: Actor,
  questionId: string,
  answerId: string,
): Promise<{ question: QuestionRecord; viewer: Viewer; answer: AnswerRecord }> {
  const { question, viewer } = await loadQuestion(db, actor, questionId);
  const answer = await findAnswer(db, answerId);
  if (!answer || answer.questionId !== question.id) throw noAnswer();
  const answered = answer.authorId === actor.id || (await hasAnswered(db, question.id, actor.id));
  if (!canSeeAnswer(viewer, questionFacts(question), answer, answered)) throw noAnswer();
  return { question, viewer, answer };
}

/** A comment under a readable answer, if the actor may read its thread; 404 otherwise. */
export async function loadVisibleComment(
  db: Db,
  actor: Actor,
  questionId: string,
  answerId: string,
  commentId: string,
): Promise<{ question: QuestionRecord; viewer: Viewer; answer: AnswerRecord; comment: CommentRecord }> {
  const loaded = await loadVisibleAnswer(db, actor, questionId, answerId);
  const comment = await findComment(db, commentId);
  if (!comment || comment.answerId !== answerId || !canSeeComments(loaded.viewer, loaded.answer)) {
    throw new AppError("not_found", "No such comment.");
  }
  return { ...loaded, comment };
}

/**
 * May this person receive this answer (e.g. as a live event)? The database-backed
 * form of `canSeeAnswer` for a stream that knows only ids: false for an unknown
 * answer, a non-member, or a student held back by the answer-first rule.
 */
export async function answerVisibleTo(db: Db, userId: string, answerId: string): Promise<boolean> {
  const answer = await findAnswer(db, answerId);
  if (!answer) return false;
  const question = await findQuestion(db, answer.questionId);
  if (!question) return false;
  const viewer = await findViewer(db, { id: userId, name: "", email: "" }, question.seminarId);
  if (!viewer) return false;
  const answered = answer.authorId === userId || (await hasAnswered(db, question.id, userId));
  return canSeeAnswer(viewer, questionFacts(question), answer, answered);
}

import "server-only";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { memberRoles } from "@/lib/annotations/repo";
import { prepareBody } from "@/lib/annotations/sanitize";
import { loadQuestion, loadVisibleAnswer, loadVisibleComment } from "@/lib/questions/access";
import { answeringBlocked, canSeeComments } from "@/lib/questions/permissions";
import {
  deleteComment as removeComment,
  findAnswer,
  findAnswerOf,
  findComment,
  insertAnswer,
  insertComment,
  listComments,
  setAnswerExemplary,
  updateAnswerAtRevision,
  updateCommentAtRevision,
  type AnswerRecord,
  type CommentRecord,
  type Db,
  type QuestionRecord,
} from "@/lib/questions/repo";
import type { AnswerView, CommentView, CreateAnswerInput, CreateCommentInput, UpdateAnswerInput, UpdateCommentInput } from "@/lib/questions/schema";
import { answerView, commentView, questionFacts } from "@/lib/questions/view";
import { liveEvents, type LiveEvents } from "@/lib/realtime/emit";
import { answerEvent } from "@/lib/realtime/question-events";
import type { Viewer } from "@/lib/seminars/schema";

/**
 * Answers and their comment threads. Students post one answer per question and edit it
 * while the question is open and before its due date (409 after, with a message the
 * client shows next to the draft it keeps). Instructors mark answers exemplary and
 * comment; an answer's author may comment back. Reading rules: access.ts. Posting and
 * editing an answer publishes a live event (`events`), delivered by the answer-first rule.
 */

/** One answer as this viewer sees it (with its thread when they may read it). */
async function viewOf(db: Db, question: QuestionRecord, answer: AnswerRecord, viewer: Viewer, now: Date): Promise<AnswerView> {
  const comments = canSeeComments(viewer, answer) ? await listComments(db, [answer.id]) : [];
  const roles = await memberRoles(db, question.seminarId, [answer.authorId, ...comments.map((c) => c.authorId)]);
  return answerView(answer, questionFacts(question), comments, roles, viewer, now);
}

/** 409 while the question takes no answers (closed, or past its due date). */
function assertOpen(question: QuestionRecord, now: Date): void {
  const blocked = answeringBlocked(questionFacts(question), now);
  if (blocked) throw new AppError("conflict", blocked);
}

/**
 * Posts the actor's answer (students only: 403 for instructors; 404 for non-members).
 * 409 when the question is closed or past due, or when they have answered already
 * (their answer in `details.current`: edit it instead).
 */
export async function createAnswer(
  db: Db,
  actor: Actor,
  questionId: string,
  input: CreateAnswerInput,
  now: Date = new Date(),
  events: LiveEvents = liveEvents,
): Promise<AnswerView> {
  const { question, viewer } = await loadQuestion(db, actor, questionId);
  if (viewer.role !== "student") throw new AppError("forbidden", "Only students answer questions; instructors comment on answers.");
  assertOpen(question, now);
  const already = async () => {
    const current = await findAnswerOf(db, questionId, actor.id);
    return new AppError("conflict", "You have already answered this question: edit your answer instead.", {
      current: current ? await viewOf(db, question, current, viewer, now) : null,
    });
  };
  if (await findAnswerOf(db, questionId, actor.id)) throw await already();
  const body = prepareBody(input.body);
  let answer: AnswerRecord;
  try {
    answer = await insertAnswer(db, { questionId, authorId: actor.id, ...body });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw await already(); // two tabs posted at once
    throw error;
  }
  await events.emit(db, answerEvent("question.answer.created", actor.id, question, answer));
  return viewOf(db, question, answer, viewer, now);
}

/** One answer; 404 when the actor may not read it (answer-first included). */
export async function getAnswer(db: Db, actor: Actor, questionId: string, answerId: string, now: Date = new Date()): Promise<AnswerView> {
  const { question, viewer, answer } = await loadVisibleAnswer(db, actor, questionId, answerId);
  return viewOf(db, question, answer, viewer, now);
}

/**
 * Edits the actor's own answer while the question is open and before its due date
 * (409 after). A stale `revision` → 409 with the current answer in `details.current`.
 */
export async function updateAnswer(
  db: Db,
  actor: Actor,
  questionId: string,
  answerId: string,
  input: UpdateAnswerInput,
  now: Date = new Date(),
  events: LiveEvents = liveEvents,
): Promise<AnswerView> {
  const { question, viewer, answer } = await loadVisibleAnswer(db, actor, questionId, answerId);
  if (answer.authorId !== actor.id) throw new AppError("forbidden", "Only its author can edit an answer.");
  assertOpen(question, now);
  const stale = async () =>
    new AppError("conflict", "Your answer was changed elsewhere since you started editing.", {
      current: await viewOf(db, question, (await findAnswer(db, answerId))!, viewer, now),
    });
  if (input.revision !== answer.revision) throw await stale();
  const body = prepareBody(input.body);
  if (!(await updateAnswerAtRevision(db, answerId, input.revision, body))) throw await stale();
  await events.emit(db, answerEvent("question.answer.updated", actor.id, question, answer));
  return viewOf(db, question, (await findAnswer(db, answerId))!, viewer, now);
}

/** Marks or unmarks an answer as exemplary (instructors: 403 for students). */
export async function markExemplary(
  db: Db,
  actor: Actor,
  questionId: string,
  answerId: string,
  exemplary: boolean,
  now: Date = new Date(),
): Promise<AnswerView> {
  const { question, viewer } = await loadVisibleAnswer(db, actor, questionId, answerId);
  if (viewer.role !== "instructor") throw new AppError("forbidden", "Only the seminar's instructors mark answers as exemplary.");
  await setAnswerExemplary(db, answerId, exemplary, actor.id);
  return viewOf(db, question, (await findAnswer(db, answerId))!, viewer, now);
}

function commentOf(comment: CommentRecord, roles: Map<string, string>, viewer: Viewer): CommentView {
  return commentView(comment, roles, viewer);
}

/**
 * Comments on an answer: the seminar's instructors, and the answer's author (to reply
 * to feedback). Others who may read the answer get 403. Comments stay possible after
 * the question closes: feedback often comes after the due date.
 */
export async function createComment(
  db: Db,
  actor: Actor,
  questionId: string,
  answerId: string,
  input: CreateCommentInput,
): Promise<CommentView> {
  const { question, viewer, answer } = await loadVisibleAnswer(db, actor, questionId, answerId);
  if (!canSeeComments(viewer, answer)) throw new AppError("forbidden", "Only the seminar's instructors and the answer's author comment on it.");
  const body = prepareBody(input.body);
  const comment = await insertComment(db, { answerId, authorId: actor.id, ...body });
  return commentOf(comment, await memberRoles(db, question.seminarId, [actor.id]), viewer);
}

/** Edits the actor's own comment; a stale `revision` → 409 with the current one. */
export async function updateComment(
  db: Db,
  actor: Actor,
  questionId: string,
  answerId: string,
  commentId: string,
  input: UpdateCommentInput,
): Promise<CommentView> {
  const { question, viewer, comment } = await loadVisibleComment(db, actor, questionId, answerId, commentId);
  if (comment.authorId !== actor.id) throw new AppError("forbidden", "Only its author can edit a comment.");
  const roles = await memberRoles(db, question.seminarId, [comment.authorId]);
  const stale = async () =>
    new AppError("conflict", "This comment was changed since you started editing.", {
      current: commentOf((await findComment(db, commentId))!, roles, viewer),
    });
  if (input.revision !== comment.revision) throw await stale();
  const body = prepareBody(input.body);
  if (!(await updateCommentAtRevision(db, commentId, input.revision, body))) throw await stale();
  return commentOf((await findComment(db, commentId))!, roles, viewer);
}

/** Deletes the actor's own comment. */
export async function deleteComment(db: Db, actor: Actor, questionId: string, answerId: string, commentId: string): Promise<{ id: string; deleted: true }> {
  const { comment } = await loadVisibleComment(db, actor, questionId, answerId, commentId);
  if (comment.authorId !== actor.id) throw new AppError("forbidden", "Only its author can delete a comment.");
  await removeComment(db, commentId);
  return { id: commentId, deleted: true };
}

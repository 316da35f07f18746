import type { BodyInput } from "@/lib/annotations/schema";
import { ApiError, callApi } from "@/lib/http/client";
import type { AnswerView, CommentView, CreateQuestionInput, QuestionDetail, QuestionList, UpdateQuestionInput } from "@/lib/questions/schema";

/**
 * The browser's calls to the guided-questions API, one per route, typed by what the
 * route handlers answer. Errors arrive as `ApiError` with the server's message.
 */

const q = (id: string) => `/api/questions/${encodeURIComponent(id)}`;
const a = (questionId: string, answerId: string) => `${q(questionId)}/answers/${encodeURIComponent(answerId)}`;

export async function createQuestion(seminarId: string, input: CreateQuestionInput): Promise<QuestionDetail> {
  return (await callApi<{ question: QuestionDetail }>("POST", `/api/seminars/${encodeURIComponent(seminarId)}/questions`, input)).question;
}

/** PATCH; a stale `revision` → ApiError 409 whose `details.current` is the question as it is now. */
export async function updateQuestion(id: string, input: UpdateQuestionInput): Promise<QuestionDetail> {
  return (await callApi<{ question: QuestionDetail }>("PATCH", q(id), input)).question;
}

export async function closeQuestion(id: string, closed: boolean): Promise<QuestionDetail> {
  return (await callApi<{ question: QuestionDetail }>("POST", `${q(id)}/close`, { closed })).question;
}

export async function deleteQuestion(id: string): Promise<void> {
  await callApi("DELETE", q(id));
}

export async function reorderQuestions(seminarId: string, ids: string[]): Promise<QuestionList> {
  return callApi<QuestionList>("PUT", `/api/seminars/${encodeURIComponent(seminarId)}/questions/order`, { ids });
}

/** POST; 409 when the question is closed or past due (the draft stays with the caller). */
export async function postAnswer(questionId: string, body: BodyInput): Promise<AnswerView> {
  return (await callApi<{ answer: AnswerView }>("POST", `${q(questionId)}/answers`, { body })).answer;
}

/** PATCH; 409 when closed, past due, or `revision` is stale (then `details.current`). */
export async function updateAnswer(questionId: string, answerId: string, revision: number, body: BodyInput): Promise<AnswerView> {
  return (await callApi<{ answer: AnswerView }>("PATCH", a(questionId, answerId), { revision, body })).answer;
}

export async function markExemplary(questionId: string, answerId: string, exemplary: boolean): Promise<AnswerView> {
  return (await callApi<{ answer: AnswerView }>("POST", `${a(questionId, answerId)}/exemplary`, { exemplary })).answer;
}

export async function postComment(questionId: string, answerId: string, body: BodyInput): Promise<CommentView> {
  return (await callApi<{ comment: CommentView }>("POST", `${a(questionId, answerId)}/comments`, { body })).comment;
}

export async function updateComment(questionId: string, answerId: string, commentId: string, revision: number, body: BodyInput): Promise<CommentView> {
  const url = `${a(questionId, answerId)}/comments/${encodeURIComponent(commentId)}`;
  return (await callApi<{ comment: CommentView }>("PATCH", url, { revision, body })).comment;
}

export async function deleteComment(questionId: string, answerId: string, commentId: string): Promise<void> {
  await callApi("DELETE", `${a(questionId, answerId)}/comments/${encodeURIComponent(commentId)}`);
}

/** The item as it is now, when an edit failed because someone changed it first (409 with details.current). */
export function currentOnConflict<T>(error: unknown): T | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  return ((error.details as { current?: T } | undefined)?.current ?? null) as T | null;
}

/** The message to show for a failed call. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return "Could not reach the server. Check your connection and try again.";
}

import type { AnchorStatus, BodyView } from "@/lib/annotations/schema";
import { quoteOf, parseStoredSelectors } from "@/lib/annotations/selectors";
import { authorView, bodyView } from "@/lib/annotations/view";
import {
  answerPermissions,
  canSeeComments,
  commentPermissions,
  myStatus,
  questionPermissions,
  questionStatus,
  type QuestionFacts,
} from "@/lib/questions/permissions";
import type { AnswerRecord, CommentRecord, PassageRecord, QuestionRecord } from "@/lib/questions/repo";
import type { AnswerView, CommentView, PassageView, QuestionReading, QuestionSummary } from "@/lib/questions/schema";
import type { Viewer } from "@/lib/seminars/schema";

/**
 * Stored rows → the views a viewer receives. Pure: the service loads the rows (and
 * has already decided, with permissions.ts, which answers this viewer may read).
 */


/** The rule-relevant facts of a stored question. */
export function questionFacts(question: Pick<QuestionRecord, "answerFirst" | "dueAt" | "closedAt">): QuestionFacts {
  return { answerFirst: question.answerFirst, dueAt: question.dueAt, closedAt: question.closedAt };
}

/** A stored body that always has HTML (prompts, answers, comments). */
export function requiredBody(row: { bodyJson: string | null; bodyHtml: string; bodyText: string }): BodyView {
  return bodyView(row)!;
}

/** One passage as shown. */
export function passageView(passage: PassageRecord): PassageView {
  const selectors = parseStoredSelectors(passage.selectors);
  return {
    id: passage.id,
    slug: passage.document.slug,
    readingTitle: passage.document.title,
    versionId: passage.versionId,
    selectors,
    anchorStatus: passage.anchorStatus as AnchorStatus,
    quote: quoteOf(selectors),
    position: passage.position,
  };
}

/** The readings a question touches, each once, in the order of its passages. */
export function questionReadings(question: QuestionRecord): QuestionReading[] {
  const seen = new Map<string, QuestionReading>();
  for (const p of question.passages) if (!seen.has(p.document.slug)) seen.set(p.document.slug, { slug: p.document.slug, title: p.document.title });
  return [...seen.values()];
}

/**
 * A question in a list. `answeredCount` must already respect the answer-first rule
 * (null when the viewer may not know it); `mine` is the viewer's own answer, if any.
 */
export function questionSummary(
  question: QuestionRecord,
  viewer: Viewer,
  counts: { rosterSize: number; answeredCount: number | null },
  mine: { createdAt: Date } | null,
  now: Date,
): QuestionSummary {
  const facts = questionFacts(question);
  return {
    id: question.id,
    seminarId: question.seminarId,
    title: question.title,
    position: question.position,
    dueAt: question.dueAt?.toISOString() ?? null,
    closedAt: question.closedAt?.toISOString() ?? null,
    status: questionStatus(facts, now),
    answerFirst: question.answerFirst,
    readings: questionReadings(question),
    passageCount: question.passages.length,
    rosterSize: counts.rosterSize,
    answeredCount: counts.answeredCount,
    myStatus: myStatus(viewer, facts, mine !== null, now),
    myAnsweredAt: viewer.role === "student" && mine ? mine.createdAt.toISOString() : null,
    revision: question.revision,
    permissions: questionPermissions(viewer, facts, now),
  };
}

/** The prompt of a stored question. */
export function promptView(question: QuestionRecord): BodyView {
  return requiredBody({ bodyJson: question.promptJson, bodyHtml: question.promptHtml, bodyText: question.promptText });
}

/** A stored comment as shown to someone who may read the thread. */
export function commentView(comment: CommentRecord, roles: Map<string, string>, viewer: Viewer): CommentView {
  return {
    id: comment.id,
    answerId: comment.answerId,
    author: authorView(comment.author, roles),
    body: requiredBody(comment),
    revision: comment.revision,
    createdAt: comment.createdAt.toISOString(),
    updatedAt: comment.updatedAt.toISOString(),
    permissions: commentPermissions(viewer, comment),
  };
}

/**
 * A stored answer as shown to a viewer the service has let read it, with its comment
 * thread when the viewer may read that (its author and instructors).
 */
export function answerView(
  answer: AnswerRecord,
  question: QuestionFacts,
  comments: CommentRecord[],
  roles: Map<string, string>,
  viewer: Viewer,
  now: Date,
): AnswerView {
  return {
    id: answer.id,
    questionId: answer.questionId,
    author: authorView(answer.author, roles),
    body: requiredBody(answer),
    exemplary: answer.exemplary,
    revision: answer.revision,
    createdAt: answer.createdAt.toISOString(),
    updatedAt: answer.updatedAt.toISOString(),
    permissions: answerPermissions(viewer, question, answer, now),
    comments: canSeeComments(viewer, answer) ? comments.map((c) => commentView(c, roles, viewer)) : null,
  };
}

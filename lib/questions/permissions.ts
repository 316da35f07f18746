import type { MyStatus, QuestionPermissions, QuestionStatus } from "@/lib/questions/schema";
import type { Viewer } from "@/lib/seminars/schema";

/**
 * Who may see and do what with guided questions, as pure rules over a member of the
 * question's seminar (the service first makes sure the actor is one). The answer-first
 * rule lives here, once: every path that returns answers, counts them or exports them
 * asks `canSeeAnswer` / `canSeeOthersAnswers`, and so can a live-event stream.
 */

/** The facts about a question that the rules need. */
export type QuestionFacts = { answerFirst: boolean; dueAt: Date | null; closedAt: Date | null };
/** The facts about an answer that the rules need. */
export type AnswerFacts = { authorId: string };

/** open, overdue (the due date has passed) or closed (an instructor closed it; wins over overdue). */
export function questionStatus(question: QuestionFacts, now: Date = new Date()): QuestionStatus {
  if (question.closedAt) return "closed";
  if (question.dueAt && question.dueAt.getTime() <= now.getTime()) return "overdue";
  return "open";
}

/**
 * May this member read this answer? Instructors always; the author always; another
 * student only when the question is not answer-first, or once they have posted their
 * own answer (`hasAnswered`).
 */
export function canSeeAnswer(viewer: Viewer, question: Pick<QuestionFacts, "answerFirst">, answer: AnswerFacts, hasAnswered: boolean): boolean {
  if (viewer.role === "instructor" || answer.authorId === viewer.userId) return true;
  return !question.answerFirst || hasAnswered;
}

/**
 * May this member learn anything about other people's answers to the question (their
 * text, their number, who answered)? The same rule as `canSeeAnswer` for an answer
 * that is not theirs.
 */
export function canSeeOthersAnswers(viewer: Viewer, question: Pick<QuestionFacts, "answerFirst">, hasAnswered: boolean): boolean {
  return canSeeAnswer(viewer, question, { authorId: "\u0000someone else" }, hasAnswered);
}

/** Why a student cannot post or change an answer now (null: they can). */
export function answeringBlocked(question: QuestionFacts, now: Date = new Date()): string | null {
  const status = questionStatus(question, now);
  if (status === "closed") return "This question is closed: answers can no longer be posted or changed.";
  if (status === "overdue") return "The due date has passed: answers can no longer be posted or changed.";
  return null;
}

/** What a member may do with a question. */
export function questionPermissions(viewer: Viewer, question: QuestionFacts, now: Date = new Date()): QuestionPermissions {
  if (viewer.role === "instructor") return { manage: true, answer: false, answerBlocked: null };
  const blocked = answeringBlocked(question, now);
  return { manage: false, answer: blocked === null, answerBlocked: blocked };
}

/** What a member who can see an answer may do with it. */
export function answerPermissions(viewer: Viewer, question: QuestionFacts, answer: AnswerFacts, now: Date = new Date()) {
  const own = answer.authorId === viewer.userId;
  const instructor = viewer.role === "instructor";
  return {
    edit: own && answeringBlocked(question, now) === null,
    markExemplary: instructor,
    comment: instructor || own,
  };
}

/** May this member read (and write in) an answer's comment thread? Its author and instructors. */
export function canSeeComments(viewer: Viewer, answer: AnswerFacts): boolean {
  return viewer.role === "instructor" || answer.authorId === viewer.userId;
}

/** What a member who can read a comment may do with it: its author edits and deletes it. */
export function commentPermissions(viewer: Viewer, comment: { authorId: string }) {
  const own = comment.authorId === viewer.userId;
  return { edit: own, delete: own };
}

/** Where a student stands with a question; null for instructors (they do not answer). */
export function myStatus(viewer: Viewer, question: QuestionFacts, answered: boolean, now: Date = new Date()): MyStatus | null {
  if (viewer.role !== "student") return null;
  if (answered) return "answered";
  const status = questionStatus(question, now);
  return status === "open" ? "not-yet" : status;
}

/**
 * May this member see a student's page in a seminar (their answers, notes, replies)?
 * Instructors, and the student themself.
 */
export function canSeeStudentPage(viewer: Viewer, studentId: string): boolean {
  return viewer.role === "instructor" || viewer.userId === studentId;
}

import "server-only";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { memberRoles } from "@/lib/annotations/repo";
import { prepareBody } from "@/lib/annotations/sanitize";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/notifications/service";
import { loadManagedQuestion, loadQuestion } from "@/lib/questions/access";
import { resolvePassages } from "@/lib/questions/passages";
import { canSeeAnswer, canSeeComments, canSeeOthersAnswers } from "@/lib/questions/permissions";
import {
  countRoster,
  countRosterAnswers,
  deleteQuestion as removeQuestion,
  findQuestion,
  findSeminarName,
  insertQuestion,
  lastQuestionPosition,
  listAnswers,
  listComments,
  listQuestionIds,
  listAnswerKeysBy,
  listRoster,
  listSeminarQuestions,
  setQuestionClosed,
  setQuestionPositions,
  updateQuestionAtRevision,
  type AnswerRecord,
  type CommentRecord,
  type PassagePlan,
  type QuestionRecord,
} from "@/lib/questions/repo";
import { answeredCounts, rosterEntries, sortAnswers } from "@/lib/questions/roster";
import type {
  AnswerView,
  CreateQuestionInput,
  QuestionDetail,
  QuestionList,
  ReorderQuestionsInput,
  UpdateQuestionInput,
} from "@/lib/questions/schema";
import { answerView, passageView, promptView, questionFacts, questionSummary } from "@/lib/questions/view";
import { liveEvents, type LiveEvents } from "@/lib/realtime/emit";
import { questionEvent } from "@/lib/realtime/question-events";
import { requireInstructor, requireMembership } from "@/lib/seminars/membership";
import type { Viewer } from "@/lib/seminars/schema";

/**
 * Guided questions: every function takes the signed-in actor, checks once what they
 * may do, and returns only what they may see. Answers and comments are in answers.ts,
 * the CSV export in export.ts, the per-student page in activity.ts. Each change
 * publishes a live event (`events`) that the streams of the question's readings hear.
 */

type Db = PrismaClient;

/** The seminar's questions in order, with their status and how many students answered (answer-first respected). */
export async function listQuestions(db: Db, actor: Actor, seminarId: string, now: Date = new Date()): Promise<QuestionList> {
  const viewer = await requireMembership(db, actor, seminarId);
  const [seminar, questions, rosterSize, counts, own] = await Promise.all([
    findSeminarName(db, seminarId),
    listSeminarQuestions(db, seminarId),
    countRoster(db, seminarId),
    countRosterAnswers(db, seminarId),
    listAnswerKeysBy(db, seminarId, actor.id),
  ]);
  if (!seminar) throw new AppError("not_found", "No such seminar.");
  const mine = new Map(own.map((k) => [k.questionId, k]));
  return {
    seminar: { id: seminar.id, name: seminar.name, role: viewer.role },
    rosterSize,
    questions: questions.map((question) => {
      const answer = mine.get(question.id) ?? null;
      // The answer-first rule decides whether the count is shown at all.
      const known = canSeeOthersAnswers(viewer, question, answer !== null);
      return questionSummary(question, viewer, { rosterSize, answeredCount: known ? (counts.get(question.id) ?? 0) : null }, answer, now);
    }),
  };
}

/** One question with what its page shows this viewer; 404 for non-members. */
export async function getQuestion(db: Db, actor: Actor, questionId: string, now: Date = new Date()): Promise<QuestionDetail> {
  const { question, viewer } = await loadQuestion(db, actor, questionId);
  return questionDetail(db, question, viewer, now);
}

/**
 * The answers to one question this viewer may read, their own included: exemplary
 * first. Under answer-first, a student who has not answered gets `[]` and no count.
 */
export async function listQuestionAnswers(
  db: Db,
  actor: Actor,
  questionId: string,
  now: Date = new Date(),
): Promise<{ answers: AnswerView[]; othersHidden: boolean; answeredCount: number | null }> {
  const detail = await getQuestion(db, actor, questionId, now);
  const answers = sortAnswers([...(detail.myAnswer ? [detail.myAnswer] : []), ...detail.answers]);
  return { answers, othersHidden: detail.othersHidden, answeredCount: detail.answeredCount };
}

/** Everything a question's page needs, built for one viewer. */
export async function questionDetail(db: Db, question: QuestionRecord, viewer: Viewer, now: Date): Promise<QuestionDetail> {
  const [roster, all] = await Promise.all([listRoster(db, question.seminarId), listAnswers(db, question.id)]);
  const facts = questionFacts(question);
  const mine = all.find((a) => a.authorId === viewer.userId) ?? null;
  // The one filter every answer passes before it is shown, counted or listed.
  const readable = all.filter((answer) => canSeeAnswer(viewer, facts, answer, mine !== null));
  const othersKnown = canSeeOthersAnswers(viewer, facts, mine !== null);
  const threads = readable.filter((answer) => canSeeComments(viewer, answer)).map((answer) => answer.id);
  const comments = await listComments(db, threads);
  const roles = await memberRoles(db, question.seminarId, [...readable.map((a) => a.authorId), ...comments.map((c) => c.authorId)]);
  const byAnswer = groupComments(comments);
  const view = (answer: AnswerRecord) => answerView(answer, facts, byAnswer.get(answer.id) ?? [], roles, viewer, now);
  const rosterIds = roster.map((s) => s.id);
  const answeredCount = othersKnown ? (answeredCounts(rosterIds, readable).get(question.id) ?? 0) : null;
  return {
    ...questionSummary(question, viewer, { rosterSize: roster.length, answeredCount }, mine, now),
    prompt: promptView(question),
    passages: question.passages.map(passageView),
    myAnswer: mine ? view(mine) : null,
    answers: sortAnswers(readable.filter((a) => a !== mine)).map(view),
    othersHidden: !othersKnown,
    roster: viewer.role === "instructor" ? rosterEntries(roster, readable) : null,
  };
}

function groupComments(comments: CommentRecord[]): Map<string, CommentRecord[]> {
  const groups = new Map<string, CommentRecord[]>();
  for (const comment of comments) groups.set(comment.answerId, [...(groups.get(comment.answerId) ?? []), comment]);
  return groups;
}

/**
 * Tells every other member of the seminar about a new question (kind "question"): every
 * member may read a seminar's questions. Never throws: the question is saved already.
 */
async function notifyMembers(db: Db, actorId: string, question: QuestionRecord, events: LiveEvents): Promise<void> {
  const first = question.passages[0];
  try {
    await notify(
      db,
      {
        kind: "question",
        actorId,
        seminarId: question.seminarId,
        subject: { type: "question", id: question.id },
        recipients: "members",
        readingSlug: first?.document.slug ?? null,
        documentId: first?.documentId ?? null,
        canSee: () => true,
      },
      { bus: events.bus },
    );
  } catch (error) {
    console.error("parallax: a new question was saved but its notifications could not be made", error);
  }
}

/**
 * Creates a question in a seminar (instructors only: 403 for students, 404 for
 * non-members), pinned to passages of the seminar's readings, at the end of the list.
 * Every other member of the seminar is notified.
 */
export async function createQuestion(
  db: Db,
  actor: Actor,
  seminarId: string,
  input: CreateQuestionInput,
  now: Date = new Date(),
  events: LiveEvents = liveEvents,
): Promise<QuestionDetail> {
  const viewer = await requireInstructor(db, actor, seminarId);
  const passages = await resolvePassages(db, seminarId, input.passages);
  const prompt = prepareBody(input.prompt);
  const question = await insertQuestion(
    db,
    {
      seminarId,
      createdById: actor.id,
      title: input.title,
      promptJson: prompt.bodyJson,
      promptHtml: prompt.bodyHtml,
      promptText: prompt.bodyText,
      dueAt: input.dueAt ? new Date(input.dueAt) : null,
      answerFirst: input.answerFirst,
      position: (await lastQuestionPosition(db, seminarId)) + 1,
    },
    passages,
  );
  await events.emit(db, questionEvent("question.created", actor.id, question));
  await notifyMembers(db, actor.id, question, events);
  return questionDetail(db, question, viewer, now);
}

/**
 * Edits a question (instructors). `input.revision` is the one the edit started from;
 * if the question moved on since, 409 with the current question in `details.current`.
 */
export async function updateQuestion(
  db: Db,
  actor: Actor,
  questionId: string,
  input: UpdateQuestionInput,
  now: Date = new Date(),
  events: LiveEvents = liveEvents,
): Promise<QuestionDetail> {
  const { question, viewer } = await loadManagedQuestion(db, actor, questionId);
  const stale = async () =>
    new AppError("conflict", "This question was changed since you started editing.", {
      current: await questionDetail(db, (await findQuestion(db, questionId))!, viewer, now),
    });
  if (input.revision !== question.revision) throw await stale();
  let plan: PassagePlan | undefined;
  if (input.passages) {
    const known = new Set(question.passages.map((p) => p.id));
    const added = input.passages.flatMap((p) => ("slug" in p ? [p] : []));
    const resolved = await resolvePassages(db, question.seminarId, added);
    let next = 0;
    plan = input.passages.map((p) => {
      if ("slug" in p) return { add: resolved[next++] };
      if (!known.has(p.id)) throw new AppError("bad_request", `This question has no passage "${p.id}".`);
      return { keep: p.id };
    });
    if (new Set(plan.flatMap((s) => ("keep" in s ? [s.keep] : []))).size !== plan.filter((s) => "keep" in s).length) {
      throw new AppError("bad_request", "A passage is listed twice.");
    }
  }
  const prompt = input.prompt ? prepareBody(input.prompt) : undefined;
  const saved = await updateQuestionAtRevision(
    db,
    questionId,
    input.revision,
    {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(prompt ? { promptJson: prompt.bodyJson, promptHtml: prompt.bodyHtml, promptText: prompt.bodyText } : {}),
      ...(input.dueAt !== undefined ? { dueAt: input.dueAt ? new Date(input.dueAt) : null } : {}),
      ...(input.answerFirst !== undefined ? { answerFirst: input.answerFirst } : {}),
    },
    plan,
  );
  if (!saved) throw await stale();
  const updated = (await findQuestion(db, questionId))!;
  await events.emit(db, questionEvent("question.updated", actor.id, updated, question));
  return questionDetail(db, updated, viewer, now);
}

/** Closes or reopens a question (instructors). A closed question takes no answers or edits. */
export async function closeQuestion(
  db: Db,
  actor: Actor,
  questionId: string,
  closed: boolean,
  now: Date = new Date(),
  events: LiveEvents = liveEvents,
): Promise<QuestionDetail> {
  const { question, viewer } = await loadManagedQuestion(db, actor, questionId);
  if (closed !== (question.closedAt !== null)) {
    await setQuestionClosed(db, questionId, closed);
    await events.emit(db, questionEvent(closed ? "question.closed" : "question.reopened", actor.id, question));
  }
  return questionDetail(db, (await findQuestion(db, questionId))!, viewer, now);
}

/** Deletes a question with its answers and comments (instructors). */
export async function deleteQuestion(db: Db, actor: Actor, questionId: string, events: LiveEvents = liveEvents): Promise<{ id: string; deleted: true }> {
  const { question } = await loadManagedQuestion(db, actor, questionId);
  await removeQuestion(db, questionId);
  await events.emit(db, questionEvent("question.deleted", actor.id, question));
  return { id: questionId, deleted: true };
}

/** Puts the seminar's questions in a new order (instructors): every question exactly once. */
export async function reorderQuestions(db: Db, actor: Actor, seminarId: string, input: ReorderQuestionsInput, now: Date = new Date()): Promise<QuestionList> {
  await requireInstructor(db, actor, seminarId);
  const current = new Set(await listQuestionIds(db, seminarId));
  if (input.ids.length !== current.size || input.ids.some((id) => !current.has(id))) {
    throw new AppError("bad_request", "Give every question of this seminar exactly once, in the new order.");
  }
  await setQuestionPositions(db, seminarId, input.ids);
  return listQuestions(db, actor, seminarId, now);
}

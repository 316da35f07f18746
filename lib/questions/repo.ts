import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Guided questions: Prisma calls and nothing else. No permission checks here; the
 * service decides who may call what and what of the rows is shown.
 */

/** The Prisma client, or the client of an open interactive transaction. */
export type Db = PrismaClient | Prisma.TransactionClient;

const passageInclude = { document: { select: { slug: true, title: true } } } as const;
const questionInclude = { passages: { include: passageInclude, orderBy: { position: "asc" } } } as const;

/** A stored question with its passages in order (and each passage's reading). */
export type QuestionRecord = Prisma.QuestionGetPayload<{ include: typeof questionInclude }>;
/** A stored passage with its reading's slug and title. */
export type PassageRecord = QuestionRecord["passages"][number];

const authorSelect = { select: { id: true, name: true } } as const;
/** A stored answer with its author's name. */
export type AnswerRecord = Prisma.AnswerGetPayload<{ include: { author: typeof authorSelect } }>;
/** A stored comment with its author's name. */
export type CommentRecord = Prisma.AnswerCommentGetPayload<{ include: { author: typeof authorSelect } }>;
/** What lists and counts need of an answer: no body. */
export type AnswerKey = { id: string; questionId: string; authorId: string; exemplary: boolean; createdAt: Date; updatedAt: Date };

const answerKeySelect = { id: true, questionId: true, authorId: true, exemplary: true, createdAt: true, updatedAt: true } as const;
const questionOrder = [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }] satisfies Prisma.QuestionOrderByWithRelationInput[];

/** One question by id with its passages, or null. */
export function findQuestion(db: Db, id: string): Promise<QuestionRecord | null> {
  return db.question.findUnique({ where: { id }, include: questionInclude });
}

/** Every question of a seminar in its order, with passages. */
export function listSeminarQuestions(db: Db, seminarId: string): Promise<QuestionRecord[]> {
  return db.question.findMany({ where: { seminarId }, include: questionInclude, orderBy: questionOrder });
}

/** The questions of a seminar with at least one passage in this reading, in order, with all their passages. */
export function listQuestionsOnDocument(db: Db, seminarId: string, documentId: string): Promise<QuestionRecord[]> {
  return db.question.findMany({ where: { seminarId, passages: { some: { documentId } } }, include: questionInclude, orderBy: questionOrder });
}

/** A seminar's questions in order: id and title only (the export). */
export function listQuestionTitles(db: Db, seminarId: string): Promise<{ id: string; title: string }[]> {
  return db.question.findMany({ where: { seminarId }, select: { id: true, title: true }, orderBy: questionOrder });
}

/** The ids of a seminar's questions. */
export async function listQuestionIds(db: Db, seminarId: string): Promise<string[]> {
  return (await db.question.findMany({ where: { seminarId }, select: { id: true } })).map((q) => q.id);
}

/** The seminar's students now (name and email), in no particular order. */
export async function listRoster(db: Db, seminarId: string): Promise<{ id: string; name: string; email: string }[]> {
  const rows = await db.membership.findMany({
    where: { seminarId, role: "student" },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((row) => row.user);
}

/** People by id (name and email), for the answers of those who have left. */
export function findPeople(db: Db, ids: string[]): Promise<{ id: string; name: string; email: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true, email: true } });
}

/** A seminar's name, or null. */
export function findSeminarName(db: Db, seminarId: string) {
  return db.seminar.findUnique({ where: { id: seminarId }, select: { id: true, name: true } });
}

/**
 * How many students of the roster (members with the student role now) answered each
 * of the seminar's questions, or of the questions given: counted in the database, so
 * the Questions page does not load thousands of answers to count them.
 */
export async function countRosterAnswers(db: Db, seminarId: string, questionIds?: string[]): Promise<Map<string, number>> {
  const rows = await db.answer.groupBy({
    by: ["questionId"],
    where: {
      ...(questionIds ? { questionId: { in: questionIds } } : { question: { seminarId } }),
      author: { memberships: { some: { seminarId, role: "student" } } },
    },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.questionId, row._count._all]));
}

/** One person's answers to a seminar's questions, without bodies. */
export function listAnswerKeysBy(db: Db, seminarId: string, authorId: string): Promise<AnswerKey[]> {
  return db.answer.findMany({ where: { authorId, question: { seminarId } }, select: answerKeySelect });
}

/** How many students a seminar has now. */
export function countRoster(db: Db, seminarId: string): Promise<number> {
  return db.membership.count({ where: { seminarId, role: "student" } });
}

/** The answers of a seminar's questions with their plain text (the export), in one join. */
export function listSeminarAnswerTexts(db: Db, seminarId: string, questionId?: string) {
  return db.answer.findMany({
    where: questionId ? { questionId, question: { seminarId } } : { question: { seminarId } },
    select: { ...answerKeySelect, bodyText: true },
  });
}

/** One person's answers to these questions (with bodies). */
export function listAnswersBy(db: Db, authorId: string, questionIds: string[]): Promise<AnswerRecord[]> {
  if (questionIds.length === 0) return Promise.resolve([]);
  return db.answer.findMany({ where: { authorId, questionId: { in: questionIds } }, include: { author: authorSelect } });
}

/** Every answer to one question, with bodies. */
export function listAnswers(db: Db, questionId: string): Promise<AnswerRecord[]> {
  return db.answer.findMany({ where: { questionId }, include: { author: authorSelect }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** One answer by id, or null. */
export function findAnswer(db: Db, id: string): Promise<AnswerRecord | null> {
  return db.answer.findUnique({ where: { id }, include: { author: authorSelect } });
}

/** A person's answer to a question, or null. */
export function findAnswerOf(db: Db, questionId: string, authorId: string): Promise<AnswerRecord | null> {
  return db.answer.findUnique({ where: { questionId_authorId: { questionId, authorId } }, include: { author: authorSelect } });
}

/** Whether a person has answered a question. */
export async function hasAnswered(db: Db, questionId: string, authorId: string): Promise<boolean> {
  return (await db.answer.count({ where: { questionId, authorId } })) > 0;
}

type StoredBody = { bodyJson: string | null; bodyHtml: string; bodyText: string };

/** Stores a new answer (P2002 when the person already has one). */
export function insertAnswer(db: Db, data: { questionId: string; authorId: string } & StoredBody): Promise<AnswerRecord> {
  return db.answer.create({ data, include: { author: authorSelect } });
}

/** Replaces an answer's body if it is still at `revision`; false when another edit got there first. */
export async function updateAnswerAtRevision(db: Db, id: string, revision: number, body: StoredBody): Promise<boolean> {
  const result = await db.answer.updateMany({
    where: { id, revision },
    data: { ...body, updatedAt: new Date(), revision: { increment: 1 } },
  });
  return result.count === 1;
}

/** Marks or unmarks an answer as exemplary (its text and `updatedAt` untouched). */
export function setAnswerExemplary(db: Db, id: string, exemplary: boolean, byUserId: string) {
  return db.answer.update({ where: { id }, data: { exemplary, exemplaryById: exemplary ? byUserId : null } });
}

/** The comments under these answers, oldest first. */
export function listComments(db: Db, answerIds: string[]): Promise<CommentRecord[]> {
  if (answerIds.length === 0) return Promise.resolve([]);
  return db.answerComment.findMany({
    where: { answerId: { in: answerIds } },
    include: { author: authorSelect },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** One comment by id, or null. */
export function findComment(db: Db, id: string): Promise<CommentRecord | null> {
  return db.answerComment.findUnique({ where: { id }, include: { author: authorSelect } });
}

/** Stores a new comment. */
export function insertComment(db: Db, data: { answerId: string; authorId: string } & StoredBody): Promise<CommentRecord> {
  return db.answerComment.create({ data, include: { author: authorSelect } });
}

/** Replaces a comment's body if it is still at `revision`. */
export async function updateCommentAtRevision(db: Db, id: string, revision: number, body: StoredBody): Promise<boolean> {
  const result = await db.answerComment.updateMany({ where: { id, revision }, data: { ...body, revision: { increment: 1 } } });
  return result.count === 1;
}

/** Deletes one comment. */
export function deleteComment(db: Db, id: string) {
  return db.answerComment.delete({ where: { id } });
}

/** Readings by slug with their id and title, and whether the seminar reads them. */
export async function findReadings(db: Db, seminarId: string, slugs: string[]) {
  const rows = await db.document.findMany({
    where: { slug: { in: [...new Set(slugs)] } },
    select: { id: true, slug: true, title: true, seminarReadings: { where: { seminarId }, select: { seminarId: true } } },
  });
  return new Map(rows.map((row) => [row.slug, { id: row.id, slug: row.slug, title: row.title, assigned: row.seminarReadings.length > 0 }]));
}

/** Versions by id with their reading and canonical text. */
export async function findVersionTexts(db: Db, versionIds: string[]) {
  const rows = await db.documentVersion.findMany({
    where: { id: { in: [...new Set(versionIds)] } },
    select: { id: true, documentId: true, canonicalText: true },
  });
  return new Map(rows.map((row) => [row.id, row]));
}

/** The last position in a seminar's list of questions (-1 when there are none). */
export async function lastQuestionPosition(db: Db, seminarId: string): Promise<number> {
  const result = await db.question.aggregate({ where: { seminarId }, _max: { position: true } });
  return result._max.position ?? -1;
}

/** A new passage as stored. */
export type PassageData = { documentId: string; versionId: string; selectors: string };

/** Stores a question with its passages (one statement, so all or nothing). */
export function insertQuestion(
  db: Db,
  data: Omit<Prisma.QuestionUncheckedCreateInput, "passages" | "answers">,
  passages: PassageData[],
): Promise<QuestionRecord> {
  return db.question.create({
    data: {
      ...data,
      passages: {
        create: passages.map((p, position) => ({
          documentId: p.documentId,
          versionId: p.versionId,
          originalVersionId: p.versionId,
          selectors: p.selectors,
          originalSelectors: p.selectors,
          anchorStatus: "anchored",
          position,
        })),
      },
    },
    include: questionInclude,
  });
}

/** A passage list after an edit: kept passages by id, new ones by their data, in order. */
export type PassagePlan = ({ keep: string } | { add: PassageData })[];

/**
 * Updates a question if it is still at `revision` (and moves it to the next one),
 * replacing its passages by `plan` when given, all in one transaction. Returns false
 * when someone else's edit got there first (nothing is written then).
 */
export async function updateQuestionAtRevision(
  db: PrismaClient,
  id: string,
  revision: number,
  data: Prisma.QuestionUncheckedUpdateInput,
  plan?: PassagePlan,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const result = await tx.question.updateMany({ where: { id, revision }, data: { ...data, revision: { increment: 1 } } });
    if (result.count !== 1) return false;
    if (!plan) return true;
    const kept = plan.flatMap((step) => ("keep" in step ? [step.keep] : []));
    await tx.questionPassage.deleteMany({ where: { questionId: id, id: { notIn: kept } } });
    for (const [position, step] of plan.entries()) {
      if ("keep" in step) await tx.questionPassage.update({ where: { id: step.keep }, data: { position } });
      else {
        const { documentId, versionId, selectors } = step.add;
        await tx.questionPassage.create({
          data: { questionId: id, documentId, versionId, originalVersionId: versionId, selectors, originalSelectors: selectors, position },
        });
      }
    }
    return true;
  });
}

/** Closes (now) or reopens a question. */
export function setQuestionClosed(db: Db, id: string, closed: boolean) {
  return db.question.update({ where: { id }, data: { closedAt: closed ? new Date() : null } });
}

/** Gives the seminar's questions the positions of `ids`, atomically. */
export function setQuestionPositions(db: PrismaClient, seminarId: string, ids: string[]) {
  return db.$transaction(ids.map((id, position) => db.question.update({ where: { id, seminarId }, data: { position } })));
}

/** Deletes a question with its passages, answers and comments. */
export function deleteQuestion(db: Db, id: string) {
  return db.question.delete({ where: { id } });
}

/** A passage's anchor as re-anchoring reads it. */
export type PassageAnchorRow = { id: string; versionId: string; selectors: string; anchorStatus: string };

/** The question passages of a reading that are not on `versionId`. */
export function listPassagesOffVersion(db: Db, documentId: string, versionId: string): Promise<PassageAnchorRow[]> {
  return db.questionPassage.findMany({
    where: { documentId, versionId: { not: versionId } },
    select: { id: true, versionId: true, selectors: true, anchorStatus: true },
    orderBy: { id: "asc" },
  });
}

/** Moves a passage onto another version, only if it is still on `fromVersionId`. */
export async function movePassageAnchor(
  db: Db,
  id: string,
  fromVersionId: string,
  data: { versionId: string; selectors: string; anchorStatus: string },
): Promise<boolean> {
  const result = await db.questionPassage.updateMany({ where: { id, versionId: fromVersionId }, data });
  return result.count === 1;
}

import "server-only";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { canSeeNote, canSeeReply } from "@/lib/annotations/permissions";
import { memberRoles, visibleNotesWhere } from "@/lib/annotations/repo";
import type { Motivation, Visibility } from "@/lib/annotations/schema";
import { quoteOf, parseStoredSelectors } from "@/lib/annotations/selectors";
import { bodyView } from "@/lib/annotations/view";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canSeeAnswer, canSeeComments, canSeeStudentPage, questionStatus } from "@/lib/questions/permissions";
import { visibleLinksWhere } from "@/lib/links/repo";
import { listLinksByAuthor, listNotesByAuthor, listRepliesByAuthor } from "@/lib/questions/activity-repo";
import {
  findPeople,
  findSeminarName,
  listAnswersBy,
  listComments,
  listSeminarQuestions,
  type CommentRecord,
} from "@/lib/questions/repo";
import type { StudentActivity } from "@/lib/questions/schema";
import { answerView, questionFacts, requiredBody } from "@/lib/questions/view";
import { findMembership } from "@/lib/seminars/repo";
import { requireMembership } from "@/lib/seminars/membership";

/**
 * A student's page in a seminar: for the seminar's instructors and for the student
 * themself (403 for other students, 404 for non-members and for someone who is not a
 * student there). Notes, replies and links follow their own domains' rules, so an
 * instructor never sees a student's private notes or links here either.
 */


export async function getStudentActivity(
  db: PrismaClient,
  actor: Actor,
  seminarId: string,
  studentId: string,
  now: Date = new Date(),
): Promise<StudentActivity> {
  const viewer = await requireMembership(db, actor, seminarId);
  const membership = await findMembership(db, seminarId, studentId);
  if (!membership || membership.role !== "student") throw new AppError("not_found", "No such student in this seminar.");
  if (!canSeeStudentPage(viewer, studentId)) throw new AppError("forbidden", "Only the seminar's instructors and the student themself can see this page.");

  const [seminar, [student], questions, notes, replies, links] = await Promise.all([
    findSeminarName(db, seminarId),
    findPeople(db, [studentId]),
    listSeminarQuestions(db, seminarId),
    listNotesByAuthor(db, studentId, visibleNotesWhere(seminarId, viewer)),
    listRepliesByAuthor(db, seminarId, studentId),
    listLinksByAuthor(db, studentId, visibleLinksWhere(seminarId, viewer)),
  ]);
  if (!seminar) throw new AppError("not_found", "No such seminar.");
  const byQuestion = new Map(questions.map((q) => [q.id, q]));
  const answers = (await listAnswersBy(db, studentId, questions.map((q) => q.id))).filter((answer) =>
    canSeeAnswer(viewer, questionFacts(byQuestion.get(answer.questionId)!), answer, answer.authorId === viewer.userId),
  );
  const comments = await listComments(db, answers.filter((a) => canSeeComments(viewer, a)).map((a) => a.id));
  const roles = await memberRoles(db, seminarId, [studentId, ...comments.map((c) => c.authorId)]);
  const threads = new Map<string, CommentRecord[]>();
  for (const c of comments) threads.set(c.answerId, [...(threads.get(c.answerId) ?? []), c]);
  const answerOf = new Map(answers.map((a) => [a.questionId, a]));

  return {
    seminar: { id: seminar.id, name: seminar.name, role: viewer.role },
    student,
    questions: questions.map((q) => {
      const answer = answerOf.get(q.id);
      const facts = questionFacts(q);
      return {
        question: { id: q.id, title: q.title, status: questionStatus(facts, now), dueAt: q.dueAt?.toISOString() ?? null },
        answer: answer ? answerView(answer, facts, threads.get(answer.id) ?? [], roles, viewer, now) : null,
      };
    }),
    notes: notes.map((note) => ({
      id: note.id,
      readingSlug: note.document.slug,
      readingTitle: note.document.title,
      quote: quoteOf(parseStoredSelectors(note.selectors)),
      motivation: note.motivation as Motivation,
      visibility: note.visibility as Visibility,
      body: bodyView(note),
      createdAt: note.createdAt.toISOString(),
    })),
    replies: replies
      .filter((reply) => {
        const note = { authorId: reply.note.authorId, visibility: reply.note.visibility as Visibility, hidden: reply.note.hidden, deleted: reply.note.deletedAt !== null };
        return canSeeNote(note, viewer) && canSeeReply({ authorId: reply.authorId, hidden: reply.hidden, deleted: false }, viewer);
      })
      .map((reply) => ({
        id: reply.id,
        noteId: reply.noteId,
        readingSlug: reply.note.document.slug,
        readingTitle: reply.note.document.title,
        quote: quoteOf(parseStoredSelectors(reply.note.selectors)),
        body: requiredBody({ bodyJson: reply.bodyJson, bodyHtml: reply.bodyHtml ?? "", bodyText: reply.bodyText ?? "" }),
        createdAt: reply.createdAt.toISOString(),
      })),
    links: links.map((link) => ({
      id: link.id,
      relation: link.relation,
      visibility: link.visibility as Visibility,
      body: bodyView(link),
      createdAt: link.createdAt.toISOString(),
      href: `/compare?seminar=${encodeURIComponent(seminarId)}&link=${encodeURIComponent(link.id)}`,
      ends: link.ends.map((end) => ({ slug: end.document.slug, readingTitle: end.document.title, quote: quoteOf(parseStoredSelectors(end.selectors)) })),
    })),
  };
}

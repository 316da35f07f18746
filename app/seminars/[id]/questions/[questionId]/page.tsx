import "@/app/read/[slug]/notes/notes.css";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { prisma } from "@/lib/db/client";
import { getQuestion } from "@/lib/questions/service";
import type { QuestionDetail } from "@/lib/questions/schema";
import { loadOrNotFound, requireUser } from "../load";
import { LocalTime } from "../local-time";
import { AnsweredCount, DueDate, MyStatusText, StatusBadge, passageHref } from "../question-bits";
import { AnswerCard } from "./answer-card";
import { AnswerForm } from "./answer-form";
import { CommentThread } from "./comment-thread";
import { QuestionAdmin } from "./question-admin";

export const metadata: Metadata = { title: "Question" };

type Props = { params: Promise<{ id: string; questionId: string }> };

/**
 * One question: its prompt and passages (each opening the reader at the passage);
 * for instructors the roster with each answer and its time, who has not answered,
 * exemplary marks and feedback; for a student their answer form and, by the
 * answer-first rule, the others' answers.
 */
export default async function QuestionPage({ params }: Props) {
  await connection();
  const { id, questionId } = await params;
  const user = await requireUser(`/seminars/${id}/questions/${questionId}`);
  const question = await loadOrNotFound(() => getQuestion(prisma, user, questionId));
  if (!question || question.seminarId !== id) notFound();
  const instructor = question.permissions.manage;
  const seminar = encodeURIComponent(id);

  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <p className="text-sm">
        <Link href={`/seminars/${seminar}/questions`} className="text-grey-7 hover:text-grey-9">
          ← Questions
        </Link>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold text-grey-9">{question.title}</h1>
        <StatusBadge status={question.status} />
      </div>
      <p className="mt-1 flex flex-wrap gap-x-4 text-sm text-grey-8">
        <DueDate iso={question.dueAt} />
        <AnsweredCount count={question.answeredCount} roster={question.rosterSize} />
        {question.myStatus && <MyStatusText status={question.myStatus} />}
        {question.answerFirst && <span className="text-grey-7">Students see the others&apos; answers after posting their own.</span>}
      </p>
      {instructor && <QuestionAdmin seminarId={id} questionId={question.id} title={question.title} closed={question.status === "closed"} />}

      <div className="note-body mt-6 rounded-lg border border-grey-3 bg-white p-4 text-grey-9" dangerouslySetInnerHTML={{ __html: question.prompt.html }} />
      <Passages seminarId={id} question={question} />

      {!instructor && <AnswerForm questionId={question.id} answer={question.myAnswer} blocked={question.permissions.answerBlocked} />}
      {!instructor && question.myAnswer?.comments && (
        <CommentThread questionId={question.id} answerId={question.myAnswer.id} comments={question.myAnswer.comments} canComment={question.myAnswer.permissions.comment} />
      )}

      {instructor && question.roster && <Roster seminarId={id} question={question} />}

      <section aria-labelledby="answers-heading" className="mt-8">
        <h2 id="answers-heading" className="text-lg font-medium text-grey-9">
          {instructor ? "Answers" : "Other students' answers"}
        </h2>
        {question.othersHidden ? (
          <p className="mt-2 rounded border border-dashed border-grey-4 bg-white px-4 py-3 text-sm text-grey-7">
            Post your answer to see the others&apos;.
          </p>
        ) : question.answers.length === 0 ? (
          <p className="mt-2 text-sm text-grey-7">No answers yet.</p>
        ) : (
          <div className="mt-3 space-y-3">
            {question.answers.map((answer) => (
              <AnswerCard key={answer.id} seminarId={id} answer={answer} instructor={instructor} />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}

/** The passages, each a quote that opens the reader there; a compare link when they span readings. */
function Passages({ seminarId, question }: { seminarId: string; question: QuestionDetail }) {
  const slugs = question.readings.map((r) => r.slug);
  return (
    <section aria-labelledby="passages-heading" className="mt-6">
      <h2 id="passages-heading" className="text-lg font-medium text-grey-9">
        {question.passages.length === 1 ? "Passage" : "Passages"}
      </h2>
      <ol className="mt-2 space-y-2">
        {question.passages.map((p) => (
          <li key={p.id} className="rounded border border-grey-3 bg-white px-4 py-3">
            <p className="text-xs uppercase tracking-wide text-grey-6">
              {p.readingTitle}
              {p.anchorStatus === "orphaned" ? " · this passage is no longer in the current text" : ""}
            </p>
            <blockquote className="font-reading mt-1 border-l-4 border-grey-4 pl-3 text-grey-8">{p.quote}</blockquote>
            <Link href={passageHref(seminarId, p.slug, p.quote)} className="mt-1 inline-block text-sm text-brand underline">
              Read it in context
            </Link>
          </li>
        ))}
      </ol>
      {slugs.length > 1 && (
        <p className="mt-2 text-sm">
          <Link
            href={`/compare?seminar=${encodeURIComponent(seminarId)}&left=${encodeURIComponent(slugs[0])}&right=${encodeURIComponent(slugs[1])}`}
            className="text-brand underline"
          >
            Compare passages side by side
          </Link>
        </p>
      )}
    </section>
  );
}

/** Instructors: every student with their answer's time, and who has not answered. */
function Roster({ seminarId, question }: { seminarId: string; question: QuestionDetail }) {
  const roster = question.roster ?? [];
  const missing = roster.filter((r) => !r.answerId);
  const exemplary = new Set(question.answers.filter((a) => a.exemplary).map((a) => a.id));
  const student = (userId: string) => `/seminars/${encodeURIComponent(seminarId)}/students/${encodeURIComponent(userId)}`;
  return (
    <section aria-labelledby="roster-heading" className="mt-8">
      <h2 id="roster-heading" className="text-lg font-medium text-grey-9">
        Roster
      </h2>
      {roster.length === 0 ? (
        <p className="mt-2 text-sm text-grey-7">No students in this seminar yet.</p>
      ) : (
        <table className="mt-2 w-full border-collapse rounded border border-grey-3 bg-white text-sm">
          <thead>
            <tr className="border-b border-grey-3 text-left text-grey-7">
              <th scope="col" className="px-3 py-2 font-medium">Student</th>
              <th scope="col" className="px-3 py-2 font-medium">Answered</th>
              <th scope="col" className="px-3 py-2 font-medium">Last changed</th>
              <th scope="col" className="px-3 py-2 font-medium">Answer</th>
            </tr>
          </thead>
          <tbody>
            {roster.map((r) => (
              <tr key={r.userId} className="border-b border-grey-2 last:border-0">
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <Link href={student(r.userId)} className="text-grey-9 underline-offset-2 hover:underline">
                    {r.name}
                  </Link>
                  <span className="block text-xs text-grey-6">{r.email}</span>
                </th>
                <td className="px-3 py-2">{r.answeredAt ? <LocalTime iso={r.answeredAt} /> : <span className="text-red-dark">Not yet</span>}</td>
                <td className="px-3 py-2">{r.updatedAt && r.updatedAt !== r.answeredAt ? <LocalTime iso={r.updatedAt} /> : "—"}</td>
                <td className="px-3 py-2">
                  {r.answerId ? (
                    <a href={`#answer-${r.answerId}`} className="text-brand underline">
                      {exemplary.has(r.answerId) ? "★ Read" : "Read"}
                    </a>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {missing.length > 0 && (
        <p className="mt-2 text-sm text-grey-8">
          <span className="font-medium">Not answered yet ({missing.length}):</span> {missing.map((r) => r.name).join(", ")}
        </p>
      )}
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { prisma } from "@/lib/db/client";
import { listQuestions } from "@/lib/questions/service";
import { AnsweredCount, DueDate, MyStatusText, StatusBadge } from "./question-bits";
import { MoveQuestionButtons } from "./question-order";
import { loadOrNotFound, requireUser } from "./load";

export const metadata: Metadata = { title: "Questions" };

/**
 * A seminar's guided questions: each with its readings, due date, status and how many
 * students answered (hidden from a student under answer-first until they answer).
 * Instructors also get "New question", the order buttons and the CSV export.
 */
export default async function QuestionsPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const user = await requireUser(`/seminars/${id}/questions`);
  const list = await loadOrNotFound(() => listQuestions(prisma, user, id));
  if (!list) notFound();
  const instructor = list.seminar.role === "instructor";
  const base = `/seminars/${encodeURIComponent(id)}`;
  const ids = list.questions.map((q) => q.id);

  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <p className="text-sm">
        <Link href={base} className="text-grey-7 hover:text-grey-9">
          ← {list.seminar.name}
        </Link>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold text-grey-9">Questions</h1>
        {instructor && (
          <span className="ml-auto flex gap-2">
            <Link href={`${base}/questions/new`} className="rounded bg-brand px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-dark">
              New question
            </Link>
            {ids.length > 0 && (
              <a href={`/api/seminars/${encodeURIComponent(id)}/questions/export.csv`} download className="rounded border border-grey-4 bg-white px-3 py-1.5 text-sm text-grey-8 hover:border-grey-6">
                Export answers (CSV)
              </a>
            )}
          </span>
        )}
      </div>
      <p className="mt-1 text-sm text-grey-7">
        {list.rosterSize === 1 ? "1 student" : `${list.rosterSize} students`} in this seminar.
        {instructor ? " Pin a question to passages from the reader: select a passage, then choose “Ask a question”." : ""}
      </p>

      {list.questions.length === 0 ? (
        <p className="mt-8 rounded border border-dashed border-grey-4 bg-white px-4 py-6 text-center text-grey-7">No questions yet.</p>
      ) : (
        <ol className="mt-6 space-y-3" aria-label="Questions">
          {list.questions.map((question, index) => (
            <li key={question.id} className="rounded-lg border border-grey-3 bg-white px-4 py-3">
              <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
                <h2 className="min-w-0 flex-1 font-medium text-grey-9">
                  <Link href={`${base}/questions/${encodeURIComponent(question.id)}`} className="underline-offset-2 hover:underline">
                    {question.title}
                  </Link>
                </h2>
                <StatusBadge status={question.status} />
                {instructor && <MoveQuestionButtons seminarId={id} ids={ids} index={index} title={question.title} />}
              </div>
              <p className="mt-1 text-sm text-grey-7">
                {question.readings.map((r) => r.title).join(" · ")}
                {question.answerFirst ? " · answer first, then see others" : ""}
              </p>
              <p className="mt-1 flex flex-wrap gap-x-4 text-sm text-grey-8">
                <DueDate iso={question.dueAt} />
                <AnsweredCount count={question.answeredCount} roster={question.rosterSize} />
                {question.myStatus && <MyStatusText status={question.myStatus} />}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

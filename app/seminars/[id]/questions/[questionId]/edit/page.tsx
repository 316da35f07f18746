import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { prisma } from "@/lib/db/client";
import { getQuestion } from "@/lib/questions/service";
import { getSeminar } from "@/lib/seminars/service";
import { loadOrNotFound, requireUser } from "../../load";
import { passagesFromUrl } from "../../passages-from-url";
import { QuestionForm } from "../../question-form";

export const metadata: Metadata = { title: "Edit question" };

type Props = { params: Promise<{ id: string; questionId: string }>; searchParams: Promise<{ from?: string | string[] }> };

/** Edits a question (instructors); passages picked in the reader meanwhile arrive in `?from=`. */
export default async function EditQuestionPage({ params, searchParams }: Props) {
  await connection();
  const { id, questionId } = await params;
  const { from } = await searchParams;
  const user = await requireUser(`/seminars/${id}/questions/${questionId}/edit`);
  const question = await loadOrNotFound(() => getQuestion(prisma, user, questionId));
  const seminar = await loadOrNotFound(() => getSeminar(prisma, user, id));
  const page = `/seminars/${encodeURIComponent(id)}/questions/${encodeURIComponent(questionId)}`;
  const readings = (seminar?.readings ?? []).map((r) => ({ slug: r.slug, title: r.title }));
  const { picked, rejected } = passagesFromUrl(from, readings);
  const allowed = question && question.seminarId === id && question.permissions.manage;

  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <p className="text-sm">
        <Link href={page} className="text-grey-7 hover:text-grey-9">
          ← The question
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold text-grey-9">Edit question</h1>
      {allowed ? (
        <QuestionForm
          seminarId={id}
          target={{ questionId, revision: question.revision }}
          readings={readings}
          initial={{
            title: question.title,
            dueAt: question.dueAt,
            answerFirst: question.answerFirst,
            prompt: question.prompt.json ?? question.prompt.html,
            passages: question.passages.map((p) => ({ kind: "kept", key: `id:${p.id}`, id: p.id, slug: p.slug, readingTitle: p.readingTitle, quote: p.quote })),
          }}
          picked={picked}
          rejected={rejected}
        />
      ) : (
        <p className="mt-4 text-grey-7">Only the seminar&apos;s instructors edit questions.</p>
      )}
    </div>
  );
}

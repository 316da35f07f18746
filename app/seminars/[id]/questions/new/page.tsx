import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { prisma } from "@/lib/db/client";
import { getSeminar } from "@/lib/seminars/service";
import { loadOrNotFound, requireUser } from "../load";
import { passagesFromUrl } from "../passages-from-url";
import { QuestionForm } from "../question-form";

export const metadata: Metadata = { title: "New question" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string | string[] }> };

/**
 * Asks a new question. The reader's "Ask a question" arrives here with the passage in
 * `?from=` (base64url JSON `{slug, versionId, selectors}`, repeatable: lib/questions/from-param.ts).
 */
export default async function NewQuestionPage({ params, searchParams }: Props) {
  await connection();
  const { id } = await params;
  const { from } = await searchParams;
  const user = await requireUser(`/seminars/${id}/questions/new`);
  const seminar = await loadOrNotFound(() => getSeminar(prisma, user, id));
  const back = `/seminars/${encodeURIComponent(id)}/questions`;
  const readings = (seminar?.readings ?? []).map((r) => ({ slug: r.slug, title: r.title }));
  const { picked, rejected } = passagesFromUrl(from, readings);

  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <p className="text-sm">
        <Link href={back} className="text-grey-7 hover:text-grey-9">
          ← Questions
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold text-grey-9">New question</h1>
      {seminar?.permissions.manage ? (
        <QuestionForm
          seminarId={id}
          target="new"
          readings={readings}
          initial={{ title: "", dueAt: null, answerFirst: false, prompt: null, passages: [] }}
          picked={picked}
          rejected={rejected}
        />
      ) : (
        <p className="mt-4 text-grey-7">Only the seminar&apos;s instructors ask questions.</p>
      )}
    </div>
  );
}

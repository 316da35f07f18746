import "@/app/read/[slug]/notes/notes.css";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { prisma } from "@/lib/db/client";
import { getStudentActivity } from "@/lib/questions/activity";
import { loadOrNotFound, requireUser } from "../../questions/load";
import { LocalTime } from "../../questions/local-time";
import { StatusBadge, passageHref } from "../../questions/question-bits";

export const metadata: Metadata = { title: "Student" };

type Props = { params: Promise<{ id: string; userId: string }> };

const card = "rounded-lg border border-grey-3 bg-white p-4";

/**
 * One student's work in a seminar, for the instructors and the student themself: their
 * answers to every question (with feedback), their notes and links (an instructor
 * does not see their private ones) and their replies in the seminar's threads.
 */
export default async function StudentPage({ params }: Props) {
  await connection();
  const { id, userId } = await params;
  const user = await requireUser(`/seminars/${id}/students/${userId}`);
  const page = await loadOrNotFound(() => getStudentActivity(prisma, user, id, userId));
  const seminar = `/seminars/${encodeURIComponent(id)}`;
  if (!page) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-2xl font-semibold text-grey-9">Not yours to see</h1>
        <p className="mt-2 text-grey-7">Only the seminar&apos;s instructors and the student themself can see this page.</p>
        <p className="mt-4 text-sm">
          <Link href={seminar} className="text-brand underline">
            Back to the seminar
          </Link>
        </p>
      </div>
    );
  }
  const self = page.student.id === user.id;
  const answered = page.questions.filter((q) => q.answer).length;

  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <p className="text-sm">
        <Link href={seminar} className="text-grey-7 hover:text-grey-9">
          ← {page.seminar.name}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold text-grey-9">{self ? "Your work" : page.student.name}</h1>
      <p className="mt-1 text-sm text-grey-7">
        {page.student.email} · {answered} of {page.questions.length} questions answered · {page.notes.length} notes · {page.replies.length} replies · {page.links.length} links
      </p>

      <section aria-labelledby="answers-heading" className="mt-8">
        <h2 id="answers-heading" className="text-lg font-medium text-grey-9">
          Answers
        </h2>
        {page.questions.length === 0 && <p className="mt-2 text-sm text-grey-7">This seminar has no questions yet.</p>}
        <ol className="mt-2 space-y-3">
          {page.questions.map(({ question, answer }) => (
            <li key={question.id} className={card}>
              <p className="flex flex-wrap items-center gap-2">
                <Link href={`${seminar}/questions/${encodeURIComponent(question.id)}`} className="font-medium text-grey-9 underline-offset-2 hover:underline">
                  {question.title}
                </Link>
                <StatusBadge status={question.status} />
                {answer?.exemplary && <span className="rounded bg-green-light px-1.5 py-0.5 text-xs font-medium text-green-dark">★ Exemplary</span>}
              </p>
              {answer ? (
                <>
                  <p className="mt-1 text-xs text-grey-7">
                    Answered <LocalTime iso={answer.createdAt} />
                    {answer.updatedAt !== answer.createdAt && (
                      <>
                        {" "}
                        · edited <LocalTime iso={answer.updatedAt} />
                      </>
                    )}
                    {answer.comments && answer.comments.length > 0 ? ` · ${answer.comments.length} comment${answer.comments.length === 1 ? "" : "s"}` : ""}
                  </p>
                  <div className="note-body mt-2 text-sm text-grey-9" dangerouslySetInnerHTML={{ __html: answer.body.html }} />
                </>
              ) : (
                <p className="mt-1 text-sm text-grey-7">Not answered.</p>
              )}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="notes-heading" className="mt-8">
        <h2 id="notes-heading" className="text-lg font-medium text-grey-9">
          Notes
        </h2>
        {page.notes.length === 0 && <p className="mt-2 text-sm text-grey-7">No notes{self ? "" : " you can see"}.</p>}
        <ul className="mt-2 space-y-3">
          {page.notes.map((note) => (
            <li key={note.id} className={card}>
              <p className="text-xs uppercase tracking-wide text-grey-6">
                {note.readingTitle} · <LocalTime iso={note.createdAt} />
                {note.visibility === "private" ? " · only you" : ""}
                {note.motivation === "highlighting" ? " · highlight" : ""}
              </p>
              <blockquote className="font-reading mt-1 line-clamp-3 border-l-4 border-yellow pl-2 text-grey-8">
                <Link href={passageHref(id, note.readingSlug, note.quote)} className="hover:underline">
                  {note.quote}
                </Link>
              </blockquote>
              {note.body && <div className="note-body mt-2 text-sm text-grey-9" dangerouslySetInnerHTML={{ __html: note.body.html }} />}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="replies-heading" className="mt-8">
        <h2 id="replies-heading" className="text-lg font-medium text-grey-9">
          Replies
        </h2>
        {page.replies.length === 0 && <p className="mt-2 text-sm text-grey-7">No replies.</p>}
        <ul className="mt-2 space-y-3">
          {page.replies.map((reply) => (
            <li key={reply.id} className={card}>
              <p className="text-xs uppercase tracking-wide text-grey-6">
                {reply.readingTitle} · <LocalTime iso={reply.createdAt} />
              </p>
              <p className="font-reading mt-1 line-clamp-2 text-sm text-grey-7">
                On{" "}
                <Link href={passageHref(id, reply.readingSlug, reply.quote)} className="underline">
                  “{reply.quote}”
                </Link>
              </p>
              <div className="note-body mt-2 text-sm text-grey-9" dangerouslySetInnerHTML={{ __html: reply.body.html }} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="links-heading" className="mt-8">
        <h2 id="links-heading" className="text-lg font-medium text-grey-9">
          Links
        </h2>
        {page.links.length === 0 && <p className="mt-2 text-sm text-grey-7">No links{self ? "" : " you can see"}.</p>}
        <ul className="mt-2 space-y-3">
          {page.links.map((link) => (
            <li key={link.id} className={card}>
              <p className="text-xs uppercase tracking-wide text-grey-6">
                <Link href={link.href} className="hover:underline">
                  {link.relation}
                </Link>{" "}
                · <LocalTime iso={link.createdAt} />
                {link.visibility === "private" ? " · only you" : ""}
              </p>
              <ul className="mt-1 space-y-1">
                {link.ends.map((end, i) => (
                  <li key={i} className="font-reading line-clamp-2 border-l-4 border-grey-4 pl-2 text-sm text-grey-8">
                    <span className="text-xs not-italic text-grey-6">{end.readingTitle}: </span>
                    <Link href={passageHref(id, end.slug, end.quote)} className="hover:underline">
                      {end.quote}
                    </Link>
                  </li>
                ))}
              </ul>
              {link.body && <div className="note-body mt-2 text-sm text-grey-9" dangerouslySetInnerHTML={{ __html: link.body.html }} />}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

import "@/app/read/[slug]/notes/notes.css";
import Link from "next/link";
import type { AnswerView } from "@/lib/questions/schema";
import { LocalTime } from "../local-time";
import { CommentThread } from "./comment-thread";
import { ExemplaryToggle } from "./exemplary-toggle";

/** One answer as the viewer may see it: author, times, body, exemplary mark, feedback thread. */
export function AnswerCard({ seminarId, answer, instructor }: { seminarId: string; answer: AnswerView; instructor: boolean }) {
  const edited = answer.updatedAt !== answer.createdAt;
  return (
    <article id={`answer-${answer.id}`} aria-label={`Answer by ${answer.author.name}`} className={`rounded-lg border bg-white p-4 ${answer.exemplary ? "border-green-dark" : "border-grey-3"}`}>
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        {instructor ? (
          <Link href={`/seminars/${encodeURIComponent(seminarId)}/students/${encodeURIComponent(answer.author.id)}`} className="font-medium text-grey-9 underline-offset-2 hover:underline">
            {answer.author.name}
          </Link>
        ) : (
          <span className="font-medium text-grey-9">{answer.author.name}</span>
        )}
        {answer.author.role === null && <span className="text-xs text-grey-6">(no longer in the seminar)</span>}
        <span className="text-grey-7">
          <LocalTime iso={answer.createdAt} />
          {edited && (
            <>
              {" "}
              · edited <LocalTime iso={answer.updatedAt} />
            </>
          )}
        </span>
        <span className="ml-auto">
          {answer.permissions.markExemplary ? (
            <ExemplaryToggle questionId={answer.questionId} answerId={answer.id} exemplary={answer.exemplary} author={answer.author.name} />
          ) : (
            answer.exemplary && <span className="rounded bg-green-light px-1.5 py-0.5 text-xs font-medium text-green-dark">★ Exemplary</span>
          )}
        </span>
      </header>
      <div className="note-body mt-2 text-grey-9" dangerouslySetInnerHTML={{ __html: answer.body.html }} />
      {answer.comments && <CommentThread questionId={answer.questionId} answerId={answer.id} comments={answer.comments} canComment={answer.permissions.comment} />}
    </article>
  );
}

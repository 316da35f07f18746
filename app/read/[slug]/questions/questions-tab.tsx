"use client";

import "./questions.css";
import Link from "next/link";
import { LocalTime } from "@/app/seminars/[id]/questions/local-time";
import type { ReaderQuestionHere, Span } from "./here";
import { useLiveQuestions } from "./live-questions";
import { useReportTabCount } from "../tab-count";
import { requestReattach } from "../reattach";
import { QuestionStatusPill } from "./question-status";
import { showPassage } from "./show-passage";

export type QuestionsTabProps = {
  /** The seminar's questions touching this reading (loadQuestionsForReader). */
  questions: ReaderQuestionHere[];
  /**
   * "Show in text": what to do with a passage of this reading. Default: scroll the
   * reading to it and tint it for a moment (`showPassage`), so a server page can
   * render the tab without passing a function.
   */
  onShowPassage?: (span: Span, questionId: string) => void;
};

/**
 * The reader's Questions tab: the seminar's questions on this reading, in the
 * seminar's order, each with the viewer's status (answered / not yet / overdue, or
 * the count for instructors), a link to its page, "Show in text" for its passages
 * here and "Compare passages" when it also points into other readings. Questions asked,
 * changed, closed or answered while the page is open update live.
 */
export function QuestionsTab({ questions: initial, onShowPassage = (span) => showPassage(span) }: QuestionsTabProps) {
  const questions = useLiveQuestions(initial);
  useReportTabCount("questions", questions.length);
  return (
    <section aria-labelledby="questions-tab-heading" className="rounded-lg border border-grey-3 bg-white p-4">
      <h2 id="questions-tab-heading" className="font-semibold text-grey-9">
        Questions <span className="font-normal text-grey-6">({questions.length})</span>
      </h2>
      {questions.length === 0 ? (
        <p className="mt-2 text-sm text-grey-7">No questions on this reading.</p>
      ) : (
        <ol className="mt-2 space-y-3">
          {questions.map((question) => {
            const here = Object.entries(question.spans);
            return (
              <li key={question.id} className="border-t border-grey-2 pt-3 first:border-0 first:pt-0">
                <p className="flex items-start gap-2">
                  <span aria-hidden className="mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full bg-slate-7 text-xs font-bold text-white">
                    ?
                  </span>
                  <Link href={question.href} className="min-w-0 flex-1 text-sm font-medium text-grey-9 underline-offset-2 hover:underline">
                    {question.title}
                  </Link>
                </p>
                <p className="mt-1 flex flex-wrap items-center gap-2 pl-7 text-xs text-grey-7">
                  <QuestionStatusPill question={question} />
                  {question.dueAt && (
                    <span>
                      Due <LocalTime iso={question.dueAt} />
                    </span>
                  )}
                </p>
                <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 pl-7 text-xs">
                  {question.permissions.answer && question.myStatus === "not-yet" && (
                    <Link href={question.href} className="font-medium text-brand underline">
                      Answer
                    </Link>
                  )}
                  {here.map(([passageId, span], i) =>
                    span ? (
                      <button key={passageId} type="button" className="text-grey-8 underline" onClick={() => onShowPassage(span, question.id)}>
                        Show in text{here.length > 1 ? ` (${i + 1})` : ""}
                      </button>
                    ) : (
                      <span key={passageId} className="text-grey-6">
                        Passage not found in this version
                        {question.permissions.manage && (
                          <button type="button" className="ml-2 text-brand underline" onClick={() => requestReattach({ kind: "question-passage", id: passageId })}>
                            Re-attach
                          </button>
                        )}
                      </span>
                    ),
                  )}
                  {question.compare.map((other) => (
                    <Link key={other.slug} href={other.href} className="text-grey-8 underline">
                      Compare passages{question.compare.length > 1 ? ` with ${other.title}` : ""}
                    </Link>
                  ))}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

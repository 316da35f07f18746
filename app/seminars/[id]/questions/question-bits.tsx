import type { MyStatus, QuestionStatus } from "@/lib/questions/schema";
import { LocalTime } from "./local-time";

/** Small pieces the questions pages share (server-renderable). */

const statusStyle: Record<QuestionStatus, string> = {
  open: "bg-green-light text-green-dark",
  overdue: "bg-yellow-light text-yellow-dark",
  closed: "bg-grey-2 text-grey-8",
};
const statusText: Record<QuestionStatus, string> = { open: "Open", overdue: "Overdue", closed: "Closed" };

/** open / overdue / closed. */
export function StatusBadge({ status }: { status: QuestionStatus }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${statusStyle[status]}`}>{statusText[status]}</span>;
}

const mineText: Record<MyStatus, string> = { answered: "Answered", "not-yet": "Not answered yet", overdue: "Missed (overdue)", closed: "Missed (closed)" };

/** A student's own standing with a question. */
export function MyStatusText({ status }: { status: MyStatus }) {
  return <span className={status === "answered" ? "text-green-dark" : status === "not-yet" ? "text-grey-8" : "text-red-dark"}>{mineText[status]}</span>;
}

/** "Due March 3, 2025 at 5:00 PM", or "No due date". */
export function DueDate({ iso }: { iso: string | null }) {
  if (!iso) return <span>No due date</span>;
  return (
    <span>
      Due <LocalTime iso={iso} />
    </span>
  );
}

/** "12 of 30 answered", or what a student sees before answering under answer-first. */
export function AnsweredCount({ count, roster }: { count: number | null; roster: number }) {
  if (count === null) return <span className="text-grey-7">Answers hidden until you post yours</span>;
  return (
    <span>
      {count} of {roster} answered
    </span>
  );
}

/** A reader link that opens at a passage, in this seminar. */
export function passageHref(seminarId: string, slug: string, quote: string): string {
  return `/read/${encodeURIComponent(slug)}?seminar=${encodeURIComponent(seminarId)}&quote=${encodeURIComponent(quote.slice(0, 2000))}`;
}

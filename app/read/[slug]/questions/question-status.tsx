import type { ReaderQuestion } from "@/lib/questions/schema";

/** Where the viewer stands with a question, in a few words: a student's status, or "12 of 30 answered". */
export function questionStatusText(question: Pick<ReaderQuestion, "myStatus" | "answeredCount" | "rosterSize" | "status">): string {
  switch (question.myStatus) {
    case "answered":
      return "Answered";
    case "not-yet":
      return "Not answered yet";
    case "overdue":
      return "Overdue";
    case "closed":
      return "Closed";
  }
  const count = question.answeredCount === null ? "" : `${question.answeredCount} of ${question.rosterSize} answered`;
  return question.status === "open" ? count : `${question.status === "closed" ? "Closed" : "Overdue"}${count ? ` · ${count}` : ""}`;
}

const tone: Record<string, string> = {
  answered: "bg-green-light text-green-dark",
  "not-yet": "bg-slate-0 text-slate-7",
  overdue: "bg-red-light text-red-dark",
  closed: "bg-grey-2 text-grey-8",
};

/** The status as a small pill. */
export function QuestionStatusPill({ question }: { question: Pick<ReaderQuestion, "myStatus" | "answeredCount" | "rosterSize" | "status"> }) {
  const key = question.myStatus ?? (question.status === "open" ? "not-yet" : question.status);
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${tone[key]}`}>{questionStatusText(question)}</span>;
}

import { inertCell } from "@/lib/questions/csv";
import type { RosterEntry } from "@/lib/questions/schema";

/**
 * The roster side of guided questions, pure: who is expected to answer, who did,
 * answers in the order they are shown, and the rows of the CSV export.
 */

/** A student of the seminar (or a former one, for their answers). */
export type RosterStudent = { id: string; name: string; email: string };
/** What the roster needs of an answer. */
export type RosterAnswer = {
  id: string;
  questionId: string;
  authorId: string;
  bodyText: string;
  exemplary: boolean;
  createdAt: Date;
  updatedAt: Date;
};

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Students by name (accent- and case-insensitive), then email, so the order is stable. */
export function sortRoster<T extends RosterStudent>(students: T[]): T[] {
  return [...students].sort((a, b) => collator.compare(a.name, b.name) || (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
}

/** Answers as listed: exemplary ones first, then the oldest first (ties by id). */
export function sortAnswers<T extends { id: string; exemplary: boolean; createdAt: Date | string }>(answers: T[]): T[] {
  const time = (value: Date | string) => (typeof value === "string" ? Date.parse(value) : value.getTime());
  return [...answers].sort(
    (a, b) =>
      Number(b.exemplary) - Number(a.exemplary) ||
      time(a.createdAt) - time(b.createdAt) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Every student of the roster, by name, with their answer to one question (or none). */
export function rosterEntries(students: RosterStudent[], answers: Pick<RosterAnswer, "id" | "authorId" | "createdAt" | "updatedAt">[]): RosterEntry[] {
  const byAuthor = new Map(answers.map((answer) => [answer.authorId, answer]));
  return sortRoster(students).map((student) => {
    const answer = byAuthor.get(student.id);
    return {
      userId: student.id,
      name: student.name,
      email: student.email,
      answerId: answer?.id ?? null,
      answeredAt: answer?.createdAt.toISOString() ?? null,
      updatedAt: answer?.updatedAt.toISOString() ?? null,
    };
  });
}

/** How many students of the roster answered each question. */
export function answeredCounts(rosterIds: Iterable<string>, answers: Pick<RosterAnswer, "questionId" | "authorId">[]): Map<string, number> {
  const roster = new Set(rosterIds);
  const counts = new Map<string, number>();
  for (const answer of answers) {
    if (roster.has(answer.authorId)) counts.set(answer.questionId, (counts.get(answer.questionId) ?? 0) + 1);
  }
  return counts;
}

/** The columns of the export, in order. */
export const EXPORT_HEADER = ["Student", "Email", "Question", "Answered", "Answer", "Answered at", "Updated at", "Exemplary"];

/**
 * The export's records: the header, then for every student of the roster (by name)
 * one row per question (in the seminar's order), answered or not; then the answers of
 * people who have left the seminar, so no answer is missing from an export. Text that
 * people typed is made inert for spreadsheets (`inertCell`); times are ISO 8601 UTC.
 */
export function exportRecords(input: {
  roster: RosterStudent[];
  former: RosterStudent[];
  questions: { id: string; title: string }[];
  answers: RosterAnswer[];
}): string[][] {
  const answers = new Map(input.answers.map((answer) => [`${answer.questionId}\u0000${answer.authorId}`, answer]));
  const row = (student: RosterStudent, question: { id: string; title: string }) => {
    const answer = answers.get(`${question.id}\u0000${student.id}`);
    return [
      inertCell(student.name),
      inertCell(student.email),
      inertCell(question.title),
      answer ? "yes" : "no",
      answer ? inertCell(answer.bodyText) : "",
      answer ? answer.createdAt.toISOString() : "",
      answer ? answer.updatedAt.toISOString() : "",
      answer ? (answer.exemplary ? "yes" : "no") : "",
    ];
  };
  const records = [EXPORT_HEADER];
  for (const student of sortRoster(input.roster)) {
    for (const question of input.questions) records.push(row(student, question));
  }
  const rosterIds = new Set(input.roster.map((s) => s.id));
  for (const student of sortRoster(input.former.filter((s) => !rosterIds.has(s.id)))) {
    for (const question of input.questions) {
      if (answers.has(`${question.id}\u0000${student.id}`)) records.push(row(student, question));
    }
  }
  return records;
}

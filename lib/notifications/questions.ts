import "server-only";
import { AppError } from "@/lib/errors";
import { parseStoredSelectors, quoteOf } from "@/lib/annotations/selectors";
import type { SubjectResolver } from "@/lib/notifications/inbox";
import { loadQuestion } from "@/lib/questions/access";
import { questionReadings } from "@/lib/questions/view";

/**
 * New guided questions in the inbox: each is read again through the questions' own
 * gate (`loadQuestion`: every member of the seminar may read its questions, nobody
 * else), so a question deleted since, or a seminar left, drops out of the list.
 */

/**
 * Where a question notification opens: the reader on the question's reading with the
 * question opened (`question=`), the compare view of its first two readings when it
 * points into several, or the question's page when it has no passage left.
 */
export function questionHref(question: { id: string; seminarId: string }, readingSlugs: string[]): string {
  const seminar = encodeURIComponent(question.seminarId);
  const id = encodeURIComponent(question.id);
  const [first, second] = readingSlugs;
  if (first && second) return `/compare?seminar=${seminar}&question=${id}&left=${encodeURIComponent(first)}&right=${encodeURIComponent(second)}`;
  if (first) return `/read/${encodeURIComponent(first)}?seminar=${seminar}&question=${id}`;
  return `/seminars/${seminar}/questions/${id}`;
}

/** The "question" subject: its title, its first passage and where it opens, for members of its seminar only. */
export const questionSubject: SubjectResolver = async (db, recipient, row) => {
  let question;
  try {
    ({ question } = await loadQuestion(db, recipient, row.subjectId));
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
  if (question.seminarId !== row.seminarId) return null;
  const slugs = questionReadings(question).map((reading) => reading.slug);
  const first = question.passages[0];
  return {
    excerpt: question.title,
    quote: first ? quoteOf(parseStoredSelectors(first.selectors)) || null : null,
    href: questionHref(question, slugs),
    readingSlug: slugs[0] ?? null,
  };
};

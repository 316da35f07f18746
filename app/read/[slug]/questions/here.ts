import { spanInVersion } from "@/lib/annotations/selectors";
import type { ReaderQuestion } from "@/lib/questions/schema";
import type { ReadingHere, Span } from "../live/reading-here";

export type { Span };

/** A question as the reader's tab and markers use it. */
export type ReaderQuestionHere = ReaderQuestion & {
  /** The question's page (answer, see answers). */
  href: string;
  /** Passage id → where it is in the version shown (null: not found); passages of this reading only. */
  spans: Record<string, Span | null>;
  /** For a question that also points into other readings: one compare link per other reading. */
  compare: { slug: string; title: string; href: string }[];
};

/**
 * One question placed in the reading shown: its passages here by position when they
 * are on the version rendered, else found with `reading.locate`; the link to its page;
 * compare links to its other readings. Pure: the server page and the live refetch in
 * the browser use the same code.
 */
export function questionHere(question: ReaderQuestion, reading: ReadingHere, seminarId: string): ReaderQuestionHere {
  const spans: Record<string, Span | null> = {};
  for (const passage of question.passages) {
    if (passage.slug === reading.slug) spans[passage.id] = spanInVersion(passage, reading.versionId, reading.locate);
  }
  const seminar = encodeURIComponent(seminarId);
  const others = question.readings.filter((r) => r.slug !== reading.slug);
  return {
    ...question,
    href: `/seminars/${seminar}/questions/${encodeURIComponent(question.id)}`,
    spans,
    compare: others.map((other) => ({
      slug: other.slug,
      title: other.title,
      href: `/compare?seminar=${seminar}&question=${encodeURIComponent(question.id)}&left=${encodeURIComponent(reading.slug)}&right=${encodeURIComponent(other.slug)}`,
    })),
  };
}

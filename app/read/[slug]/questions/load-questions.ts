import "server-only";
import { anchor } from "@/lib/anchoring";
import type { Actor } from "@/lib/auth/actor";
import { spanInVersion } from "@/lib/annotations/selectors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { listQuestionsForReading } from "@/lib/questions/reader";
import type { ReaderQuestion } from "@/lib/questions/schema";

/** A span of the canonical text shown. */
export type Span = { start: number; end: number };

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
 * The seminar's questions touching this reading, for the reader: each with its
 * passages placed in the version shown (by position when a passage is on it, else by
 * `anchor()`, like the notes in load-annotations.ts), the link to its page and,
 * when it spans several readings, compare links.
 */
export async function loadQuestionsForReader(
  db: PrismaClient,
  actor: Actor,
  slug: string,
  seminarId: string,
  reading: { versionId: string; text: string },
): Promise<ReaderQuestionHere[]> {
  const questions = await listQuestionsForReading(db, actor, seminarId, slug);
  const locate = (selectors: Parameters<typeof anchor>[1]) => {
    const found = anchor(reading.text, selectors);
    return found && { start: found.start, end: found.end };
  };
  const seminar = encodeURIComponent(seminarId);
  return questions.map((question) => {
    const spans: Record<string, Span | null> = {};
    for (const passage of question.passages) {
      if (passage.slug === slug) spans[passage.id] = spanInVersion(passage, reading.versionId, locate);
    }
    const others = question.readings.filter((r) => r.slug !== slug);
    return {
      ...question,
      href: `/seminars/${seminar}/questions/${encodeURIComponent(question.id)}`,
      spans,
      compare: others.map((other) => ({
        slug: other.slug,
        title: other.title,
        href: `/compare?seminar=${seminar}&question=${encodeURIComponent(question.id)}&left=${encodeURIComponent(slug)}&right=${encodeURIComponent(other.slug)}`,
      })),
    };
  });
}

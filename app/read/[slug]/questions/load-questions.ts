import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { listQuestionsForReading } from "@/lib/questions/reader";
import { locateIn } from "../live/reading-here";
import { questionHere, type ReaderQuestionHere, type Span } from "./here";

export type { ReaderQuestionHere, Span };

/**
 * The seminar's questions touching this reading, for the reader: each with its
 * passages placed in the version shown (by position when a passage is on it, else by
 * `locateIn()`, like the notes in load-annotations.ts), the link to its page and,
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
  const locate = locateIn(() => reading.text);
  return questions.map((question) => questionHere(question, { slug, versionId: reading.versionId, locate }, seminarId));
}

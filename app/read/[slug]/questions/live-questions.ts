"use client";

import { useEffect } from "react";
import { callApi } from "@/lib/http/client";
import type { QuestionDetail, QuestionList, ReaderQuestion } from "@/lib/questions/schema";
import { QUESTIONS_CHANGED, type ReaderChange } from "../live/reader-events";
import { readingShown } from "../live/reading-shown";
import { createRefetcher, useRefetched } from "../live/refetch";
import { questionHere, type ReaderQuestionHere } from "./here";

/** What a question's list entry lacks for the reader: its prompt and passages, which change only with its revision. */
type Content = Pick<ReaderQuestion, "prompt" | "passages">;
const contents = new Map<string, Content>();
const contentKey = (question: { id: string; revision: number }) => `${question.id}:${question.revision}`;

/** Keeps the content of questions already shown, so a refetch asks only for new or edited ones. */
function remember(questions: { id: string; revision: number; prompt: Content["prompt"]; passages: Content["passages"] }[]): void {
  for (const question of questions) contents.set(contentKey(question), { prompt: question.prompt, passages: question.passages });
}

/** One question's prompt and passages (GET /api/questions/[id]). */
async function contentOf(id: string): Promise<Content> {
  const { question } = await callApi<{ question: QuestionDetail }>("GET", `/api/questions/${encodeURIComponent(id)}`);
  remember([question]);
  return { prompt: question.prompt, passages: question.passages };
}

/**
 * The reading's questions again: the seminar's list (status, counts, the viewer's own
 * standing, under the answer-first rule as everywhere), those touching this reading,
 * with the prompt and passages of any question new or edited since last seen.
 */
async function loadQuestions({ slug, seminarId }: ReaderChange): Promise<ReaderQuestionHere[]> {
  const reading = readingShown(slug);
  if (!reading) throw new Error("This page does not show that reading.");
  const list = await callApi<QuestionList>("GET", `/api/seminars/${encodeURIComponent(seminarId)}/questions`);
  const here = list.questions.filter((question) => question.readings.some((r) => r.slug === slug));
  const placed = await Promise.all(
    here.map(async (summary) => {
      const content = contents.get(contentKey(summary)) ?? (await contentOf(summary.id));
      return questionHere({ ...summary, prompt: content.prompt, passages: content.passages }, reading, seminarId);
    }),
  );
  return placed.filter((question) => Object.keys(question.spans).length > 0); // a passage left this reading meanwhile
}

const questions = createRefetcher(QUESTIONS_CHANGED, loadQuestions);

/**
 * The questions the reader shows: those the page was rendered with, then, after each
 * live change to a question (or an answer) touching the reading, the list fetched again
 * (one request for the markers and the Questions tab together).
 */
export function useLiveQuestions(initial: ReaderQuestionHere[]): ReaderQuestionHere[] {
  useEffect(() => remember(initial), [initial]);
  return useRefetched(initial, questions);
}

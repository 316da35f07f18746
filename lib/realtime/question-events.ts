import type { AnswerRecord, QuestionRecord } from "@/lib/questions/repo";
import type { EventInput, QuestionEventType } from "@/lib/realtime/events";

/**
 * Events about guided questions and their answers. A question points at passages in
 * one or more readings: the event names every one of them (before and after an edit),
 * so each reading's stream hears of it.
 */

/** An event about a question; `earlier` is the question before an edit, when its passages may have moved. */
export function questionEvent(type: QuestionEventType, actorId: string, question: QuestionRecord, earlier?: QuestionRecord): EventInput {
  const passages = [...question.passages, ...(earlier?.passages ?? [])];
  const documentIds = [...new Set(passages.map((passage) => passage.documentId))];
  return {
    type,
    seminarId: question.seminarId,
    documentId: documentIds[0] ?? null,
    documentIds,
    readingSlug: passages[0]?.document.slug ?? null,
    itemId: question.id,
    questionId: question.id,
    actorId,
  };
}

/** An event about an answer to `question`. */
export function answerEvent(type: QuestionEventType, actorId: string, question: QuestionRecord, answer: Pick<AnswerRecord, "id">): EventInput {
  return { ...questionEvent(type, actorId, question), itemId: answer.id };
}

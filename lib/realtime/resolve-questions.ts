import "server-only";
import { canSeeAnswer } from "@/lib/questions/permissions";
import { findAnswer, findQuestion } from "@/lib/questions/repo";
import { questionFacts } from "@/lib/questions/view";
import { answerAuthors } from "@/lib/realtime/repo";
import { memberViewer, REVOKED, send, SKIP, type EventResolver, type ResolverContext } from "@/lib/realtime/resolver";
import type { Viewer } from "@/lib/seminars/schema";

/**
 * Question events as one subscriber may see them. Every member of a seminar sees its
 * questions (as `getQuestion` lets every member read one), so question changes reach
 * every member, carrying only the question's id and title. An answer reaches only those
 * `canSeeAnswer` lets read it: instructors, its author, and other students unless the
 * question is answer-first and they have not answered yet. The reader refetches what
 * it shows; nothing of an answer's content is sent.
 */

const answerEvent = (type: string) => type.startsWith("question.answer.");

/** The event's question (null: deleted), once per event. */
function loadQuestion({ db, event, loads }: ResolverContext) {
  return loads.memo(event, "question", () => findQuestion(db, event.questionId ?? event.itemId));
}

/** May this subscriber read the event's answer now? The answer-first rule, with the loads shared per event. */
async function mayReadAnswer(context: ResolverContext, viewer: Viewer): Promise<boolean> {
  const { db, event, loads } = context;
  const [question, answer] = await Promise.all([loadQuestion(context), loads.memo(event, "answer", () => findAnswer(db, event.itemId))]);
  if (!question || !answer || answer.questionId !== question.id) return false;
  const answered = answer.authorId === viewer.userId || (await loads.memo(event, "answerers", () => answerAuthors(db, question.id))).has(viewer.userId);
  return canSeeAnswer(viewer, questionFacts(question), answer, answered);
}

/** Question and answer events: the question's id and title for every member; answers under the answer-first rule. */
export const resolveQuestionEvent: EventResolver = async (context) => {
  const { event, subscriber } = context;
  const viewer = await memberViewer(context);
  if (!viewer) return REVOKED;
  const questionId = event.questionId ?? event.itemId;
  const mine = event.actorId === subscriber.actor.id;
  if (answerEvent(event.type)) {
    return (await mayReadAnswer(context, viewer)) ? send(event.type, { questionId, answerId: event.itemId, mine }) : SKIP;
  }
  const question = await loadQuestion(context);
  if (!question && event.type !== "question.deleted") return SKIP; // deleted since: its own event follows
  return send(event.type, { questionId, title: question?.title ?? null, mine });
};

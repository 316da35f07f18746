// GET /api/questions/[id] – one question with the answers I may read (and the roster, for instructors)
// PATCH /api/questions/[id] – edit a question (instructors; 409 with the current one when `revision` is stale)
// DELETE /api/questions/[id] – delete a question with its answers (instructors)
import { route } from "@/lib/http/route";
import { updateQuestionInput } from "@/lib/questions/schema";
import { deleteQuestion, getQuestion, updateQuestion } from "@/lib/questions/service";

export const GET = route<{ id: string }>(async ({ db, actor, params }) => ({ question: await getQuestion(db, await actor(), params.id) }));

export const PATCH = route<{ id: string }>(async ({ db, actor, params, body }) => {
  const user = await actor();
  return { question: await updateQuestion(db, user, params.id, await body(updateQuestionInput)) };
});

export const DELETE = route<{ id: string }>(async ({ db, actor, params }) => deleteQuestion(db, await actor(), params.id));

// GET /api/questions/[id]/answers/[answerId] – one answer (404 when I may not read it yet)
// PATCH /api/questions/[id]/answers/[answerId] – edit my answer while the question is open (409 after, or when `revision` is stale)
import { route } from "@/lib/http/route";
import { updateAnswerInput } from "@/lib/questions/schema";
import { getAnswer, updateAnswer } from "@/lib/questions/answers";

type Params = { id: string; answerId: string };

export const GET = route<Params>(async ({ db, actor, params }) => ({ answer: await getAnswer(db, await actor(), params.id, params.answerId) }));

export const PATCH = route<Params>(async ({ db, actor, params, body }) => {
  const user = await actor();
  return { answer: await updateAnswer(db, user, params.id, params.answerId, await body(updateAnswerInput)) };
});

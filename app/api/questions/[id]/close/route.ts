// POST /api/questions/[id]/close – close ({"closed":true}) or reopen a question (instructors)
import { route } from "@/lib/http/route";
import { closeQuestionInput } from "@/lib/questions/schema";
import { closeQuestion } from "@/lib/questions/service";

export const POST = route<{ id: string }>(async ({ db, actor, params, body }) => {
  const user = await actor();
  const { closed } = await body(closeQuestionInput);
  return { question: await closeQuestion(db, user, params.id, closed) };
});

// PUT /api/seminars/[id]/questions/order – put the seminar's questions in a new order (instructors)
import { route } from "@/lib/http/route";
import { reorderQuestionsInput } from "@/lib/questions/schema";
import { reorderQuestions } from "@/lib/questions/service";

export const PUT = route<{ id: string }>(async ({ db, actor, params, body }) => {
  const user = await actor();
  return reorderQuestions(db, user, params.id, await body(reorderQuestionsInput));
});

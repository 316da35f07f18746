// POST /api/questions/[id]/answers/[answerId]/exemplary – mark ({"exemplary":true}) or unmark an answer (instructors)
import { route } from "@/lib/http/route";
import { exemplaryInput } from "@/lib/questions/schema";
import { markExemplary } from "@/lib/questions/answers";

export const POST = route<{ id: string; answerId: string }>(async ({ db, actor, params, body }) => {
  const user = await actor();
  const { exemplary } = await body(exemplaryInput);
  return { answer: await markExemplary(db, user, params.id, params.answerId, exemplary) };
});

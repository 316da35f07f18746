// POST /api/questions/[id]/answers/[answerId]/comments – comment on an answer (instructors, and the answer's author)
import { route } from "@/lib/http/route";
import { createCommentInput } from "@/lib/questions/schema";
import { createComment } from "@/lib/questions/answers";

export const POST = route<{ id: string; answerId: string }>(
  async ({ db, actor, params, body }) => {
    const user = await actor();
    return { comment: await createComment(db, user, params.id, params.answerId, await body(createCommentInput)) };
  },
  { status: 201 },
);

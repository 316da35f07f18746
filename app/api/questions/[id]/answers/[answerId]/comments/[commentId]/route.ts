// PATCH /api/questions/[id]/answers/[answerId]/comments/[commentId] – edit my comment (409 when `revision` is stale)
// DELETE /api/questions/[id]/answers/[answerId]/comments/[commentId] – delete my comment
import { route } from "@/lib/http/route";
import { updateCommentInput } from "@/lib/questions/schema";
import { deleteComment, updateComment } from "@/lib/questions/answers";

type Params = { id: string; answerId: string; commentId: string };

export const PATCH = route<Params>(async ({ db, actor, params, body }) => {
  const user = await actor();
  return { comment: await updateComment(db, user, params.id, params.answerId, params.commentId, await body(updateCommentInput)) };
});

export const DELETE = route<Params>(async ({ db, actor, params }) => deleteComment(db, await actor(), params.id, params.answerId, params.commentId));

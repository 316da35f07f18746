// PATCH /api/replies/[id] – edit my reply (409 with the current reply when `revision` is stale)
// DELETE /api/replies/[id] – delete my reply (a placeholder stays while replies hang below it)
import { route } from "@/lib/http/route";
import { updateReplyInput } from "@/lib/annotations/schema";
import { deleteReply, updateReply } from "@/lib/annotations/replies";

export const PATCH = route<{ id: string }>(async ({ db, actor, params, body }) => {
  const user = await actor();
  return { reply: await updateReply(db, user, params.id, await body(updateReplyInput)) };
});

export const DELETE = route<{ id: string }>(async ({ db, actor, params }) => deleteReply(db, await actor(), params.id));

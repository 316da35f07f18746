// PATCH /api/links/[id]/replies/[replyId] – edit my reply (409 with the current reply when `revision` is stale)
// DELETE /api/links/[id]/replies/[replyId] – delete my reply (a placeholder stays while replies hang below it)
import { route } from "@/lib/http/route";
import { updateReplyInput } from "@/lib/annotations/schema";
import { deleteLinkReplyOf, updateLinkReply } from "@/lib/links/replies";

type Params = { id: string; replyId: string };

export const PATCH = route<Params>(async ({ db, actor, params, body }) => {
  const user = await actor();
  return { reply: await updateLinkReply(db, user, params.id, params.replyId, await body(updateReplyInput)) };
});

export const DELETE = route<Params>(async ({ db, actor, params }) => deleteLinkReplyOf(db, await actor(), params.id, params.replyId));

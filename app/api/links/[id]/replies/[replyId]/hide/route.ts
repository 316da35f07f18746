// POST /api/links/[id]/replies/[replyId]/hide – hide or unhide a reply, body {"hidden": boolean} (instructors)
import { route } from "@/lib/http/route";
import { hideInput } from "@/lib/annotations/schema";
import { setLinkReplyHidden } from "@/lib/links/replies";

export const POST = route<{ id: string; replyId: string }>(async ({ db, actor, params, body }) => {
  const user = await actor();
  return { reply: await setLinkReplyHidden(db, user, params.id, params.replyId, (await body(hideInput)).hidden) };
});

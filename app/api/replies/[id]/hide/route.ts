// POST /api/replies/[id]/hide – hide or unhide a reply, body {"hidden": boolean} (instructors)
import { route } from "@/lib/http/route";
import { hideInput } from "@/lib/annotations/schema";
import { setReplyHidden } from "@/lib/annotations/replies";

export const POST = route<{ id: string }>(async ({ db, actor, params, body }) => {
  const user = await actor();
  return { reply: await setReplyHidden(db, user, params.id, (await body(hideInput)).hidden) };
});

// POST /api/links/[id]/hide – hide or unhide a seminar link, body {"hidden": boolean} (instructors)
import { route } from "@/lib/http/route";
import { hideInput } from "@/lib/annotations/schema";
import { setLinkHidden } from "@/lib/links/service";

export const POST = route<{ id: string }>(async ({ db, actor, params, body }) => {
  const user = await actor();
  return { link: await setLinkHidden(db, user, params.id, (await body(hideInput)).hidden) };
});

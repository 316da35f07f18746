// POST /api/links/[id]/replies – reply to a link, or to a reply in its thread (`parentId`)
import { route } from "@/lib/http/route";
import { createReplyInput } from "@/lib/annotations/schema";
import { createLinkReply } from "@/lib/links/replies";

export const POST = route<{ id: string }>(
  async ({ db, actor, params, body }) => {
    const user = await actor();
    return { reply: await createLinkReply(db, user, params.id, await body(createReplyInput)) };
  },
  { status: 201 },
);

// POST /api/notes/[id]/replies – reply to a note, or to a reply in its thread (`parentId`)
import { route } from "@/lib/http/route";
import { createReplyInput } from "@/lib/annotations/schema";
import { createReply } from "@/lib/annotations/replies";

export const POST = route<{ id: string }>(
  async ({ db, actor, params, body }) => {
    const user = await actor();
    return { reply: await createReply(db, user, params.id, await body(createReplyInput)) };
  },
  { status: 201 },
);

// DELETE /api/seminars/[id]/members/[userId] – remove a member (instructors) or leave (oneself)
import { route } from "@/lib/http/route";
import { removeMember } from "@/lib/seminars/service";

export const DELETE = route<{ id: string; userId: string }>(async ({ db, actor, params }) =>
  removeMember(db, await actor(), params.id, params.userId),
);

// POST /api/seminars/[id]/code – regenerate the join code (instructors)
import { route } from "@/lib/http/route";
import { regenerateJoinCode } from "@/lib/seminars/service";

export const POST = route<{ id: string }>(async ({ db, actor, params }) => regenerateJoinCode(db, await actor(), params.id));

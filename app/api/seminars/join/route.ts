// POST /api/seminars/join – join a seminar as a student with its code
import { route } from "@/lib/http/route";
import { joinSeminarInput } from "@/lib/seminars/schema";
import { joinSeminar } from "@/lib/seminars/service";

export const POST = route(async ({ db, actor, body }) => joinSeminar(db, await actor(), await body(joinSeminarInput)));

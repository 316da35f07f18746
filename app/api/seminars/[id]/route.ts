// GET /api/seminars/[id] – one seminar: members, readings, and the code for instructors
import { route } from "@/lib/http/route";
import { getSeminar } from "@/lib/seminars/service";

export const GET = route<{ id: string }>(async ({ db, actor, params }) => ({
  seminar: await getSeminar(db, await actor(), params.id),
}));

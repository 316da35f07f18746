// PUT /api/seminars/[id]/readings – set the seminar's readings, in order (instructors)
import { route } from "@/lib/http/route";
import { setReadingsInput } from "@/lib/seminars/schema";
import { setSeminarReadings } from "@/lib/seminars/service";

export const PUT = route<{ id: string }>(async ({ db, actor, params, body }) => ({
  seminar: await setSeminarReadings(db, await actor(), params.id, await body(setReadingsInput)),
}));

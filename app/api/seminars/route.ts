// GET /api/seminars – my seminars with my role in each
// POST /api/seminars – create a seminar (the creator becomes its instructor)
import { route } from "@/lib/http/route";
import { createSeminarInput } from "@/lib/seminars/schema";
import { createSeminar, listMySeminars } from "@/lib/seminars/service";

export const GET = route(async ({ db, actor }) => ({ seminars: await listMySeminars(db, await actor()) }));

export const POST = route(
  async ({ db, actor, body }) => ({ seminar: await createSeminar(db, await actor(), await body(createSeminarInput)) }),
  { status: 201 },
);

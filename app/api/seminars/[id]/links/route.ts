// GET /api/seminars/[id]/links – the seminar's map: its readings and every link I may see
// POST /api/seminars/[id]/links – link two passages in that seminar
import { route } from "@/lib/http/route";
import { createLinkInput } from "@/lib/links/schema";
import { createLink, listSeminarLinks } from "@/lib/links/service";

export const GET = route<{ id: string }>(async ({ db, actor, params }) => listSeminarLinks(db, await actor(), params.id));

export const POST = route<{ id: string }>(
  async ({ db, actor, params, body }) => {
    const user = await actor();
    return { link: await createLink(db, user, params.id, await body(createLinkInput)) };
  },
  { status: 201 },
);

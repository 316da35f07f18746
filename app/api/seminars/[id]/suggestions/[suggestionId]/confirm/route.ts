// POST /api/seminars/[id]/suggestions/[suggestionId]/confirm – make the suggestion a seminar link, "parallel" (instructors)
import { route } from "@/lib/http/route";
import { confirmSuggestion } from "@/lib/links/decisions";

export const POST = route<{ id: string; suggestionId: string }>(
  async ({ db, actor, params }) => ({ link: await confirmSuggestion(db, await actor(), params.id, params.suggestionId) }),
  { status: 201 },
);

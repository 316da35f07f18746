// POST /api/seminars/[id]/suggestions/[suggestionId]/dismiss – dismiss the suggestion in this seminar, for good (instructors)
import { route } from "@/lib/http/route";
import { dismissSuggestion } from "@/lib/links/decisions";

export const POST = route<{ id: string; suggestionId: string }>(async ({ db, actor, params }) =>
  dismissSuggestion(db, await actor(), params.id, params.suggestionId),
);

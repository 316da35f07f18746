// GET /api/seminars/[id]/suggestions[?reading=slug] – suggested parallels waiting for a decision (instructors)
import { route } from "@/lib/http/route";
import { suggestionsQuery } from "@/lib/links/schema";
import { listPendingSuggestions } from "@/lib/links/decisions";

export const GET = route<{ id: string }>(async ({ db, actor, params, query }) => {
  const user = await actor();
  return listPendingSuggestions(db, user, params.id, query(suggestionsQuery).reading);
});

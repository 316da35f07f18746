// PUT /api/anchors/[kind]/[id] – re-attach an orphaned note, link end or question passage
// (kind: note | link-end | question-passage) to a passage of the reading's current text
import { route } from "@/lib/http/route";
import { reattachInput, reattachItem } from "@/lib/revisions/reattach";

export const PUT = route<{ kind: string; id: string }>(async ({ db, actor, params, body }) => {
  const user = await actor();
  return reattachItem(db, user, params.kind, params.id, await body(reattachInput));
});

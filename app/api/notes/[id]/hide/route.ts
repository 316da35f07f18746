// POST /api/notes/[id]/hide – hide or unhide a seminar note, body {"hidden": boolean} (instructors)
import { route } from "@/lib/http/route";
import { hideInput } from "@/lib/annotations/schema";
import { setNoteHidden } from "@/lib/annotations/service";

export const POST = route<{ id: string }>(async ({ db, actor, params, body }) => {
  const user = await actor();
  return { note: await setNoteHidden(db, user, params.id, (await body(hideInput)).hidden) };
});

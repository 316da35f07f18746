// GET /api/links/[id] – one link with both passages and its thread
// PATCH /api/links/[id] – edit my link (409 with the current link when `revision` is stale)
// DELETE /api/links/[id] – delete my link (a placeholder stays while it has replies)
import { route } from "@/lib/http/route";
import { updateLinkInput } from "@/lib/links/schema";
import { deleteLink, getLink, updateLink } from "@/lib/links/service";

export const GET = route<{ id: string }>(async ({ db, actor, params }) => ({ link: await getLink(db, await actor(), params.id) }));

export const PATCH = route<{ id: string }>(async ({ db, actor, params, body }) => {
  const user = await actor();
  return { link: await updateLink(db, user, params.id, await body(updateLinkInput)) };
});

export const DELETE = route<{ id: string }>(async ({ db, actor, params }) => deleteLink(db, await actor(), params.id));

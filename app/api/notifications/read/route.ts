// POST /api/notifications/read – mark some of my notifications read ({"ids":[…]}) or all ({"all":true}); answers {unread}
import { route } from "@/lib/http/route";
import { markReadInput } from "@/lib/notifications/schema";
import { markNotificationsRead } from "@/lib/notifications/service";

export const POST = route(async ({ db, actor, body }) => {
  const user = await actor();
  return markNotificationsRead(db, user, await body(markReadInput));
});

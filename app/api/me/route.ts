// GET /api/me – the signed-in person (or null) and their seminars, for the header and switcher
import { route } from "@/lib/http/route";
import { listMySeminars } from "@/lib/seminars/service";

export const GET = route(async ({ db, optionalActor }) => {
  const user = await optionalActor();
  return { user, seminars: user ? await listMySeminars(db, user) : [] };
});

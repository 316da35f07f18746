// GET /api/readings/[slug]/links?seminar=… – every link I may see that touches this reading
import { route } from "@/lib/http/route";
import { readingLinksQuery } from "@/lib/links/schema";
import { listReadingLinks } from "@/lib/links/service";

export const GET = route<{ slug: string }>(async ({ db, actor, params, query }) => {
  const user = await actor();
  return listReadingLinks(db, user, params.slug, query(readingLinksQuery).seminar);
});

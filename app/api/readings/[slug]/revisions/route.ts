// POST /api/readings/[slug]/revisions – publish a revision; answers 202 with the job that
// stores the new version and moves every note, link and question onto it
import { route } from "@/lib/http/route";
import { startJob } from "@/lib/revisions/jobs";
import { loadRevisable } from "@/lib/revisions/access";
import { MAX_READING_REQUEST_BYTES, reviseReadingInput } from "@/lib/revisions/schema";
import { publishRevision, refreshSuggestionsLater } from "@/lib/revisions/service";

export const POST = route<{ slug: string }>(
  async ({ db, actor, params, body }) => {
    const user = await actor();
    await loadRevisable(db, user, params.slug);
    const input = await body(reviseReadingInput, MAX_READING_REQUEST_BYTES);
    return { job: startJob(user.id, async (report) => {
      const published = await publishRevision(db, user, params.slug, input, report);
      refreshSuggestionsLater(db);
      return published;
    }) };
  },
  { status: 202 },
);

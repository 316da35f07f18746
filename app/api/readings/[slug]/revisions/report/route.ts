// POST /api/readings/[slug]/revisions/report – what a revision would do to the seminar's
// notes, replies, links and questions, without changing anything
import { route } from "@/lib/http/route";
import { loadRevisable } from "@/lib/revisions/access";
import { MAX_READING_REQUEST_BYTES, reviseReadingInput } from "@/lib/revisions/schema";
import { reportRevision } from "@/lib/revisions/service";

export const POST = route<{ slug: string }>(async ({ db, actor, params, body }) => {
  const user = await actor();
  const reading = await loadRevisable(db, user, params.slug);
  return { report: await reportRevision(db, user, reading, await body(reviseReadingInput, MAX_READING_REQUEST_BYTES)) };
});

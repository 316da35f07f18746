// POST /api/readings – add a reading (instructors); answers 202 with the job that stores it
import { route } from "@/lib/http/route";
import { startJob } from "@/lib/revisions/jobs";
import { addReadingInput, MAX_READING_REQUEST_BYTES } from "@/lib/revisions/schema";
import { requireTeaching } from "@/lib/revisions/access";
import { addReading, refreshSuggestionsLater } from "@/lib/revisions/service";

export const POST = route(
  async ({ db, actor, body }) => {
    const user = await actor();
    await requireTeaching(db, user);
    const input = await body(addReadingInput, MAX_READING_REQUEST_BYTES);
    return { job: startJob(user.id, async (report) => {
      const added = await addReading(db, user, input, report);
      refreshSuggestionsLater(db);
      return added;
    }) };
  },
  { status: 202 },
);

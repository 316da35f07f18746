// GET /api/jobs/[id] – the stage and progress of my running add or revision
import { route } from "@/lib/http/route";
import { getJob } from "@/lib/revisions/jobs";

export const GET = route<{ id: string }>(async ({ actor, params }) => ({ job: getJob(params.id, (await actor()).id) }));

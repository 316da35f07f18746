// GET /api/seminars/[id]/questions/export.csv – roster × question with every answer, as CSV (instructors)
import { csvDownload } from "@/lib/questions/download";
import { exportSeminarAnswers } from "@/lib/questions/export";

export const GET = csvDownload<{ id: string }>(async ({ db, actor, params }) => exportSeminarAnswers(db, await actor(), params.id));

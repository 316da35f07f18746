// GET /api/questions/[id]/export.csv – one question × the roster, as CSV (instructors)
import { csvDownload } from "@/lib/questions/download";
import { exportQuestionAnswers } from "@/lib/questions/export";

export const GET = csvDownload<{ id: string }>(async ({ db, actor, params }) => exportQuestionAnswers(db, await actor(), params.id));

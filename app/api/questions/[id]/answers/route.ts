// GET /api/questions/[id]/answers – the answers I may read (none of others' under answer-first until I answer)
// POST /api/questions/[id]/answers – post my answer (students; 409 when closed, past due, or already answered)
import { route } from "@/lib/http/route";
import { createAnswerInput } from "@/lib/questions/schema";
import { createAnswer } from "@/lib/questions/answers";
import { listQuestionAnswers } from "@/lib/questions/service";

export const GET = route<{ id: string }>(async ({ db, actor, params }) => listQuestionAnswers(db, await actor(), params.id));

export const POST = route<{ id: string }>(
  async ({ db, actor, params, body }) => {
    const user = await actor();
    return { answer: await createAnswer(db, user, params.id, await body(createAnswerInput)) };
  },
  { status: 201 },
);

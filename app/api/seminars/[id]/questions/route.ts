// GET /api/seminars/[id]/questions – the seminar's questions with status and answered counts (answer-first respected)
// POST /api/seminars/[id]/questions – ask a question pinned to passages (instructors)
import { route } from "@/lib/http/route";
import { createQuestionInput } from "@/lib/questions/schema";
import { createQuestion, listQuestions } from "@/lib/questions/service";

export const GET = route<{ id: string }>(async ({ db, actor, params }) => listQuestions(db, await actor(), params.id));

export const POST = route<{ id: string }>(
  async ({ db, actor, params, body }) => {
    const user = await actor();
    return { question: await createQuestion(db, user, params.id, await body(createQuestionInput)) };
  },
  { status: 201 },
);

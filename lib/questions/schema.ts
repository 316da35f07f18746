import { z } from "zod";
import type { Selector } from "@/lib/anchoring/types";
import { bodyInput, targetInput, type AnchorStatus, type AuthorView, type BodyView } from "@/lib/annotations/schema";

/**
 * Guided questions: the zod contracts of every request body and the views every
 * answer is built from. Bodies (prompt, answers, comments) are the notes' rich-text
 * contract, sanitised and limited the same way (lib/annotations/sanitize.ts).
 */

export const MAX_TITLE_CHARS = 200;
/** Passages one question may point at. */
export const MAX_PASSAGES = 12;
/** Questions one seminar may order in one request. */
export const MAX_QUESTIONS = 500;

const id = z.string().min(1).max(100);
const slug = z.string().min(1).max(200);

/** A date and time with its zone ("2025-03-01T17:00:00Z", "…+02:00"); the form sends toISOString(). */
const instant = z.iso.datetime({ offset: true, message: "Give a date and time in ISO 8601 with a zone, e.g. 2025-03-01T17:00:00Z." });

/** A passage picked in the reader: its reading, the version it was picked on and both W3C selectors. */
export const passageInput = z
  .object({ slug, versionId: id, selectors: targetInput.shape.selectors })
  .strict();
export type PassageInput = z.infer<typeof passageInput>;

/** In an edit: a passage the question already has, kept (in this place of the list). */
export const keptPassageInput = z.object({ id }).strict();

const title = z
  .string()
  .trim()
  .min(1, { message: "Give the question a title." })
  .max(MAX_TITLE_CHARS, { message: `A title has at most ${MAX_TITLE_CHARS} characters.` });

/** POST /api/seminars/[id]/questions */
export const createQuestionInput = z
  .object({
    title,
    prompt: bodyInput,
    dueAt: instant.nullable().default(null),
    answerFirst: z.boolean().default(false),
    passages: z
      .array(passageInput)
      .min(1, { message: "Pin the question to at least one passage." })
      .max(MAX_PASSAGES, { message: `At most ${MAX_PASSAGES} passages.` }),
  })
  .strict();
export type CreateQuestionInput = z.infer<typeof createQuestionInput>;

/**
 * PATCH /api/questions/[id]: `revision` is the one the edit started from. `passages`,
 * when given, is the whole new list in order: `{id}` keeps a passage, a full passage
 * adds one, a passage left out is removed.
 */
export const updateQuestionInput = z
  .object({
    revision: z.number().int().min(1),
    title: title.optional(),
    prompt: bodyInput.optional(),
    dueAt: instant.nullable().optional(),
    answerFirst: z.boolean().optional(),
    passages: z
      .array(z.union([keptPassageInput, passageInput]))
      .min(1, { message: "A question keeps at least one passage." })
      .max(MAX_PASSAGES, { message: `At most ${MAX_PASSAGES} passages.` })
      .optional(),
  })
  .strict();
export type UpdateQuestionInput = z.infer<typeof updateQuestionInput>;

/** POST /api/questions/[id]/close */
export const closeQuestionInput = z.object({ closed: z.boolean() }).strict();

/** PUT /api/seminars/[id]/questions/order: every question of the seminar once, in the new order. */
export const reorderQuestionsInput = z
  .object({
    ids: z
      .array(id)
      .min(1)
      .max(MAX_QUESTIONS)
      .refine((ids) => new Set(ids).size === ids.length, { message: "A question is listed twice." }),
  })
  .strict();
export type ReorderQuestionsInput = z.infer<typeof reorderQuestionsInput>;

/** POST /api/questions/[id]/answers: my answer. */
export const createAnswerInput = z.object({ body: bodyInput }).strict();
export type CreateAnswerInput = z.infer<typeof createAnswerInput>;

/** PATCH /api/questions/[id]/answers/[answerId] */
export const updateAnswerInput = z.object({ revision: z.number().int().min(1), body: bodyInput }).strict();
export type UpdateAnswerInput = z.infer<typeof updateAnswerInput>;

/** POST /api/questions/[id]/answers/[answerId]/exemplary */
export const exemplaryInput = z.object({ exemplary: z.boolean() }).strict();

/** POST /api/questions/[id]/answers/[answerId]/comments */
export const createCommentInput = z.object({ body: bodyInput }).strict();
export type CreateCommentInput = z.infer<typeof createCommentInput>;

/** PATCH /api/questions/[id]/answers/[answerId]/comments/[commentId] */
export const updateCommentInput = z.object({ revision: z.number().int().min(1), body: bodyInput }).strict();
export type UpdateCommentInput = z.infer<typeof updateCommentInput>;

/** open: answers taken; overdue: the due date has passed; closed: an instructor closed it. */
export type QuestionStatus = "open" | "overdue" | "closed";

/** Where a student stands with one question. */
export type MyStatus = "answered" | "not-yet" | "overdue" | "closed";

/** A reading a question touches. */
export type QuestionReading = { slug: string; title: string };

/** One passage of a question. */
export type PassageView = {
  id: string;
  slug: string;
  readingTitle: string;
  versionId: string;
  selectors: Selector[];
  anchorStatus: AnchorStatus;
  /** The quoted passage (the TextQuoteSelector's exact). */
  quote: string;
  position: number;
};

/** A comment under an answer (only its author and the seminar's instructors read them). */
export type CommentView = {
  id: string;
  answerId: string;
  author: AuthorView;
  body: BodyView;
  revision: number;
  createdAt: string;
  updatedAt: string;
  permissions: { edit: boolean; delete: boolean };
};

/** An answer as one viewer may see it. */
export type AnswerView = {
  id: string;
  questionId: string;
  author: AuthorView;
  body: BodyView;
  exemplary: boolean;
  revision: number;
  /** When it was first posted. */
  createdAt: string;
  /** When its text last changed. */
  updatedAt: string;
  permissions: { edit: boolean; markExemplary: boolean; comment: boolean };
  /** The feedback thread; null when this viewer may not read it. */
  comments: CommentView[] | null;
};

/** What the viewer may do with a question. */
export type QuestionPermissions = {
  /** Edit, close, reorder, delete, export (the seminar's instructors). */
  manage: boolean;
  /** Post or edit an answer now (students, while open and before the due date). */
  answer: boolean;
  /** Why answering is not possible now, for a student (closed, past due); else null. */
  answerBlocked: string | null;
};

/** A question in the seminar's list. */
export type QuestionSummary = {
  id: string;
  seminarId: string;
  title: string;
  position: number;
  dueAt: string | null;
  closedAt: string | null;
  status: QuestionStatus;
  answerFirst: boolean;
  readings: QuestionReading[];
  passageCount: number;
  /** Students in the seminar now. */
  rosterSize: number;
  /** Students of the roster who answered; null when the viewer may not know (answer-first, not answered yet). */
  answeredCount: number | null;
  /** For a student: where they stand; null for instructors. */
  myStatus: MyStatus | null;
  /** For a student: when they answered; else null. */
  myAnsweredAt: string | null;
  revision: number;
  permissions: QuestionPermissions;
};

/** A student of the roster and their answer to one question (instructors' view). */
export type RosterEntry = { userId: string; name: string; email: string; answerId: string | null; answeredAt: string | null; updatedAt: string | null };

/** One question with everything its page shows to this viewer. */
export type QuestionDetail = QuestionSummary & {
  prompt: BodyView;
  passages: PassageView[];
  myAnswer: AnswerView | null;
  /**
   * Answers this viewer may read besides their own: exemplary first, then oldest first.
   * Empty while `othersHidden`.
   */
  answers: AnswerView[];
  /** True for a student who must post their own answer before reading the others'. */
  othersHidden: boolean;
  /** Instructors: every student and their answer (or none); null for students. */
  roster: RosterEntry[] | null;
};

/** GET /api/seminars/[id]/questions */
export type QuestionList = {
  seminar: { id: string; name: string; role: "instructor" | "student" };
  rosterSize: number;
  questions: QuestionSummary[];
};

/** A question as the reader shows it for one reading. */
export type ReaderQuestion = QuestionSummary & {
  prompt: BodyView;
  passages: PassageView[];
};

/** A student's page in a seminar: their answers, notes and replies there. */
export type StudentActivity = {
  seminar: { id: string; name: string; role: "instructor" | "student" };
  student: { id: string; name: string; email: string };
  /** Every question of the seminar in order, with the student's answer (or none). */
  questions: { question: Pick<QuestionSummary, "id" | "title" | "status" | "dueAt">; answer: AnswerView | null }[];
  /** Their notes the viewer may see (an instructor does not see their private notes), newest first. */
  notes: {
    id: string;
    readingSlug: string;
    readingTitle: string;
    quote: string;
    motivation: "highlighting" | "commenting";
    visibility: "private" | "seminar";
    body: BodyView | null;
    createdAt: string;
  }[];
  /** Their replies in threads the viewer may read, newest first, with the note's passage. */
  replies: { id: string; noteId: string; readingSlug: string; readingTitle: string; quote: string; body: BodyView; createdAt: string }[];
  /** Their links between passages that the viewer may see (same rules as notes), newest first. */
  links: {
    id: string;
    relation: string;
    visibility: "private" | "seminar";
    body: BodyView | null;
    createdAt: string;
    /** The compare view of the link. */
    href: string;
    ends: { slug: string; readingTitle: string; quote: string }[];
  }[];
};

import { z } from "zod";

/** A role in one seminar. */
export const roles = ["instructor", "student"] as const;
export type Role = (typeof roles)[number];

/** A person acting inside one seminar: who they are and their role there. */
export type Viewer = { userId: string; role: Role };

/** POST /api/seminars */
export const createSeminarInput = z
  .object({
    name: z.string().trim().min(1, { message: "Give the seminar a name." }).max(120),
    description: z.string().trim().max(2000).default(""),
  })
  .strict();
export type CreateSeminarInput = z.infer<typeof createSeminarInput>;

/** POST /api/seminars/join */
export const joinSeminarInput = z.object({ code: z.string().trim().min(4).max(32) }).strict();
export type JoinSeminarInput = z.infer<typeof joinSeminarInput>;

/** PUT /api/seminars/[id]/readings: the readings in their new order, by slug. */
export const setReadingsInput = z
  .object({
    slugs: z
      .array(z.string().min(1).max(200))
      .max(200)
      .refine((slugs) => new Set(slugs).size === slugs.length, { message: "A reading is listed twice." }),
  })
  .strict();
export type SetReadingsInput = z.infer<typeof setReadingsInput>;

/** A seminar in the list of one's own (and the seminar switcher). */
export type SeminarSummary = {
  id: string;
  name: string;
  description: string;
  role: Role;
  memberCount: number;
  readingCount: number;
};

/** A member as other members see them; `email` only for instructors. */
export type MemberView = { userId: string; name: string; role: Role; email: string | null; joinedAt: string };

/** An assigned reading, with the number of notes the viewer may see on it. */
export type SeminarReadingView = {
  slug: string;
  title: string;
  author: string;
  year: number | null;
  kind: string;
  position: number;
  noteCount: number;
};

/** GET /api/seminars/[id]: everything the seminar page shows. */
export type SeminarDetail = Omit<SeminarSummary, "memberCount" | "readingCount"> & {
  /** The join code ("ABCD-EFGH") for instructors; null for students. */
  joinCode: string | null;
  members: MemberView[];
  readings: SeminarReadingView[];
  permissions: { manage: boolean };
};

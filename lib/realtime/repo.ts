import type { Db } from "@/lib/annotations/repo";

/** Every member of a seminar with their role, as a map (one query, for all subscribers of an event). */
export async function seminarRoles(db: Db, seminarId: string): Promise<Map<string, string>> {
  const rows = await db.membership.findMany({ where: { seminarId }, select: { userId: true, role: true } });
  return new Map(rows.map((row) => [row.userId, row.role]));
}

/** Everyone who has answered a question (one query for all subscribers of an answer event). */
export async function answerAuthors(db: Db, questionId: string): Promise<Set<string>> {
  const rows = await db.answer.findMany({ where: { questionId }, select: { authorId: true } });
  return new Set(rows.map((row) => row.authorId));
}

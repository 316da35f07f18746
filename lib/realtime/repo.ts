import type { Db } from "@/lib/annotations/repo";

/** Every member of a seminar with their role, as a map (one query, for all subscribers of an event). */
export async function seminarRoles(db: Db, seminarId: string): Promise<Map<string, string>> {
  const rows = await db.membership.findMany({ where: { seminarId }, select: { userId: true, role: true } });
  return new Map(rows.map((row) => [row.userId, row.role]));
}

import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/documents/repo";

/**
 * Who may read a reading. A library reading is open to everyone; a seminar reading
 * (one an instructor added for their seminars) only to the members of the seminars it
 * is assigned to and to the instructor who added it. Everything else answers as if the
 * reading did not exist.
 */

/** The Prisma condition for the readings `userId` (null: a visitor) may open. */
export function readableBy(userId: string | null): Prisma.DocumentWhereInput {
  if (!userId) return { scope: "library" };
  return {
    OR: [
      { scope: "library" },
      { addedById: userId },
      { seminarReadings: { some: { seminar: { memberships: { some: { userId } } } } } },
    ],
  };
}

/** May `userId` open the reading `documentId`? */
export async function canReadDocument(db: Db, userId: string | null, documentId: string): Promise<boolean> {
  return (await db.document.count({ where: { AND: [{ id: documentId }, readableBy(userId)] } })) === 1;
}

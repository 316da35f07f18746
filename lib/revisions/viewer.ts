import "server-only";
import { mayRevise } from "@/lib/revisions/access";
import type { Db } from "@/lib/revisions/items";

/**
 * What pages show one person about adding and revising: whether to offer "Add a
 * reading" and "Revise". No errors: a person who may not gets no link.
 */

/** Does `userId` teach any seminar (and so may add readings)? */
export async function isTeaching(db: Db, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  return (await db.membership.count({ where: { userId, role: "instructor" } })) > 0;
}

/** May `userId` revise the reading `documentId`? */
export async function canReviseReading(db: Db, userId: string | null, documentId: string): Promise<boolean> {
  if (!userId) return false;
  const document = await db.document.findUnique({ where: { id: documentId }, select: { id: true, addedById: true } });
  return document ? mayRevise(db, userId, document) : false;
}

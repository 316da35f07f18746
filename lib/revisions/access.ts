import "server-only";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { canReadDocument } from "@/lib/documents/access";
import type { Db } from "@/lib/revisions/items";

/**
 * Who may add and revise readings. Adding: anyone who teaches a seminar (a student
 * gets 403). Revising: the instructor who added the reading, or an instructor of a
 * seminar it is assigned to. Anyone else who can read it gets 403; anyone who cannot
 * gets 404, as if it did not exist.
 */

/** The seminars the actor teaches, by name; 403 when there are none. */
export async function requireTeaching(db: Db, actor: Actor): Promise<{ id: string; name: string }[]> {
  const taught = await db.membership.findMany({
    where: { userId: actor.id, role: "instructor" },
    select: { seminar: { select: { id: true, name: true } } },
    orderBy: { seminar: { name: "asc" } },
  });
  if (taught.length === 0) throw new AppError("forbidden", "Only instructors add and revise readings.");
  return taught.map((m) => m.seminar);
}

/** The reading by slug with its current version, if the actor may revise it. */
export async function loadRevisable(db: Db, actor: Actor, slug: string) {
  const document = await db.document.findUnique({
    where: { slug },
    select: {
      id: true, slug: true, title: true, addedById: true, scope: true, sourceFile: true,
      currentVersion: { select: { id: true, number: true, source: true, canonicalText: true, blocks: true, contentHash: true } },
    },
  });
  if (!document?.currentVersion || !(await canReadDocument(db, actor.id, document.id))) {
    throw new AppError("not_found", `No reading called "${slug}".`);
  }
  if (!(await mayRevise(db, actor.id, document))) {
    throw new AppError("forbidden", "Only the instructor who added this reading, or an instructor of a seminar reading it, can revise it.");
  }
  return { ...document, currentVersion: document.currentVersion };
}

/** A reading as {@link loadRevisable} loads it: its row and its current version's file. */
export type Revisable = Awaited<ReturnType<typeof loadRevisable>>;

/** May `userId` revise this reading? (No error: pages use it to show or hide the Revise link.) */
export async function mayRevise(db: Db, userId: string, document: { id: string; addedById: string | null }): Promise<boolean> {
  if (document.addedById === userId) return true;
  const teaching = await db.membership.count({
    where: { userId, role: "instructor", seminar: { readings: { some: { documentId: document.id } } } },
  });
  return teaching > 0;
}

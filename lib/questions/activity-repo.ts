import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/questions/repo";

/**
 * The per-student page's queries over other domains' tables (notes, replies, links):
 * Prisma calls only; the viewer's visibility filters come from those domains' repos
 * and the rules are applied in activity.ts.
 */

const readingSelect = { select: { slug: true, title: true } } as const;

/** One person's notes in a seminar within `visible` (the notes filter of the viewer), newest first; placeholders left out. */
export function listNotesByAuthor(db: Db, authorId: string, visible: Prisma.NoteWhereInput) {
  return db.note.findMany({
    where: { AND: [visible, { authorId, deletedAt: null }] },
    include: { document: readingSelect },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
}

/** One person's replies in a seminar's threads (not deleted), newest first, with what their note's rules need. */
export function listRepliesByAuthor(db: Db, seminarId: string, authorId: string) {
  return db.reply.findMany({
    where: { authorId, deletedAt: null, note: { seminarId } },
    include: {
      note: { select: { id: true, authorId: true, visibility: true, hidden: true, deletedAt: true, selectors: true, document: readingSelect } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
}

/** One person's links in a seminar within `visible` (the viewer's links filter), newest first, with both ends. */
export function listLinksByAuthor(db: Db, authorId: string, visible: Prisma.LinkWhereInput) {
  return db.link.findMany({
    where: { AND: [visible, { authorId }] },
    include: { ends: { include: { document: readingSelect }, orderBy: { side: "asc" } } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
}

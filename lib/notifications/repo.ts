import type { Db } from "@/lib/annotations/repo";
import type { Prisma } from "@/lib/generated/prisma/client";
import { kindRank } from "@/lib/notifications/schema";

/** A notification to store (one per recipient and subject). */
export type NotificationInput = {
  recipientId: string;
  actorId: string | null;
  seminarId: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  noteId: string | null;
  readingSlug: string | null;
};

const rowInclude = { actor: { select: { name: true } }, seminar: { select: { id: true, name: true } } } as const;
export type NotificationRow = Prisma.NotificationGetPayload<{ include: typeof rowInclude }>;

/** People by id, as actors. */
export function findUsers(db: Db, ids: string[]) {
  return db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true, email: true } });
}

/** The members of a seminar with their names (for @mentions). */
export async function seminarMembers(db: Db, seminarId: string): Promise<{ id: string; name: string }[]> {
  const rows = await db.membership.findMany({ where: { seminarId }, select: { user: { select: { id: true, name: true } } } });
  return rows.map((row) => row.user);
}

/**
 * Stores notifications, one per recipient and subject: a new one is created; an
 * existing one with a weaker reason takes the stronger one and is unread again; any
 * other is left alone (an edit does not notify twice). Returns the recipients whose
 * inbox changed. Safe when two servers store the same notification at once.
 */
export async function storeNotifications(db: Db, inputs: NotificationInput[]): Promise<string[]> {
  if (inputs.length === 0) return [];
  const existing = await db.notification.findMany({
    where: { OR: inputs.map(({ recipientId, subjectType, subjectId }) => ({ recipientId, subjectType, subjectId })) },
    select: { id: true, recipientId: true, subjectType: true, subjectId: true, kind: true },
  });
  const key = (n: { recipientId: string; subjectType: string; subjectId: string }) => `${n.recipientId}\n${n.subjectType}\n${n.subjectId}`;
  const known = new Map(existing.map((n) => [key(n), n]));
  const changed: string[] = [];
  for (const input of inputs) {
    const found = known.get(key(input));
    if (!found) {
      try {
        await db.notification.create({ data: input });
        changed.push(input.recipientId);
      } catch (error) {
        if ((error as { code?: string }).code !== "P2002") throw error; // stored meanwhile: fine
      }
    } else if (kindRank(input.kind) > kindRank(found.kind)) {
      await db.notification.update({ where: { id: found.id }, data: { kind: input.kind, actorId: input.actorId, readAt: null } });
      changed.push(input.recipientId);
    }
  }
  return changed;
}

/** A person's unread (or read) notifications, newest first, at most `limit`. */
export function listNotificationRows(db: Db, recipientId: string, read: boolean, limit: number): Promise<NotificationRow[]> {
  return db.notification.findMany({
    where: { recipientId, readAt: read ? { not: null } : null },
    include: rowInclude,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}

/** Marks some (ids) or all (null) of a person's notifications read. */
export async function markNotificationsRead(db: Db, recipientId: string, ids: string[] | null): Promise<void> {
  await db.notification.updateMany({
    where: { recipientId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: new Date() },
  });
}

/** Readings' titles by slug. */
export async function readingTitles(db: Db, slugs: string[]): Promise<Map<string, string>> {
  const rows = await db.document.findMany({ where: { slug: { in: [...new Set(slugs)] } }, select: { slug: true, title: true } });
  return new Map(rows.map((row) => [row.slug, row.title]));
}

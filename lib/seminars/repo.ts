import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/seminars/schema";

/** The Prisma client (seminar writes use batch transactions). */
export type Db = PrismaClient;
/** Enough of a client (or transaction) to look memberships up. */
export type MembershipDb = Pick<PrismaClient, "membership">;

/** One person's membership of one seminar, or null. */
export function findMembership(db: MembershipDb, seminarId: string, userId: string) {
  return db.membership.findUnique({ where: { seminarId_userId: { seminarId, userId } } });
}

/** Every seminar a person belongs to, newest membership first, with counts. */
export function listMembershipsOfUser(db: Db, userId: string) {
  return db.membership.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    include: { seminar: { include: { _count: { select: { memberships: true, readings: true } } } } },
  });
}

/** The seminars of a person that have the reading assigned, with their role. */
export function listMembershipsWithReading(db: Db, userId: string, slug: string) {
  return db.membership.findMany({
    where: { userId, seminar: { readings: { some: { document: { slug } } } } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    include: { seminar: { include: { _count: { select: { memberships: true, readings: true } } } } },
  });
}

/** A seminar with its members (and their names) and readings in order, or null. */
export function findSeminarDetail(db: Db, seminarId: string) {
  return db.seminar.findUnique({
    where: { id: seminarId },
    include: {
      memberships: { include: { user: { select: { id: true, name: true, email: true } } }, orderBy: { createdAt: "asc" } },
      readings: { include: { document: true }, orderBy: { position: "asc" } },
    },
  });
}

/** A seminar by its (normalised) join code, or null. */
export function findSeminarByCode(db: Db, joinCode: string) {
  return db.seminar.findUnique({ where: { joinCode } });
}

/** Creates a seminar with its creator as the first instructor. */
export function insertSeminar(db: Db, data: { name: string; description: string; joinCode: string; instructorId: string }) {
  const { instructorId, ...seminar } = data;
  return db.seminar.create({ data: { ...seminar, memberships: { create: { userId: instructorId, role: "instructor" } } } });
}

/** Adds a member. */
export function insertMembership(db: Db, data: { seminarId: string; userId: string; role: Role }) {
  return db.membership.create({ data });
}

/** Removes a member (their notes stay with the seminar). */
export function deleteMembership(db: Db, seminarId: string, userId: string) {
  return db.membership.deleteMany({ where: { seminarId, userId } });
}

/** How many instructors a seminar has. */
export function countInstructors(db: Db, seminarId: string) {
  return db.membership.count({ where: { seminarId, role: "instructor" } });
}

/** Replaces the join code. */
export function updateJoinCode(db: Db, seminarId: string, joinCode: string) {
  return db.seminar.update({ where: { id: seminarId }, data: { joinCode } });
}

/** Readings by slug (those that exist). */
export function findDocumentsBySlugs(db: Db, slugs: string[], readableBy: Prisma.DocumentWhereInput = {}) {
  return db.document.findMany({ where: { AND: [{ slug: { in: slugs } }, readableBy] }, select: { id: true, slug: true } });
}

/** Replaces a seminar's readings with `documentIds` in that order, atomically. */
export function replaceReadings(db: Db, seminarId: string, documentIds: string[]) {
  return db.$transaction([
    db.seminarReading.deleteMany({ where: { seminarId } }),
    db.seminarReading.createMany({ data: documentIds.map((documentId, position) => ({ seminarId, documentId, position })) }),
  ]);
}

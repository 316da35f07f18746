import "server-only";
import { readableBy } from "@/lib/documents/access";
import { AppError } from "@/lib/errors";
import { clearThrottle, findThrottles, saveThrottle } from "@/lib/auth/repo";
import { afterFailure, remainingLock } from "@/lib/auth/throttle";
import type { Actor } from "@/lib/auth/actor";
import { countVisibleNotesByDocument } from "@/lib/annotations/repo";
import { formatJoinCode, generateJoinCode, normalizeJoinCode } from "@/lib/seminars/code";
import { requireInstructor, requireMembership, type Viewer } from "@/lib/seminars/membership";
import {
  countInstructors,
  deleteMembership,
  findDocumentsBySlugs,
  findMembership,
  findSeminarByCode,
  findSeminarDetail,
  insertMembership,
  insertSeminar,
  listMembershipsOfUser,
  listMembershipsWithReading,
  replaceReadings,
  updateJoinCode,
  type Db,
} from "@/lib/seminars/repo";
import type {
  CreateSeminarInput,
  JoinSeminarInput,
  Role,
  SeminarDetail,
  SeminarSummary,
  SetReadingsInput,
} from "@/lib/seminars/schema";

/** The seminars the actor belongs to, with their role in each (the seminar switcher). */
export async function listMySeminars(db: Db, actor: Actor): Promise<SeminarSummary[]> {
  return (await listMembershipsOfUser(db, actor.id)).map(toSummary);
}

/** The actor's seminars that read this reading: the reader's seminar switcher. */
export async function listMySeminarsReading(db: Db, actor: Actor, slug: string): Promise<SeminarSummary[]> {
  return (await listMembershipsWithReading(db, actor.id, slug)).map(toSummary);
}

type MembershipWithSeminar = Awaited<ReturnType<typeof listMembershipsOfUser>>[number];

function toSummary({ seminar, role }: MembershipWithSeminar): SeminarSummary {
  return {
    id: seminar.id,
    name: seminar.name,
    description: seminar.description,
    role: role as Role,
    memberCount: seminar._count.memberships,
    readingCount: seminar._count.readings,
  };
}

/**
 * One seminar as a member sees it: members, readings in order with the number of
 * notes the viewer may see on each; the join code and emails only for instructors.
 * 404 for a non-member.
 */
export async function getSeminar(db: Db, actor: Actor, seminarId: string): Promise<SeminarDetail> {
  const viewer = await requireMembership(db, actor, seminarId);
  return seminarDetail(db, viewer, seminarId);
}

async function seminarDetail(db: Db, viewer: Viewer, seminarId: string): Promise<SeminarDetail> {
  const seminar = await findSeminarDetail(db, seminarId);
  if (!seminar) throw new AppError("not_found", "No such seminar.");
  const instructor = viewer.role === "instructor";
  const counts = await countVisibleNotesByDocument(db, seminarId, viewer);
  return {
    id: seminar.id,
    name: seminar.name,
    description: seminar.description,
    role: viewer.role,
    joinCode: instructor ? formatJoinCode(seminar.joinCode) : null,
    permissions: { manage: instructor },
    members: seminar.memberships.map((m) => ({
      userId: m.user.id,
      name: m.user.name,
      role: m.role as Role,
      email: instructor || m.user.id === viewer.userId ? m.user.email : null,
      joinedAt: m.createdAt.toISOString(),
    })),
    readings: seminar.readings.map((r) => ({
      slug: r.document.slug,
      title: r.document.title,
      author: r.document.author,
      year: r.document.year,
      kind: r.document.kind,
      position: r.position,
      noteCount: counts.get(r.documentId) ?? 0,
    })),
  };
}

/** Creates a seminar; the actor becomes its instructor. */
export async function createSeminar(db: Db, actor: Actor, input: CreateSeminarInput): Promise<SeminarDetail> {
  const seminar = await withFreshCode((joinCode) =>
    insertSeminar(db, { name: input.name, description: input.description, joinCode, instructorId: actor.id }),
  );
  return seminarDetail(db, { userId: actor.id, role: "instructor" }, seminar.id);
}

/**
 * Joins the seminar with this code as a student. Joining again changes nothing (an
 * instructor stays an instructor). 404 for an unknown code.
 */
export async function joinSeminar(
  db: Db,
  actor: Actor,
  input: JoinSeminarInput,
  now: Date = new Date(),
): Promise<{ seminar: SeminarSummary; joined: boolean }> {
  // Wrong codes are slowed down per person, like failed sign-ins: codes cannot be guessed.
  const key = `join:${actor.id}`;
  const state = (await findThrottles(db, [key])).get(key) ?? null;
  const wait = remainingLock(state, now);
  if (wait > 0) {
    const retryAfterSeconds = Math.ceil(wait / 1000);
    throw new AppError("too_many_requests", `Too many wrong join codes. Try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
  }
  const seminar = await findSeminarByCode(db, normalizeJoinCode(input.code));
  if (!seminar) {
    await saveThrottle(db, key, afterFailure(key, state, now));
    throw new AppError("not_found", "No seminar has this join code. Check it with your instructor.");
  }
  if (state) await clearThrottle(db, key);
  let joined = false;
  if (!(await findMembership(db, seminar.id, actor.id))) {
    try {
      await insertMembership(db, { seminarId: seminar.id, userId: actor.id, role: "student" });
      joined = true;
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error; // joined twice at once
    }
  }
  const summary = (await listMySeminars(db, actor)).find((s) => s.id === seminar.id)!;
  return { seminar: summary, joined };
}

/**
 * Removes a member. Instructors may remove anyone; anyone may remove themselves
 * (leave). The last instructor cannot go (409): a seminar would be left unmanaged.
 */
export async function removeMember(db: Db, actor: Actor, seminarId: string, userId: string): Promise<{ removed: string }> {
  const viewer = await requireMembership(db, actor, seminarId);
  if (userId !== actor.id && viewer.role !== "instructor") {
    throw new AppError("forbidden", "Only the seminar's instructors can remove members.");
  }
  const target = await findMembership(db, seminarId, userId);
  if (!target) throw new AppError("not_found", "That person is not a member of this seminar.");
  if (target.role === "instructor" && (await countInstructors(db, seminarId)) <= 1) {
    throw new AppError("conflict", "A seminar needs at least one instructor.");
  }
  await deleteMembership(db, seminarId, userId);
  return { removed: userId };
}

/** Replaces the join code (the old one stops working at once). Instructors only. */
export async function regenerateJoinCode(db: Db, actor: Actor, seminarId: string): Promise<{ joinCode: string }> {
  await requireInstructor(db, actor, seminarId);
  const seminar = await withFreshCode((code) => updateJoinCode(db, seminarId, code));
  return { joinCode: formatJoinCode(seminar.joinCode) };
}

/** Sets the seminar's readings in this order (an empty list clears them). Instructors only. */
export async function setSeminarReadings(
  db: Db,
  actor: Actor,
  seminarId: string,
  input: SetReadingsInput,
): Promise<SeminarDetail> {
  const viewer = await requireInstructor(db, actor, seminarId);
  const documents = await findDocumentsBySlugs(db, input.slugs, readableBy(actor.id));
  const bySlug = new Map(documents.map((d) => [d.slug, d.id]));
  const missing = input.slugs.filter((slug) => !bySlug.has(slug));
  if (missing.length) throw new AppError("not_found", `No reading called ${missing.map((s) => `"${s}"`).join(", ")}.`);
  await replaceReadings(db, seminarId, input.slugs.map((slug) => bySlug.get(slug)!));
  return seminarDetail(db, viewer, seminarId);
}

/** Runs a write with a fresh join code, retrying on the (rare) collision. */
async function withFreshCode<T>(write: (code: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write(generateJoinCode());
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002" || attempt >= 4) throw error;
    }
  }
}

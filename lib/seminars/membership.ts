import "server-only";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { findMembership, type MembershipDb as Db } from "@/lib/seminars/repo";
import type { Role, Viewer } from "@/lib/seminars/schema";

export type { Viewer };

/**
 * The actor's role in a seminar. A non-member gets 404, as if the seminar did not
 * exist: its name and existence are not theirs to learn. Other domains (notes,
 * replies) start every check here.
 */
export async function requireMembership(db: Db, actor: Actor, seminarId: string): Promise<Viewer> {
  const membership = await findMembership(db, seminarId, actor.id);
  if (!membership) throw new AppError("not_found", "No such seminar.");
  return { userId: actor.id, role: membership.role as Role };
}

/** As `requireMembership`, and 403 unless the actor is an instructor there. */
export async function requireInstructor(db: Db, actor: Actor, seminarId: string): Promise<Viewer> {
  const viewer = await requireMembership(db, actor, seminarId);
  if (viewer.role !== "instructor") throw new AppError("forbidden", "Only the seminar's instructors can do this.");
  return viewer;
}

/** The actor's role in a seminar, or null when not a member (no error). */
export async function findViewer(db: Db, actor: Actor, seminarId: string): Promise<Viewer | null> {
  const membership = await findMembership(db, seminarId, actor.id);
  return membership ? { userId: actor.id, role: membership.role as Role } : null;
}

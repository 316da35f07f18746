import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ThrottleState } from "@/lib/auth/throttle";

/** The models this domain reads and writes. */
export type Db = Pick<PrismaClient, "user" | "signInThrottle">;

/** A user by id, or null. */
export function findUserById(db: Db, id: string) {
  return db.user.findUnique({ where: { id } });
}

/** A user by (normalised) email, or null. */
export function findUserByEmail(db: Db, email: string) {
  return db.user.findUnique({ where: { email } });
}

/** Creates a user; the unique index on email rejects a duplicate (P2002). */
export function insertUser(db: Db, data: { email: string; name: string; passwordHash: string }) {
  return db.user.create({ data });
}

/** The throttle state of each key that has one. */
export async function findThrottles(db: Db, keys: string[]): Promise<Map<string, ThrottleState>> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys } } });
  return new Map(rows.map((row) => [row.key, row]));
}

/** Stores the state of one key. */
export function saveThrottle(db: Db, key: string, state: ThrottleState) {
  return db.signInThrottle.upsert({ where: { key }, create: { key, ...state }, update: state });
}

/** Forgets a key (after a successful sign-in to that account). */
export function clearThrottle(db: Db, key: string) {
  return db.signInThrottle.deleteMany({ where: { key } });
}

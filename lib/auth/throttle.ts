/**
 * The sign-in slow-down, as pure rules. Each key ("email:…" or "ip:…") gets some free
 * failures; after that every failure locks the key for twice as long as the last
 * one, up to a ceiling. A key quiet for `FORGET_AFTER_MS` starts again from zero.
 */

/** The stored state of one key. */
export type ThrottleState = { failures: number; lastFailureAt: Date; lockedUntil: Date | null };

/** Failures an account gets before it is slowed down. */
export const FREE_FAILURES_PER_ACCOUNT = 5;
/** An address gets more: a whole seminar may sign in from behind one school NAT. */
export const FREE_FAILURES_PER_ADDRESS = 20;
/** The first lock. */
export const BASE_LOCK_MS = 2_000;
/** The longest lock. */
export const MAX_LOCK_MS = 15 * 60_000;
/** A key with no failure for this long is forgotten. */
export const FORGET_AFTER_MS = 60 * 60_000;

/** Free failures for a key, by its kind. */
export function freeFailures(key: string): number {
  return key.startsWith("ip:") ? FREE_FAILURES_PER_ADDRESS : FREE_FAILURES_PER_ACCOUNT;
}

/** How long a key is locked after its `failures`-th failure (0 while still free). */
export function lockDuration(failures: number, free: number): number {
  if (failures <= free) return 0;
  return Math.min(BASE_LOCK_MS * 2 ** (failures - free - 1), MAX_LOCK_MS);
}

/** Milliseconds a key must still wait at `now`, 0 when it may try. */
export function remainingLock(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}

/** The state of a key after one more failure at `now`. */
export function afterFailure(key: string, state: ThrottleState | null, now: Date): ThrottleState {
  const stale = !state || now.getTime() - state.lastFailureAt.getTime() > FORGET_AFTER_MS;
  const failures = (stale ? 0 : state.failures) + 1;
  const lock = lockDuration(failures, freeFailures(key));
  return { failures, lastFailureAt: now, lockedUntil: lock ? new Date(now.getTime() + lock) : null };
}

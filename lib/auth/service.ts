import "server-only";
import { AppError } from "@/lib/errors";
import { toActor, type Actor } from "@/lib/auth/actor";
import { dummyHash, hashPassword, verifyPassword } from "@/lib/auth/password";
import { clearThrottle, findThrottles, findUserByEmail, insertUser, saveThrottle, type Db } from "@/lib/auth/repo";
import type { SignInInput, SignUpInput } from "@/lib/auth/schema";
import { afterFailure, remainingLock } from "@/lib/auth/throttle";

/**
 * Creates an account from a parsed sign-up form. 409 when the email is taken (the
 * form then says so; the address is the user's own, so this reveals nothing new).
 */
export async function signUp(db: Db, input: SignUpInput): Promise<Actor> {
  if (await findUserByEmail(db, input.email)) {
    throw new AppError("conflict", "An account with this email already exists. Sign in instead.");
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return toActor(await insertUser(db, { email: input.email, name: input.name, passwordHash }));
  } catch (error) {
    // Two sign-ups racing for one address: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw new AppError("conflict", "An account with this email already exists.");
    throw error;
  }
}

/** The throttle keys of one attempt: the account, and the address when known. */
export function throttleKeys(email: string, address: string | null): string[] {
  return address ? [`email:${email}`, `ip:${address}`] : [`email:${email}`];
}

/**
 * Checks a sign-in. Returns the person, or null for a wrong email or password (the
 * same answer for both). While the account or the address is locked after repeated
 * failures it throws `too_many_requests` without checking the password at all.
 */
export async function authenticate(
  db: Db,
  input: SignInInput,
  address: string | null,
  now: Date = new Date(),
): Promise<Actor | null> {
  const keys = throttleKeys(input.email, address);
  const states = await findThrottles(db, keys);
  const wait = Math.max(0, ...keys.map((key) => remainingLock(states.get(key) ?? null, now)));
  if (wait > 0) {
    const retryAfterSeconds = Math.ceil(wait / 1000);
    throw new AppError("too_many_requests", `Too many failed sign-ins. Try again in ${retryAfterSeconds} s.`, {
      retryAfterSeconds,
    });
  }

  const user = await findUserByEmail(db, input.email);
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  if (user && ok) {
    // Only the account's count is cleared: an address that guesses many accounts and
    // owns one must not be able to wipe its own record by signing in to it.
    await clearThrottle(db, keys[0]);
    return toActor(user);
  }
  for (const key of keys) await saveThrottle(db, key, afterFailure(key, states.get(key) ?? null, now));
  return null;
}

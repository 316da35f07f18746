import "server-only";
import { cache } from "react";
import { getToken } from "next-auth/jwt";
import { prisma } from "@/lib/db/client";
import { toActor, type Actor } from "@/lib/auth/actor";
import { findUserById } from "@/lib/auth/repo";
import { authSecret } from "@/lib/auth/secret";
import type { PrismaClient } from "@/lib/generated/prisma/client";

const SECURE_COOKIE = "__Secure-next-auth.session-token";

/** Cookie header → name/value pairs (values URI-decoded when they can be). */
export function parseCookieHeader(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1");
    try {
      cookies[name] ??= decodeURIComponent(value);
    } catch {
      cookies[name] ??= value;
    }
  }
  return cookies;
}

/**
 * The person behind next-auth's session cookie, or null. Decodes the JWT with the
 * auth secret and then loads the user, so a deleted account stops working at once.
 * Both cookie names are tried: next-auth prefixes `__Secure-` when served over https.
 */
export async function actorFromCookies(
  cookies: Record<string, string>,
  db: PrismaClient = prisma,
  secret: string = authSecret(),
): Promise<Actor | null> {
  const secureCookie = Object.keys(cookies).some((name) => name.startsWith(SECURE_COOKIE));
  const token = await getToken({
    req: { cookies, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    secureCookie,
    secret,
    logger: { error: () => {}, warn: () => {}, debug: () => {} },
  });
  if (!token?.sub) return null;
  const user = await findUserById(db, token.sub);
  return user ? toActor(user) : null;
}

/** The default session resolver of route handlers: reads the request's cookies. */
export function actorFromRequest(req: Request, db: PrismaClient = prisma): Promise<Actor | null> {
  return actorFromCookies(parseCookieHeader(req.headers.get("cookie")), db);
}

/**
 * The signed-in person for server components and pages (layout header, /seminars),
 * or null. Reads the cookies of the current request through next/headers; looked up
 * once per request however many components of the page ask.
 */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const { cookies } = await import("next/headers");
  const store = await cookies();
  return actorFromCookies(Object.fromEntries(store.getAll().map((c) => [c.name, c.value])));
});

import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authenticate } from "@/lib/auth/service";
import { signInInput } from "@/lib/auth/schema";
import { authSecret } from "@/lib/auth/secret";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// next-auth 4 takes its origin from NEXTAUTH_URL, and without it falls back to
// http://localhost:3000, which breaks redirects on any other port (tests start the
// server on a random one). With AUTH_TRUST_HOST it uses the request's Host and the
// x-forwarded-proto that `next start` always sets, so it works wherever it is served.
// Set NEXTAUTH_URL behind a proxy that does not pass a trustworthy Host header.
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";

/** The error string the sign-in form receives when an account or address is locked. */
export const THROTTLED_ERROR = "TooManyAttempts";

/** The first address in x-forwarded-for (set by `next start` from the socket). */
export function clientAddress(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  const value = Array.isArray(forwarded) ? forwarded[0] : forwarded;
  if (typeof value !== "string" || !value.trim()) return null;
  // A client may send its own x-forwarded-for and `next start` keeps it, so this key
  // can be dodged; the per-account key cannot, and it is the one that matters.
  return value.split(",")[0].trim().slice(0, 64);
}

/**
 * next-auth's configuration: email + password through the Credentials provider, JWT
 * sessions (no session table), our own sign-in page. Built on first use so that
 * `next build` never creates the secret file.
 */
export function buildAuthOptions(db: PrismaClient = prisma, secret: string = authSecret()): AuthOptions {
  return {
    secret,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          const parsed = signInInput.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          try {
            const actor = await authenticate(db, parsed.data, clientAddress(req?.headers));
            return actor ? { id: actor.id, name: actor.name, email: actor.email } : null;
          } catch (error) {
            // next-auth hands a thrown message to the form as `error`.
            if (error instanceof AppError && error.code === "too_many_requests") {
              const seconds = (error.details as { retryAfterSeconds: number }).retryAfterSeconds;
              throw new Error(`${THROTTLED_ERROR}:${seconds}`);
            }
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.name = user.name;
          token.email = user.email;
        }
        return token;
      },
      session({ session, token }) {
        session.user = { id: token.sub ?? "", name: token.name ?? "", email: token.email ?? "" };
        return session;
      },
    },
  };
}

let options: AuthOptions | undefined;

/** The process-wide options (built once). */
export function authOptions(): AuthOptions {
  return (options ??= buildAuthOptions());
}

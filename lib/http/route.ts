import "server-only";
import type { z } from "zod";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { actorFromRequest } from "@/lib/auth/session";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { errorResponse } from "@/lib/http/errors";
import { parseJsonBody, parseQuery } from "@/lib/http/input";

/** What a handler needs from the outside world; tests pass their own. */
export type RouteDeps = {
  db: PrismaClient;
  /** Who sent the request, or null for an anonymous one. */
  resolveActor: (req: Request, db: PrismaClient) => Promise<Actor | null>;
};

/**
 * The second argument of a route handler. Next passes `{ params }`; tests may add
 * `deps` (a database and a session resolver), so handlers are tested as exported.
 */
export type RouteContext<P> = { params: Promise<P>; deps?: Partial<RouteDeps> };

/** What the wrapper hands a handler. */
export type HandlerArgs<P> = {
  req: Request;
  url: URL;
  params: P;
  db: PrismaClient;
  /** The signed-in person; 401 when there is none. */
  actor: () => Promise<Actor>;
  /** The signed-in person or null. */
  optionalActor: () => Promise<Actor | null>;
  /** The JSON body parsed by its contract (400 malformed or invalid, 413 over `maxBytes`, 512 KB by default). */
  body: <T>(schema: z.ZodType<T>, maxBytes?: number) => Promise<T>;
  /** The query string parsed by its contract (400 invalid). */
  query: <T>(schema: z.ZodType<T>) => T;
};

type Options = {
  /** Status of a successful answer (default 200). */
  status?: number;
  /** Content type of a successful answer (default application/json). */
  contentType?: string;
};

const defaultDeps: RouteDeps = { db: prisma, resolveActor: actorFromRequest };

/**
 * Wraps a handler: resolves dependencies and the session lazily, runs it, answers
 * its result as JSON, and maps every error to `{"error":{"code","message"}}` in one
 * place (`errorResponse`). `undefined` from the handler answers 204; a `Response` is
 * answered as it is (a file to download).
 */
export function route<P = Record<string, never>>(
  handler: (args: HandlerArgs<P>) => Promise<unknown>,
  options: Options = {},
) {
  return async function handle(req: Request, context: RouteContext<P>): Promise<Response> {
    try {
      const deps: RouteDeps = { ...defaultDeps, ...context?.deps };
      const params = (await context?.params) ?? ({} as P);
      let resolved: Promise<Actor | null> | undefined;
      const optionalActor = () => (resolved ??= deps.resolveActor(req, deps.db));
      const url = new URL(req.url);
      const result = await handler({
        req,
        url,
        params,
        db: deps.db,
        optionalActor,
        actor: async () => {
          const actor = await optionalActor();
          if (!actor) throw new AppError("unauthenticated", "Sign in first.");
          return actor;
        },
        body: (schema, maxBytes) => parseJsonBody(req, schema, maxBytes),
        query: (schema) => parseQuery(url, schema),
      });
      if (result === undefined) return new Response(null, { status: 204 });
      if (result instanceof Response) return result; // a download: the handler made the answer itself
      const headers = { "Content-Type": options.contentType ?? "application/json" };
      return new Response(JSON.stringify(result), { status: options.status ?? 200, headers });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

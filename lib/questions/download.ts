import "server-only";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { actorFromRequest } from "@/lib/auth/session";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { errorResponse } from "@/lib/http/errors";
import type { RouteContext, RouteDeps } from "@/lib/http/route";
import { attachmentHeader } from "@/lib/questions/csv";
import type { CsvFile } from "@/lib/questions/export";

/**
 * A route handler that answers a CSV download: the same dependencies, session and
 * error mapping as `route()` (lib/http/route.ts), which always answers JSON. Errors
 * stay `{"error":{"code","message"}}` with their status.
 */
export function csvDownload<P>(handler: (args: { db: PrismaClient; params: P; actor: () => Promise<Actor> }) => Promise<CsvFile>) {
  return async function handle(req: Request, context: RouteContext<P>): Promise<Response> {
    try {
      const deps: RouteDeps = { db: prisma, resolveActor: actorFromRequest, ...context?.deps };
      const params = (await context?.params) ?? ({} as P);
      const file = await handler({
        db: deps.db,
        params,
        actor: async () => {
          const actor = await deps.resolveActor(req, deps.db);
          if (!actor) throw new AppError("unauthenticated", "Sign in first.");
          return actor;
        },
      });
      return new Response(file.csv, {
        status: 200,
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": attachmentHeader(file.filename),
          "Cache-Control": "private, no-store",
          "X-Content-Type-Options": "nosniff",
        },
      });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

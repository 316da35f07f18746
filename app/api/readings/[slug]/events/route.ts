// GET /api/readings/[slug]/events?seminar=… – live events of a reading (text/event-stream):
// notes, replies, links and questions as I may see them, presence, my notifications;
// Last-Event-ID replays
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/errors";
import { parseQuery } from "@/lib/http/input";
import { actorFromRequest } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import type { RouteContext, RouteDeps } from "@/lib/http/route";
import { parseEventId } from "@/lib/realtime/sse";
import { defaultLiveDeps, eventsQuery, openReadingEvents, type LiveDeps } from "@/lib/realtime/service";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** As every handler's context, plus the realtime dependencies tests pass. */
type Context = RouteContext<{ slug: string }> & { live?: Partial<LiveDeps> };

// A stream, not a JSON answer, so this handler does by hand what `route()` does:
// resolve the session, parse the query, map errors in one place.
export async function GET(req: Request, context: Context): Promise<Response> {
  try {
    const deps: RouteDeps = { db: prisma, resolveActor: actorFromRequest, ...context.deps };
    const { slug } = await context.params;
    const query = parseQuery(new URL(req.url), eventsQuery);
    const actor = await deps.resolveActor(req, deps.db);
    if (!actor) throw new AppError("unauthenticated", "Sign in first.");
    const stream = await openReadingEvents(
      deps.db,
      actor,
      slug,
      {
        seminarId: query.seminar,
        lastEventId: parseEventId(req.headers.get("last-event-id") ?? query.lastEventId),
        signal: req.signal,
        reauthenticate: () => deps.resolveActor(req, deps.db),
      },
      { ...defaultLiveDeps(), ...context.live },
    );
    return new Response(stream, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        // no-transform: compression would hold small frames back in its buffer.
        "Cache-Control": "no-cache, no-store, no-transform",
        "X-Accel-Buffering": "no",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

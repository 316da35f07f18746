import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { findDocumentId, type Db } from "@/lib/annotations/repo";
import { getBus, type EventBus } from "@/lib/realtime/bus";
import { createEventLoads, type EventLoads } from "@/lib/realtime/deliver";
import { getPresence, type PresenceHub } from "@/lib/realtime/presence";
import { openEventStream, type EndReason, type Timers } from "@/lib/realtime/stream";
import { findViewer, requireMembership } from "@/lib/seminars/membership";

/** Query of GET /api/readings/[slug]/events (unknown parameters, e.g. cache busters, are ignored). */
export const eventsQuery = z.object({
  seminar: z.string().min(1).max(100),
  /** For EventSource polyfills that cannot send the Last-Event-ID header. */
  lastEventId: z.string().max(32).optional(),
});

/** What a stream runs on; route handlers use the process-wide defaults, tests their own. */
export type LiveDeps = {
  bus: EventBus;
  presence: PresenceHub;
  /** Shared per-event loads (default: one set per database client). */
  loads?: EventLoads;
  timers?: Timers;
  heartbeatMs?: number;
  recheckMs?: number;
};

export function defaultLiveDeps(): LiveDeps {
  return { bus: getBus(), presence: getPresence() };
}

const loadsByDb = new WeakMap<object, EventLoads>();
function loadsFor(db: Db): EventLoads {
  let loads = loadsByDb.get(db);
  if (!loads) loadsByDb.set(db, (loads = createEventLoads(db)));
  return loads;
}

/**
 * Opens the live stream of a reading in a seminar for a member (404 for anyone else,
 * as the notes list answers). `reauthenticate` resolves the request's session again:
 * it runs every `recheckMs`, and a session gone, changed, or no longer a member of
 * the seminar ends the stream.
 */
export async function openReadingEvents(
  db: Db,
  actor: Actor,
  slug: string,
  options: {
    seminarId: string;
    lastEventId: number | null;
    signal?: AbortSignal;
    reauthenticate: () => Promise<Actor | null>;
  },
  deps: LiveDeps,
): Promise<ReadableStream<Uint8Array>> {
  await requireMembership(db, actor, options.seminarId);
  const document = await findDocumentId(db, slug);
  if (!document) throw new AppError("not_found", `No reading called "${slug}".`);
  const recheck = async (): Promise<EndReason | null> => {
    const current = await options.reauthenticate();
    if (!current || current.id !== actor.id) return "signed-out";
    return (await findViewer(db, current, options.seminarId)) ? null : "removed";
  };
  return openEventStream({
    db,
    bus: deps.bus,
    presence: deps.presence,
    loads: deps.loads ?? loadsFor(db),
    subscriber: { actor, seminarId: options.seminarId, documentId: document.id },
    lastEventId: options.lastEventId,
    recheck,
    signal: options.signal,
    timers: deps.timers,
    heartbeatMs: deps.heartbeatMs,
    recheckMs: deps.recheckMs,
  });
}

/** The bus's position now: a page that renders notes hands it to the client, which
 * starts its stream there (`lastEventId`), so nothing between render and connect is lost. */
export function currentEventCursor(bus: EventBus = getBus()): number {
  return bus.latestId();
}

import "server-only";
import type { Db } from "@/lib/annotations/repo";
import type { EventBus } from "@/lib/realtime/bus";
import { deliver as defaultDeliver, type Delivery, type EventLoads, type Subscriber } from "@/lib/realtime/deliver";
import type { EventFilter, RealtimeEvent } from "@/lib/realtime/events";
import { PresenceHub } from "@/lib/realtime/presence";
import { formatComment, formatEvent, formatRetry } from "@/lib/realtime/sse";

/** Timer functions (tests pass counting ones to check that a closed stream frees them). */
export type Timers = {
  setInterval: (run: () => void, ms: number) => unknown;
  clearInterval: (handle: unknown) => void;
};

const nodeTimers: Timers = {
  setInterval: (run, ms) => {
    const handle = setInterval(run, ms);
    handle.unref?.(); // an open stream must not keep a process (or a test run) alive
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

/** Why a stream ended on the server's side (sent as `event: end` before closing). */
export type EndReason = "signed-out" | "removed";

export type StreamOptions = {
  db: Db;
  bus: EventBus;
  presence: PresenceHub;
  loads: EventLoads;
  subscriber: Subscriber;
  /** The client's Last-Event-ID: replay what came after it. Null: from now on. */
  lastEventId: number | null;
  /** Re-checks the session and membership; a reason closes the stream. */
  recheck: () => Promise<EndReason | null>;
  /** Aborted when the client goes away. */
  signal?: AbortSignal;
  heartbeatMs?: number;
  recheckMs?: number;
  retryMs?: number;
  timers?: Timers;
  deliver?: (context: { db: Db; event: RealtimeEvent; subscriber: Subscriber; loads: EventLoads }) => Promise<Delivery>;
};

const encoder = new TextEncoder();
/** Bytes a stream may hold for a client that does not read before it is closed. */
const MAX_QUEUED_BYTES = 1024 * 1024;

/**
 * One client's event stream on a reading: replays what it missed, then forwards live
 * events as that person may see them, in id order, each once; keeps presence; sends a
 * heartbeat; re-checks the session. Closing (client abort, stream cancel, or the
 * server ending it) unsubscribes, leaves presence and clears every timer.
 */
export function openEventStream(options: StreamOptions): ReadableStream<Uint8Array> {
  const { bus, subscriber } = options;
  const timers = options.timers ?? nodeTimers;
  const resolve = options.deliver ?? defaultDeliver;
  const filters: EventFilter[] = [
    { seminarId: subscriber.seminarId, documentId: subscriber.documentId },
    { recipientId: subscriber.actor.id },
  ];

  let controller: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  const pending: RealtimeEvent[] = [];
  let pumping = false;
  /** Every matching event up to here has been handled (sent or found not for them). */
  let cursor = options.lastEventId ?? bus.latestId();
  let written = cursor; // the last id the client has been told
  const cleanups: (() => void)[] = [];

  const write = (text: string) => {
    if (closed) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      return close(); // the consumer is gone
    }
    // A client that stopped reading: drop it rather than queue without end; it
    // reconnects with its Last-Event-ID and the replay catches it up.
    if ((controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) close();
  };

  const close = () => {
    if (closed) return;
    closed = true;
    pending.length = 0;
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        cleanup();
      } catch (error) {
        console.error("parallax: closing an event stream", error);
      }
    }
    try {
      controller.close();
    } catch {
      // already closed or cancelled
    }
  };

  const end = (reason: EndReason) => {
    write(formatEvent({ event: "end", data: { reason } }));
    close();
  };

  const pump = async () => {
    if (pumping) return;
    pumping = true;
    try {
      while (!closed && pending.length > 0) {
        const event = pending.shift()!;
        if (event.id <= cursor) continue; // replay and live overlap: each event once
        let delivery: Delivery;
        try {
          delivery = await resolve({ db: options.db, event, subscriber, loads: options.loads });
        } catch (error) {
          console.error(`parallax: could not resolve ${event.type} for a subscriber`, error);
          delivery = { kind: "skip" };
        }
        if (closed) return;
        cursor = Math.max(cursor, event.id);
        if (delivery.kind === "revoked") return end("removed");
        if (delivery.kind === "send") {
          write(formatEvent({ id: event.id, event: delivery.event, data: { ...delivery.data, id: String(event.id) } }));
          written = event.id;
        }
      }
    } finally {
      pumping = false;
    }
  };

  const enqueue = (events: RealtimeEvent[]) => {
    pending.push(...events);
    void pump();
  };

  const start = (c: ReadableStreamDefaultController<Uint8Array>) => {
    controller = c;
    write(formatRetry(options.retryMs ?? 3000) + formatComment("connected"));
    if (options.signal?.aborted) return close();
    const onAbort = () => close();
    options.signal?.addEventListener("abort", onAbort, { once: true });
    cleanups.push(() => options.signal?.removeEventListener("abort", onAbort));

    // Subscribe before reading the history, so nothing published in between is lost;
    // the cursor drops what both hand over.
    const live: RealtimeEvent[] = [];
    let replayed = false;
    cleanups.push(bus.subscribe(filters, (event) => (replayed ? enqueue([event]) : live.push(event))));
    if (options.lastEventId !== null) {
      const missed = bus.since(options.lastEventId, filters);
      if (missed === null) {
        // Too old (or from before a restart): the client reloads instead of missing events.
        cursor = written = bus.latestId();
        write(formatEvent({ id: cursor, event: "reset", data: { type: "reset" } }));
      } else pending.push(...missed);
    }
    replayed = true;
    enqueue(live.sort((a, b) => a.id - b.id));

    const room = PresenceHub.room(subscriber.seminarId, subscriber.documentId);
    const person = { id: subscriber.actor.id, name: subscriber.actor.name };
    cleanups.push(
      options.presence.join(room, person, (people) =>
        write(formatEvent({ event: "presence", data: { type: "presence", people, names: people.map((p) => p.name) } })),
      ),
    );

    const heartbeat = timers.setInterval(() => {
      // When idle, every event the bus has handed over (`latestId`) has been handled:
      // moving the client's Last-Event-ID there keeps a later replay short and gap-free.
      if (!pumping && pending.length === 0) cursor = Math.max(cursor, bus.latestId());
      const advance = cursor > written ? cursor : undefined;
      write(formatComment("ping", advance));
      if (advance !== undefined) written = advance;
    }, options.heartbeatMs ?? 15_000);
    cleanups.push(() => timers.clearInterval(heartbeat));

    let checking = false;
    const recheck = timers.setInterval(() => {
      if (checking || closed) return;
      checking = true;
      options
        .recheck()
        .then((reason) => reason && end(reason))
        .catch((error) => console.error("parallax: re-checking an event stream's session", error))
        .finally(() => (checking = false));
    }, options.recheckMs ?? 30_000);
    cleanups.push(() => timers.clearInterval(recheck));
  };

  return new ReadableStream<Uint8Array>(
    { start, cancel: () => close() },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}

import type { EventFilter, EventInput, RealtimeEvent } from "@/lib/realtime/events";
import { MemoryBus } from "@/lib/realtime/memory-bus";

export type { EventFilter, EventInput, RealtimeEvent } from "@/lib/realtime/events";

/** Called with each published event that matches a subscription's filters, in id order. */
export type EventListener = (event: RealtimeEvent) => void;

/**
 * The realtime bus: services publish what changed, streams subscribe. The in-process
 * `MemoryBus` serves one server; a multi-server deployment swaps in one on Redis or
 * NATS (`setBus`) without touching the services or the streams.
 *
 * Contract an implementation keeps:
 * - ids increase strictly, also across restarts (the memory bus starts from the clock),
 *   so a client's Last-Event-ID from before a restart never hides a new event;
 * - listeners of one subscription see events in id order, each once;
 * - `since` answers every retained event after an id, or null when it cannot promise
 *   completeness (the id is older than the history kept, or unknown to this bus):
 *   the stream then tells the client to reload instead of silently losing events.
 */
export interface EventBus {
  /** Stamps the event with the next id and hands it to every matching listener. */
  publish(event: EventInput): RealtimeEvent;
  /** Listens to matching events from now on; returns the function that stops it. */
  subscribe(filters: readonly EventFilter[], listener: EventListener): () => void;
  /** Matching events with an id above `lastEventId`, oldest first; null: a gap. */
  since(lastEventId: number, filters: readonly EventFilter[]): RealtimeEvent[] | null;
  /** The id of the newest event this bus has handed to its listeners (its starting id before any). */
  latestId(): number;
  /** Subscriptions currently open (tests and the bench check that streams clean up). */
  listenerCount(): number;
}

const globalForBus = globalThis as unknown as { parallaxEventBus?: EventBus };

/**
 * The process-wide bus. Kept on globalThis: Next may load this module once per route
 * bundle, and every copy must publish to and read from the same bus.
 */
export function getBus(): EventBus {
  return (globalForBus.parallaxEventBus ??= new MemoryBus());
}

/** Replaces the process-wide bus (a multi-server implementation, at start-up). */
export function setBus(bus: EventBus): void {
  globalForBus.parallaxEventBus = bus;
}

import type { EventBus, EventListener } from "@/lib/realtime/bus";
import { matchesAny, type EventFilter, type EventInput, type RealtimeEvent } from "@/lib/realtime/events";

export type MemoryBusOptions = {
  /** Events kept for replay, at most (default 10,000). */
  maxEvents?: number;
  /** Events kept for replay are at most this old (default 5 minutes). */
  maxAgeMs?: number;
  /** The clock (tests pass their own). */
  now?: () => number;
  /**
   * The id before the first event. Default: the clock in microseconds, so ids keep
   * increasing across restarts (below 2^53 until the year 2255).
   */
  firstId?: number;
};

type Subscription = { filters: readonly EventFilter[]; listener: EventListener };

/**
 * The in-process bus: synchronous fan-out to listeners and a bounded history (a ring
 * of the last `maxEvents`, none older than `maxAgeMs`) for Last-Event-ID replay.
 * Memory stays bounded however busy the server is.
 */
export class MemoryBus implements EventBus {
  private readonly maxEvents: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private readonly ring: (RealtimeEvent | undefined)[];
  private head = 0; // index of the oldest retained event
  private size = 0;
  private lastId: number;
  /** Every id up to this one has left the history (or came before this bus). */
  private forgottenUpTo: number;
  private readonly subscriptions = new Set<Subscription>();

  constructor(options: MemoryBusOptions = {}) {
    this.maxEvents = options.maxEvents ?? 10_000;
    this.maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
    this.ring = new Array(this.maxEvents);
    this.lastId = options.firstId ?? this.now() * 1000;
    this.forgottenUpTo = this.lastId;
  }

  publish(input: EventInput): RealtimeEvent {
    const at = this.now();
    // Strictly increasing, and ahead of the clock-based start after a restart.
    this.lastId = Math.max(this.lastId + 1, Math.floor(at * 1000));
    const event: RealtimeEvent = { ...input, id: this.lastId, at };
    this.expire(at);
    if (this.size === this.maxEvents) this.dropOldest();
    this.ring[(this.head + this.size) % this.maxEvents] = event;
    this.size++;
    for (const subscription of [...this.subscriptions]) {
      if (!this.subscriptions.has(subscription) || !matchesAny(event, subscription.filters)) continue;
      try {
        subscription.listener(event);
      } catch (error) {
        console.error("parallax: a realtime listener failed", error);
      }
    }
    return event;
  }

  subscribe(filters: readonly EventFilter[], listener: EventListener): () => void {
    const subscription: Subscription = { filters, listener };
    this.subscriptions.add(subscription);
    return () => {
      this.subscriptions.delete(subscription);
    };
  }

  since(lastEventId: number, filters: readonly EventFilter[]): RealtimeEvent[] | null {
    this.expire(this.now());
    if (lastEventId < this.forgottenUpTo || lastEventId > this.lastId) return null;
    const found: RealtimeEvent[] = [];
    for (let i = 0; i < this.size; i++) {
      const event = this.ring[(this.head + i) % this.maxEvents]!;
      if (event.id > lastEventId && matchesAny(event, filters)) found.push(event);
    }
    return found;
  }

  latestId(): number {
    return this.lastId;
  }

  listenerCount(): number {
    return this.subscriptions.size;
  }

  private expire(now: number): void {
    while (this.size > 0 && now - this.ring[this.head]!.at > this.maxAgeMs) this.dropOldest();
  }

  private dropOldest(): void {
    this.forgottenUpTo = this.ring[this.head]!.id;
    this.ring[this.head] = undefined;
    this.head = (this.head + 1) % this.maxEvents;
    this.size--;
  }
}

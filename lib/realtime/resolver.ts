import type { Actor } from "@/lib/auth/actor";
import type { Db, NoteRecord, ReplyRow } from "@/lib/annotations/repo";
import type { RealtimeEvent } from "@/lib/realtime/events";
import type { Role, Viewer } from "@/lib/seminars/schema";

/**
 * What every event resolver works with: the subscriber, the loads shared by all
 * subscribers of one event, and what a resolver answers. The resolvers themselves are
 * registered in lib/realtime/deliver.ts.
 */

/** Someone listening on a reading in a seminar. */
export type Subscriber = { actor: Actor; seminarId: string; documentId: string };

/** What to do with one event for one subscriber. */
export type Delivery =
  | { kind: "send"; event: string; data: Record<string, unknown> }
  | { kind: "skip" }
  /** The subscriber is no longer a member of the seminar: the stream closes. */
  | { kind: "revoked" };

export const SKIP: Delivery = { kind: "skip" };
export const REVOKED: Delivery = { kind: "revoked" };

/** Loads shared by all subscribers of one event (each event gets fresh ones). */
export type EventLoads = {
  /** The seminar's members and their roles when the event is first resolved. */
  members(event: RealtimeEvent): Promise<Map<string, string>>;
  /** The event's note (null: gone) with every reply, whoever may see them. */
  note(event: RealtimeEvent): Promise<{ note: NoteRecord | null; replies: ReplyRow[] }>;
  /** Any other load, once per event and key (link and question resolvers). */
  memo<T>(event: RealtimeEvent, key: string, load: () => Promise<T>): Promise<T>;
};

export type ResolverContext = { db: Db; event: RealtimeEvent; subscriber: Subscriber; loads: EventLoads };
/** Turns one event into one subscriber's delivery. Must read through the domain's permission rules. */
export type EventResolver = (context: ResolverContext) => Promise<Delivery>;

/** The subscriber's place in the event's seminar now; null when they are no longer a member. */
export async function memberViewer({ event, subscriber, loads }: ResolverContext): Promise<Viewer | null> {
  const role = (await loads.members(event)).get(subscriber.actor.id) as Role | undefined;
  return role ? { userId: subscriber.actor.id, role } : null;
}

/** Sends a frame named `event`, with `type: event` in its data (the stream adds the id). */
export function send(event: string, data: Record<string, unknown>): Delivery {
  return { kind: "send", event, data: { type: event, ...data } };
}

import type { NoteFacts, ReplyFacts } from "@/lib/annotations/permissions";

/**
 * What the realtime bus carries: pointers to items that changed, never their content.
 * A stream turns each event into what one subscriber may see by reading the item
 * through its service (lib/realtime/deliver.ts), so an event cannot leak anything.
 */

/** Note and reply changes (emitted by lib/annotations/service.ts and replies.ts). */
export const annotationEventTypes = [
  "note.created",
  "note.updated",
  "note.hidden",
  "note.unhidden",
  "note.deleted",
  "reply.created",
  "reply.updated",
  "reply.hidden",
  "reply.unhidden",
  "reply.deleted",
] as const;
export type AnnotationEventType = (typeof annotationEventTypes)[number];

/**
 * Every kind of event. Links and guided questions publish `link.*` and `question.*`
 * (e.g. "link.created", "question.answered") through the same `publish`; a stream
 * delivers them once their domain registers a resolver (lib/realtime/deliver.ts).
 * `notification.created` is addressed to one person (`recipientId`).
 */
export type EventType = AnnotationEventType | `link.${string}` | `question.${string}` | "notification.created";

/**
 * How an item looked to the permission rules just before the write. Server-side only:
 * it lets a stream tell "was visible, now is not" (send a removal) from "never was"
 * (send nothing), using the same `canSeeNote`/`canSeeReply`. Never sent to a client.
 */
export type BeforeFacts = { note?: NoteFacts; reply?: ReplyFacts };

/** An event as a service hands it to `publish` (the bus adds `id` and `at`). */
export type EventInput = {
  type: EventType;
  /** The seminar the item lives in. */
  seminarId: string;
  /** The reading it sits on (null: seminar-wide, e.g. a question on several readings). */
  documentId: string | null;
  readingSlug: string | null;
  /** The item that changed: a note, reply, link, question or answer id. */
  itemId: string;
  /** The note whose thread holds the item (replies), when there is one. */
  noteId?: string;
  /** Who made the change (never sent; used to skip notifying them). */
  actorId: string;
  /** For events addressed to one person (notification.created). */
  recipientId?: string;
  before?: BeforeFacts;
};

/** An event on the bus: ids increase strictly within a bus; `at` is ms since the epoch. */
export type RealtimeEvent = EventInput & { id: number; at: number };

/**
 * What a subscriber listens to. An event matches a room filter when its seminar (and,
 * when given, its reading) are the filter's; it matches a person filter when it is
 * addressed to them. A list of filters matches when any does. Each filter maps onto
 * one channel of a multi-server bus ("seminar:S:reading:D", "user:U").
 */
export type EventFilter = { seminarId: string; documentId?: string } | { recipientId: string };

/** Does the event match one of the filters? */
export function matchesAny(event: EventInput, filters: readonly EventFilter[]): boolean {
  return filters.some((filter) => {
    if ("recipientId" in filter) return event.recipientId === filter.recipientId;
    if (event.recipientId !== undefined) return false; // personal events go to their person only
    if (event.seminarId !== filter.seminarId) return false;
    return filter.documentId === undefined || event.documentId === null || event.documentId === filter.documentId;
  });
}

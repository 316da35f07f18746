import type { NoteFacts, ReplyFacts } from "@/lib/annotations/permissions";
import type { LinkFacts } from "@/lib/links/permissions";

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

/** Link changes and changes in a link's thread (emitted by lib/links/service.ts and replies.ts). */
export const linkEventTypes = [
  "link.created",
  "link.updated",
  "link.hidden",
  "link.unhidden",
  "link.deleted",
  "link.reply.created",
  "link.reply.updated",
  "link.reply.hidden",
  "link.reply.unhidden",
  "link.reply.deleted",
] as const;
export type LinkEventType = (typeof linkEventTypes)[number];

/** Guided questions and their answers (emitted by lib/questions/service.ts and answers.ts). */
export const questionEventTypes = [
  "question.created",
  "question.updated",
  "question.closed",
  "question.reopened",
  "question.deleted",
  "question.answer.created",
  "question.answer.updated",
] as const;
export type QuestionEventType = (typeof questionEventTypes)[number];

/** A reading got a new version (emitted by lib/revisions/service.ts, once per seminar reading it). */
export const readingEventTypes = ["reading.revised"] as const;
export type ReadingEventType = (typeof readingEventTypes)[number];

/**
 * Every kind of event. Each prefix ("note", "reply", "link", "question", "reading") has a
 * resolver in lib/realtime/deliver.ts that turns the event into what one subscriber
 * may see. `notification.created` is addressed to one person (`recipientId`).
 */
export type EventType = AnnotationEventType | LinkEventType | QuestionEventType | ReadingEventType | "notification.created";

/**
 * How an item looked to the permission rules just before the write. Server-side only:
 * it lets a stream tell "was visible, now is not" (send a removal) from "never was"
 * (send nothing), using the same `canSeeNote`/`canSeeReply`/`canSeeLink`. Never sent
 * to a client. A link reply's facts go in `reply`.
 */
export type BeforeFacts = { note?: NoteFacts; reply?: ReplyFacts; link?: LinkFacts };

/** An event as a service hands it to `publish` (the bus adds `id` and `at`). */
export type EventInput = {
  type: EventType;
  /** The seminar the item lives in. */
  seminarId: string;
  /** The reading it sits on (null: seminar-wide). */
  documentId: string | null;
  /**
   * Every reading the item touches when there are several (a link's two ends, a
   * question's passages, before and after an edit): the event reaches each one's stream.
   */
  documentIds?: string[];
  readingSlug: string | null;
  /** The item that changed: a note, reply, link, link reply, question or answer id. */
  itemId: string;
  /** The note whose thread holds the item (replies), when there is one. */
  noteId?: string;
  /** The link whose thread holds the item (link replies). */
  linkId?: string;
  /** The question the item answers (answers). */
  questionId?: string;
  /** The new version's number (reading.revised). */
  version?: number;
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
 * when given, its reading or one of its `documentIds`) are the filter's; it matches a
 * person filter when it is addressed to them. A list of filters matches when any
 * does. Each filter maps onto one channel of a multi-server bus ("seminar:S:reading:D",
 * "user:U"); an event with several readings goes to each of their channels.
 */
export type EventFilter = { seminarId: string; documentId?: string } | { recipientId: string };

/** Does the event match one of the filters? */
export function matchesAny(event: EventInput, filters: readonly EventFilter[]): boolean {
  return filters.some((filter) => {
    if ("recipientId" in filter) return event.recipientId === filter.recipientId;
    if (event.recipientId !== undefined) return false; // personal events go to their person only
    if (event.seminarId !== filter.seminarId) return false;
    if (filter.documentId === undefined || event.documentId === null || event.documentId === filter.documentId) return true;
    return event.documentIds?.includes(filter.documentId) ?? false;
  });
}

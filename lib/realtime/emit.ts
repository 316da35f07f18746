import "server-only";
import type { Db, NoteRecord, ReplyRow } from "@/lib/annotations/repo";
import { noteFacts, replyFacts } from "@/lib/annotations/view";
import { getBus, type EventBus } from "@/lib/realtime/bus";
import type { AnnotationEventType, EventInput, RealtimeEvent } from "@/lib/realtime/events";

/**
 * The `events` dependency of the annotation, link and question services: after each
 * successful write a service calls `emit` once. It publishes the event on the bus
 * (live readers see it) and then creates the notifications it calls for (replies,
 * mentions). It never throws: a failure here is logged and the write still succeeds.
 * `bus` is the bus it publishes on (unset: the process-wide one), for a service that
 * notifies by itself (`notify` in lib/notifications).
 */
export type LiveEvents = { emit(db: Db, event: EventInput): Promise<void>; readonly bus?: EventBus };

/** What runs after an event is published; notifications by default. */
export type AfterPublish = (db: Db, event: RealtimeEvent, bus: EventBus) => Promise<void>;

/** The notifications an annotation event calls for (loaded lazily: notifications read notes). */
const notifyAfter: AfterPublish = async (db, event, bus) => {
  const { notifyForEvent } = await import("@/lib/notifications/service");
  await notifyForEvent(db, event, { bus });
};

/**
 * Builds an `events` dependency. Tests pass their own bus (and `after: null` to skip
 * notifications); the default publishes on the process-wide bus.
 */
export function createLiveEvents(options: { bus?: EventBus; after?: AfterPublish | null } = {}): LiveEvents {
  const after = options.after === undefined ? notifyAfter : options.after;
  return {
    bus: options.bus,
    async emit(db, input) {
      const bus = options.bus ?? getBus();
      try {
        const event = bus.publish(input);
        if (after) await after(db, event, bus);
      } catch (error) {
        console.error(`parallax: after a successful write, ${input.type} could not be fully handled`, error);
      }
    },
  };
}

/** The default: the process-wide bus, with notifications. */
export const liveEvents: LiveEvents = createLiveEvents();

/**
 * An event about a note. `note` is the row as it was before the write (or as created):
 * its permission facts let streams tell a now-invisible note from one never seen.
 */
export function noteEvent(type: AnnotationEventType, actorId: string, note: NoteRecord): EventInput {
  return {
    type,
    seminarId: note.seminarId,
    documentId: note.documentId,
    readingSlug: note.document.slug,
    itemId: note.id,
    noteId: note.id,
    actorId,
    before: { note: noteFacts(note) },
  };
}

/** An event about a reply in `note`'s thread; both rows as before the write (or as created). */
export function replyEvent(type: AnnotationEventType, actorId: string, note: NoteRecord, reply: ReplyRow): EventInput {
  return { ...noteEvent(type, actorId, note), itemId: reply.id, before: { note: noteFacts(note), reply: replyFacts(reply) } };
}

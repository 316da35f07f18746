import "server-only";
import { canSeeNote, canSeeReply } from "@/lib/annotations/permissions";
import { findNote, listReplies, type Db } from "@/lib/annotations/repo";
import { flattenThread } from "@/lib/annotations/thread";
import { noteView } from "@/lib/annotations/view";
import type { RealtimeEvent } from "@/lib/realtime/events";
import { seminarRoles } from "@/lib/realtime/repo";
import { resolveLinkEvent } from "@/lib/realtime/resolve-links";
import { resolveQuestionEvent } from "@/lib/realtime/resolve-questions";
import { memberViewer, REVOKED, send, SKIP, type Delivery, type EventLoads, type EventResolver, type ResolverContext } from "@/lib/realtime/resolver";

/**
 * Turning a bus event into what one subscriber may see. For notes and replies this is
 * exactly `getNote(db, subscriber, noteId)`: the same loads (`findNote`, the seminar
 * roles, `listReplies`) and the same view function (`noteView`, which applies
 * `canSeeNote` to the note and `canSeeReply` to every reply), with the loads shared by
 * all subscribers of one event, so fifty readers cost one read, not fifty
 * (tests/integration/realtime-stream.test.ts checks the result equals `getNote`).
 * Links (resolve-links.ts) and questions (resolve-questions.ts) work the same way
 * through their own view and rules (tests/integration/realtime-links-questions.test.ts).
 */

export type { Delivery, EventLoads, EventResolver, ResolverContext, Subscriber } from "@/lib/realtime/resolver";
export { SKIP } from "@/lib/realtime/resolver";

/**
 * Per-event memo of loads: entries live `ttlMs` (long enough for every subscriber of
 * an event to resolve it) and at most `maxEntries` are kept, oldest dropped first.
 */
export function createEventLoads(db: Db, options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}): EventLoads {
  const ttlMs = options.ttlMs ?? 10_000;
  const maxEntries = options.maxEntries ?? 500;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { at: number; value: Promise<unknown> }>();
  const memo = <T>(event: RealtimeEvent, key: string, load: () => Promise<T>): Promise<T> => {
    const at = now();
    for (const [k, entry] of cache) {
      if (at - entry.at <= ttlMs && cache.size <= maxEntries) break;
      cache.delete(k);
    }
    const id = `${event.id}:${key}`;
    const hit = cache.get(id);
    if (hit) return hit.value as Promise<T>;
    const value = load();
    cache.set(id, { at, value });
    value.catch(() => cache.delete(id)); // a failed load is retried by the next subscriber
    return value;
  };
  return {
    memo,
    members: (event) => memo(event, "members", () => seminarRoles(db, event.seminarId)),
    note: (event) =>
      memo(event, "note", async () => {
        const noteId = event.noteId ?? event.itemId;
        const note = await findNote(db, noteId);
        return { note, replies: note ? await listReplies(db, [noteId]) : [] };
      }),
  };
}

/** Note and reply events: the note as the subscriber may see it now, or its removal. */
const resolveAnnotation: EventResolver = async (context) => {
  const viewer = await memberViewer(context);
  if (!viewer) return REVOKED;
  const { event, loads } = context;
  const { note, replies } = await loads.note(event);
  // `members` maps every member to their role: the roles noteView shows authors with.
  const members = await loads.members(event);
  const view = note ? noteView(note, replies, members, viewer) : null;
  const noteId = event.noteId ?? event.itemId;
  const created = event.type.endsWith(".created");
  const before = created ? undefined : event.before;
  const sawNote = before?.note !== undefined && canSeeNote(before.note, viewer);
  if (!view) {
    // Gone from their view: tell them only if they could see it before this change.
    return sawNote ? send("note.removed", { cause: event.type, noteId }) : SKIP;
  }
  if (event.type.startsWith("note.")) return send(event.type, { noteId, note: view });

  const replyId = event.itemId;
  const readableNow = flattenThread(view.replies).some((reply) => reply.id === replyId && reply.placeholder === null);
  const readableBefore =
    sawNote && before?.reply !== undefined && !before.reply.deleted && canSeeReply(before.reply, viewer);
  if (!readableNow && !readableBefore) return SKIP; // a change to a reply they cannot read
  return send(event.type, { noteId, replyId, note: view });
};

/** A reading's new version: every member reading it is told, with the version's number. */
const resolveReadingEvent: EventResolver = async (context) => {
  const viewer = await memberViewer(context);
  if (!viewer) return REVOKED;
  const { event, subscriber } = context;
  return send(event.type, { version: event.version ?? null, mine: event.actorId === subscriber.actor.id });
};

/** Events addressed to one person (the bus filter already matched the recipient). */
const resolvePersonal: EventResolver = async ({ event, subscriber }) =>
  event.recipientId === subscriber.actor.id ? { kind: "send", event: "notification", data: { type: event.type } } : SKIP;

const globalForResolvers = globalThis as unknown as { parallaxEventResolvers?: Map<string, EventResolver> };
const resolvers = (globalForResolvers.parallaxEventResolvers ??= new Map<string, EventResolver>());
resolvers.set("note", resolveAnnotation);
resolvers.set("reply", resolveAnnotation);
resolvers.set("link", resolveLinkEvent);
resolvers.set("question", resolveQuestionEvent);
resolvers.set("reading", resolveReadingEvent);
resolvers.set("notification", resolvePersonal);

/**
 * Lets a domain deliver its events (`prefix`: the event type up to its first dot, e.g.
 * "link" for link.*). Its resolver must read the item through that domain's rules.
 * Events of a prefix without a resolver reach nobody (fail closed).
 */
export function registerEventResolver(prefix: string, resolver: EventResolver): void {
  resolvers.set(prefix, resolver);
}

/** One event for one subscriber. */
export function deliver(context: ResolverContext): Promise<Delivery> {
  const prefix = context.event.type.slice(0, context.event.type.indexOf("."));
  const resolver = resolvers.get(prefix);
  return resolver ? resolver(context) : Promise.resolve(SKIP);
}

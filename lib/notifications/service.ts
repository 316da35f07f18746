import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { findNote, findReply, listReplies, memberRoles, type Db } from "@/lib/annotations/repo";
import { getBus, type EventBus } from "@/lib/realtime/bus";
import type { RealtimeEvent } from "@/lib/realtime/events";
import type { Role, Viewer } from "@/lib/seminars/schema";
import { findMentions } from "@/lib/notifications/mentions";
import { findUsers, seminarMembers, storeNotifications, type NotificationInput } from "@/lib/notifications/repo";
import { kindRank, type NotificationKind, type SubjectType } from "@/lib/notifications/schema";
import { noteAs, readableReply } from "@/lib/notifications/visibility";

export { listMyNotifications, markNotificationsRead, registerNotificationSubject } from "@/lib/notifications/inbox";

/**
 * Creating notifications. Every candidate is checked the way the item's own service
 * reads it for them (`getNote` as the recipient for notes and replies; the domain's
 * rule for anything else): nobody hears about an item they may not see, and nobody
 * about their own writing. Each new notification is announced on the bus to its
 * recipient (`notification.created`), so an open stream refreshes their badge.
 */

type Candidates = Map<string, NotificationKind>;

function consider(candidates: Candidates, actorId: string, userId: string, kind: NotificationKind) {
  if (userId === actorId) return; // never about one's own writing
  const known = candidates.get(userId);
  if (known === undefined || kindRank(kind) > kindRank(known)) candidates.set(userId, kind);
}

/** The notifications an annotation event calls for (run by the default `events` after publishing). */
export async function notifyForEvent(db: Db, event: RealtimeEvent, options: { bus?: EventBus } = {}): Promise<void> {
  if (event.type === "reply.created" || event.type === "reply.updated") await notifyReply(db, event, options.bus);
  else if (event.type === "note.created" || event.type === "note.updated") await notifyNoteMentions(db, event, options.bus);
}

/**
 * A new reply: its note's author and the author of the reply it answers ("reply"),
 * everyone else who wrote in the thread ("thread"), and the members it mentions
 * ("mention"). An edited reply: only members newly mentioned.
 */
async function notifyReply(db: Db, event: RealtimeEvent, bus?: EventBus): Promise<void> {
  const reply = await findReply(db, event.itemId);
  if (!reply || reply.deletedAt) return;
  const note = await findNote(db, reply.noteId);
  if (!note) return;
  const candidates: Candidates = new Map();
  if (event.type === "reply.created") {
    const thread = await listReplies(db, [note.id]);
    for (const other of thread) if (other.id !== reply.id && !other.deletedAt) consider(candidates, event.actorId, other.authorId, "thread");
    if (!note.deletedAt) consider(candidates, event.actorId, note.authorId, "reply");
    const parent = thread.find((other) => other.id === reply.parentId);
    if (parent && !parent.deletedAt) consider(candidates, event.actorId, parent.authorId, "reply");
  }
  for (const id of findMentions(reply.bodyText ?? "", await seminarMembers(db, note.seminarId))) {
    consider(candidates, event.actorId, id, "mention");
  }
  await store(db, bus, candidates, {
    actorId: event.actorId,
    seminarId: note.seminarId,
    subjectType: "reply",
    subjectId: reply.id,
    noteId: note.id,
    readingSlug: note.document.slug,
    documentId: note.documentId,
    canSee: async (recipient) => {
      const view = await noteAs(db, recipient, note.id);
      return view !== null && readableReply(view, reply.id) !== null;
    },
  });
}

/** A note written or edited with @mentions: the members it names who may see it. */
async function notifyNoteMentions(db: Db, event: RealtimeEvent, bus?: EventBus): Promise<void> {
  const note = await findNote(db, event.itemId);
  if (!note || note.deletedAt || !note.bodyText?.includes("@")) return;
  const candidates: Candidates = new Map();
  for (const id of findMentions(note.bodyText, await seminarMembers(db, note.seminarId))) consider(candidates, event.actorId, id, "mention");
  await store(db, bus, candidates, {
    actorId: event.actorId,
    seminarId: note.seminarId,
    subjectType: "note",
    subjectId: note.id,
    noteId: note.id,
    readingSlug: note.document.slug,
    documentId: note.documentId,
    canSee: async (recipient) => {
      const view = await noteAs(db, recipient, note.id);
      return view !== null && !view.deleted;
    },
  });
}

type Target = Omit<NotificationInput, "recipientId" | "kind"> & {
  documentId: string | null;
  canSee: (recipient: Actor) => Promise<boolean>;
};

/** Checks each candidate, stores what is left, and tells each recipient's stream. */
async function store(db: Db, bus: EventBus | undefined, candidates: Candidates, target: Target): Promise<string[]> {
  if (candidates.size === 0) return [];
  const { canSee, documentId, ...pointer } = target;
  const inputs: NotificationInput[] = [];
  for (const recipient of await findUsers(db, [...candidates.keys()])) {
    if (await canSee(recipient)) inputs.push({ ...pointer, recipientId: recipient.id, kind: candidates.get(recipient.id)! });
  }
  const changed = await storeNotifications(db, inputs);
  const events = bus ?? getBus();
  for (const recipientId of changed) {
    events.publish({
      type: "notification.created",
      seminarId: target.seminarId,
      documentId,
      readingSlug: target.readingSlug,
      itemId: target.subjectId,
      actorId: target.actorId ?? "",
      recipientId,
    });
  }
  return changed;
}

/** What another domain asks for (a new guided question, an answer, a link). */
export type NotifyInput = {
  kind: NotificationKind;
  /** Who did it (never notified). */
  actorId: string;
  seminarId: string;
  subject: { type: SubjectType; id: string };
  /** Every member of the seminar, or these people (non-members are skipped). */
  recipients: "members" | string[];
  /** The reading and thread to open, when there are any. */
  readingSlug?: string | null;
  documentId?: string | null;
  noteId?: string | null;
  /** The domain's own read rule for one member (e.g. canSeeQuestion(question, viewer)). */
  canSee: (viewer: Viewer, recipient: Actor) => boolean | Promise<boolean>;
};

/**
 * Notifies members about an item of another domain, e.g. the questions service after
 * creating a question:
 * `await notify(db, { kind: "question", actorId: actor.id, seminarId, subject: { type: "question", id },
 *   recipients: "members", canSee: (viewer) => canSeeQuestion(facts, viewer) })`.
 * Returns who was notified. To show these in the inbox, register a subject resolver
 * (`registerNotificationSubject`); until then they are stored but not listed.
 */
export async function notify(db: Db, input: NotifyInput, options: { bus?: EventBus } = {}): Promise<{ notified: string[] }> {
  const ids = input.recipients === "members" ? (await seminarMembers(db, input.seminarId)).map((m) => m.id) : input.recipients;
  const candidates: Candidates = new Map();
  for (const id of ids) consider(candidates, input.actorId, id, input.kind);
  // Every candidate's role, in one read (those no longer members are absent).
  const roles = candidates.size === 0 ? new Map<string, string>() : await memberRoles(db, input.seminarId, [...candidates.keys()]);
  const notified = await store(db, options.bus, candidates, {
    actorId: input.actorId,
    seminarId: input.seminarId,
    subjectType: input.subject.type,
    subjectId: input.subject.id,
    noteId: input.noteId ?? null,
    readingSlug: input.readingSlug ?? null,
    documentId: input.documentId ?? null,
    canSee: async (recipient) => {
      const role = roles.get(recipient.id) as Role | undefined;
      return role !== undefined && (await input.canSee({ userId: recipient.id, role }, recipient));
    },
  });
  return { notified };
}

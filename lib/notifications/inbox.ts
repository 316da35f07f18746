import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/annotations/repo";
import type { NoteView } from "@/lib/annotations/schema";
import {
  listNotificationRows,
  markNotificationsRead as storeRead,
  readingTitles,
  type NotificationRow,
} from "@/lib/notifications/repo";
import { questionSubject } from "@/lib/notifications/questions";
import { readerHref } from "@/lib/passages/hrefs";
import type { ListNotificationsQuery, MarkReadInput, NotificationKind, NotificationList, NotificationView } from "@/lib/notifications/schema";
import { noteAs, readableReply } from "@/lib/notifications/visibility";

/**
 * The inbox. A notification stores only pointers; each is read again through the
 * item's service as its recipient may see it now, so an item hidden, made private or
 * deleted since drops out of the list and of the unread count (and comes back if it is
 * shown again). Content shown is the item's current text.
 */

/** Unread notifications checked for the count at most (the badge shows "99+"). */
const UNREAD_CAP = 100;
const EXCERPT_CHARS = 200;

/** What a subject resolver gives back for one notification its recipient may still see. */
export type ResolvedSubject = { excerpt: string; quote?: string | null; href: string; readingSlug?: string | null; actorName?: string | null };
/** Reads a notification's subject as its recipient may see it now; null when they may not. */
export type SubjectResolver = (db: Db, recipient: Actor, row: NotificationRow) => Promise<ResolvedSubject | null>;

type NoteCache = Map<string, Promise<NoteView | null>>;

function excerptOf(text: string | undefined | null): string {
  const flat = (text ?? "").replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS - 1).trimEnd()}…` : flat;
}

/** Notes and replies, through `getNote` as the recipient (one call per note and listing). */
function annotationResolver(cache: NoteCache): SubjectResolver {
  return async (db, recipient, row) => {
    if (!row.noteId) return null;
    let view = cache.get(row.noteId);
    if (!view) cache.set(row.noteId, (view = noteAs(db, recipient, row.noteId)));
    const note = await view;
    if (!note) return null;
    const href = readerHref(note.readingSlug, note.seminarId, note.id);
    if (row.subjectType === "note") {
      if (note.deleted) return null;
      return { excerpt: excerptOf(note.body?.text), quote: note.quote, href, readingSlug: note.readingSlug, actorName: note.author?.name };
    }
    const reply = readableReply(note, row.subjectId);
    if (!reply) return null;
    return { excerpt: excerptOf(reply.body?.text), quote: note.quote, href, readingSlug: note.readingSlug, actorName: reply.author?.name };
  };
}

const globalForSubjects = globalThis as unknown as { parallaxNotificationSubjects?: Map<string, SubjectResolver> };
const subjects = (globalForSubjects.parallaxNotificationSubjects ??= new Map<string, SubjectResolver>());

/**
 * Lets another domain show its notifications (e.g. "question"): the resolver reads
 * the item through its own service as the recipient and returns null when they may
 * not see it. Subjects without a resolver are not listed (fail closed).
 */
export function registerNotificationSubject(type: string, resolver: SubjectResolver): void {
  subjects.set(type, resolver);
}

registerNotificationSubject("question", questionSubject);

const titles: Record<NotificationKind, string> = {
  mention: "mentioned you",
  reply: "replied to you",
  thread: "replied in a thread you are in",
  question: "asked a new question",
};

async function resolveRows(db: Db, actor: Actor, rows: NotificationRow[], cache: NoteCache) {
  const annotations = annotationResolver(cache);
  const resolved = await Promise.all(
    rows.map(async (row) => {
      const resolver = row.subjectType === "note" || row.subjectType === "reply" ? annotations : subjects.get(row.subjectType);
      const subject = resolver ? await resolver(db, actor, row) : null;
      return subject ? { row, subject } : null;
    }),
  );
  return resolved.flatMap((item) => (item ? [item] : []));
}

/**
 * The actor's notifications, unread first, newest first within each (at most `limit`,
 * default 50; 0 gives only the count), and how many unread ones they may still see.
 */
export async function listMyNotifications(db: Db, actor: Actor, query: ListNotificationsQuery = {}): Promise<NotificationList> {
  const limit = query.limit ?? 50;
  const cache: NoteCache = new Map();
  const unread = await resolveRows(db, actor, await listNotificationRows(db, actor.id, false, UNREAD_CAP), cache);
  const shown = unread.slice(0, limit);
  if (shown.length < limit) {
    // A few more than needed: some may no longer be visible to the actor.
    const read = await listNotificationRows(db, actor.id, true, limit - shown.length + 20);
    shown.push(...(await resolveRows(db, actor, read, cache)).slice(0, limit - shown.length));
  }
  const slugs = shown.flatMap(({ subject, row }) => subject.readingSlug ?? row.readingSlug ?? []);
  const readingNames = slugs.length ? await readingTitles(db, slugs) : new Map<string, string>();
  const notifications = shown.map(({ row, subject }): NotificationView => {
    const slug = subject.readingSlug ?? row.readingSlug;
    const actorName = subject.actorName ?? row.actor?.name ?? null;
    const kind = row.kind as NotificationKind;
    return {
      id: row.id,
      kind,
      title: `${actorName ?? "Someone"} ${titles[kind] ?? "wrote something"}`,
      excerpt: subject.excerpt,
      quote: subject.quote ?? null,
      actor: actorName ? { name: actorName } : null,
      seminar: { id: row.seminar.id, name: row.seminar.name },
      reading: slug ? { slug, title: readingNames.get(slug) ?? slug } : null,
      href: subject.href,
      read: row.readAt !== null,
      createdAt: row.createdAt.toISOString(),
    };
  });
  return { notifications, unread: unread.length };
}

/** Marks some of the actor's notifications (or all) read; answers the new unread count. */
export async function markNotificationsRead(db: Db, actor: Actor, input: MarkReadInput): Promise<{ unread: number }> {
  await storeRead(db, actor.id, "all" in input ? null : input.ids);
  return { unread: (await listMyNotifications(db, actor, { limit: 0 })).unread };
}

import { z } from "zod";

/**
 * Why someone is notified, weakest first. One notification per person and item keeps
 * the strongest reason: a reply that answers you and mentions you is a mention.
 */
export const notificationKinds = ["question", "thread", "reply", "mention"] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** How strong a reason is (higher wins). */
export function kindRank(kind: string): number {
  return notificationKinds.indexOf(kind as NotificationKind);
}

/** What a notification points at. Notes and replies are resolved here; other domains register theirs. */
export type SubjectType = "note" | "reply" | "question" | "answer" | "link";

const id = z.string().min(1).max(100);

/** GET /api/notifications: `limit` 0 answers only the unread count (the header's badge). */
export const listNotificationsQuery = z
  .object({ limit: z.coerce.number().int().min(0).max(100).optional() })
  .strict();
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuery>;

/** POST /api/notifications/read: some notifications, or all of mine. */
export const markReadInput = z.union([
  z.object({ ids: z.array(id).min(1).max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type MarkReadInput = z.infer<typeof markReadInput>;

/** A notification as its recipient sees it, resolved now through the item's service. */
export type NotificationView = {
  id: string;
  kind: NotificationKind;
  /** "Ben Okafor replied to your note", built from the kind and the actor. */
  title: string;
  /** The start of the item's text as the recipient may read it now. */
  excerpt: string;
  /** The passage the thread is anchored to, when there is one. */
  quote: string | null;
  actor: { name: string } | null;
  seminar: { id: string; name: string };
  reading: { slug: string; title: string } | null;
  /** Where it opens: the passage and thread (`/read/<slug>?seminar=…&note=<id>`). */
  href: string;
  read: boolean;
  createdAt: string;
};

/** GET /api/notifications */
export type NotificationList = { notifications: NotificationView[]; unread: number };

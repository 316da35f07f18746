import type { AuthorView, BodyView, ReplyView } from "@/lib/annotations/schema";
import { canSeeReply, replyPermissions } from "@/lib/annotations/permissions";
import type { Viewer } from "@/lib/seminars/schema";

/** A stored reply with what a view needs (author resolved, body parsed). */
export type ReplyRecord = {
  id: string;
  noteId: string;
  parentId: string | null;
  authorId: string;
  author: AuthorView;
  body: BodyView | null;
  hidden: boolean;
  deleted: boolean;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
};

export type ThreadOrder = "oldest" | "newest";

/**
 * Builds the nested thread a viewer may see from a note's flat replies.
 * - Replies nest under `parentId`; one whose parent is missing hangs from the note.
 * - A deleted reply, or a hidden one the viewer may not read, is dropped, unless it
 *   has visible replies below it: then it stays as a placeholder without author or
 *   body, so the conversation under it keeps its shape.
 * - Siblings are sorted by creation time (`order`), ties by id, so output is stable.
 */
export function buildThread(records: ReplyRecord[], viewer: Viewer, noteOpen: boolean, order: ThreadOrder = "oldest"): ReplyView[] {
  const ids = new Set(records.map((r) => r.id));
  const children = new Map<string | null, ReplyRecord[]>();
  for (const record of records) {
    const parent = record.parentId && ids.has(record.parentId) && record.parentId !== record.id ? record.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), record]);
  }
  const seen = new Set<string>();
  const build = (parentId: string | null): ReplyView[] => {
    const nodes: ReplyView[] = [];
    for (const record of sortRecords(children.get(parentId) ?? [], order)) {
      if (seen.has(record.id)) continue; // a cycle in bad data must not loop forever
      seen.add(record.id);
      const below = build(record.id);
      const node = toView(record, below, viewer, noteOpen);
      if (node) nodes.push(node);
    }
    return nodes;
  };
  return build(null);
}

function toView(record: ReplyRecord, children: ReplyView[], viewer: Viewer, noteOpen: boolean): ReplyView | null {
  const readable = !record.deleted && canSeeReply(record, viewer);
  if (!readable && children.length === 0) return null;
  const base = {
    id: record.id,
    noteId: record.noteId,
    parentId: record.parentId,
    revision: record.revision,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    children,
  };
  if (!readable) {
    const none = { edit: false, delete: false, hide: false, reply: false };
    return { ...base, placeholder: record.deleted ? "deleted" : "hidden", hidden: false, author: null, body: null, permissions: none };
  }
  return {
    ...base,
    placeholder: null,
    hidden: record.hidden,
    author: record.author,
    body: record.body,
    permissions: replyPermissions(record, viewer, noteOpen),
  };
}

function sortRecords(records: ReplyRecord[], order: ThreadOrder): ReplyRecord[] {
  const sign = order === "oldest" ? 1 : -1;
  return [...records].sort(
    (a, b) => sign * (a.createdAt.getTime() - b.createdAt.getTime()) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Replies in a built thread that carry content (placeholders not counted). */
export function countReplies(nodes: ReplyView[]): number {
  return nodes.reduce((sum, node) => sum + (node.placeholder ? 0 : 1) + countReplies(node.children), 0);
}

/** Every reply in a built thread, depth first (for search and tests). */
export function flattenThread(nodes: ReplyView[]): ReplyView[] {
  return nodes.flatMap((node) => [node, ...flattenThread(node.children)]);
}

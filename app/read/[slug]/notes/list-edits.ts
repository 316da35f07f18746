import type { NoteView, ReplyView } from "@/lib/annotations/schema";
import { countReplies } from "@/lib/annotations/thread";

/**
 * Pure updates of the panel's note list after an API call answered. The server's
 * answer is the truth for the item it returns; these only put it in its place.
 */

/** The list with `note` in place of the note with its id, or added at the end. */
export function putNote(notes: NoteView[], note: NoteView): NoteView[] {
  return notes.some((n) => n.id === note.id) ? notes.map((n) => (n.id === note.id ? note : n)) : [...notes, note];
}

/** The list without the note with this id. */
export function dropNote(notes: NoteView[], id: string): NoteView[] {
  return notes.filter((n) => n.id !== id);
}

/**
 * The note with `reply` in its thread: an existing reply keeps its place and its
 * children (a single reply's answer carries none), a new one is appended under its
 * parent (threads are oldest first), or under the note when the parent is unknown.
 */
export function putReply(note: NoteView, reply: ReplyView): NoteView {
  let placed = false;
  const replace = (nodes: ReplyView[]): ReplyView[] =>
    nodes.map((node) => {
      if (node.id === reply.id) {
        placed = true;
        return { ...reply, children: node.children };
      }
      return node.children.length ? { ...node, children: replace(node.children) } : node;
    });
  let replies = replace(note.replies);
  if (!placed && reply.parentId) {
    const append = (nodes: ReplyView[]): ReplyView[] =>
      nodes.map((node) => {
        if (node.id === reply.parentId) {
          placed = true;
          return { ...node, children: [...node.children, reply] };
        }
        return node.children.length ? { ...node, children: append(node.children) } : node;
      });
    replies = append(replies);
  }
  if (!placed) replies = [...replies, reply];
  return { ...note, replies, replyCount: countReplies(replies) };
}

/** The note in the list that holds this reply in its thread, if any. */
export function noteOfReply(notes: NoteView[], replyId: string): NoteView | undefined {
  const holds = (nodes: ReplyView[]): boolean => nodes.some((node) => node.id === replyId || holds(node.children));
  return notes.find((note) => holds(note.replies));
}

const NO_PERMISSIONS = { edit: false, delete: false, hide: false, reply: false };

/**
 * The note right after one of its replies was deleted, as far as the answer tells:
 * "placeholder" keeps the reply's place without author or body (its replies stay),
 * "deleted" removes it. The panel reloads the note afterwards for the server's last word.
 */
export function withoutReply(note: NoteView, replyId: string, outcome: "deleted" | "placeholder"): NoteView {
  const edit = (nodes: ReplyView[]): ReplyView[] =>
    nodes.flatMap((node) => {
      if (node.id !== replyId) return [node.children.length ? { ...node, children: edit(node.children) } : node];
      if (outcome === "deleted") return [];
      return [{ ...node, placeholder: "deleted" as const, hidden: false, author: null, body: null, permissions: NO_PERMISSIONS }];
    });
  const replies = edit(note.replies);
  return { ...note, replies, replyCount: countReplies(replies) };
}

/** A note deleted while replies hang below it: a placeholder that keeps its thread. */
export function asDeletedNote(note: NoteView): NoteView {
  return { ...note, deleted: true, body: null, tags: [], author: null, permissions: NO_PERMISSIONS };
}

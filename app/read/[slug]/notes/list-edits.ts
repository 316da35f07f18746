import type { NoteSummary, NoteView, ReplyView } from "@/lib/annotations/schema";
import { countReplies } from "@/lib/annotations/thread";

/**
 * Pure updates of the panel's note list after an API call answered. The server's
 * answer is the truth for the item it returns; these only put it in its place.
 */

/**
 * A note in the reader's list: the summary the reading's list carried, until its card
 * was fetched or the note came back complete from any other call (a save, a live event).
 */
export type NoteEntry = NoteView | NoteSummary;

/** Is this entry the complete note (its body and everything its card needs)? */
export function isComplete(note: NoteEntry): note is NoteView {
  return !("excerpt" in note);
}

/** The list with `note` in place of the note with its id, or added at the end. */
export function putNote<T extends NoteEntry>(notes: T[], note: T): T[] {
  return notes.some((n) => n.id === note.id) ? notes.map((n) => (n.id === note.id ? note : n)) : [...notes, note];
}

/** The list without the note with this id. */
export function dropNote<T extends NoteEntry>(notes: T[], id: string): T[] {
  return notes.filter((n) => n.id !== id);
}

/**
 * The list once the cards asked for by `ids` came back as `fetched`. Only summaries
 * are replaced, so a complete note that arrived meanwhile (a live event, an edit)
 * stays; one asked for but not sent back is no longer the reader's to see and leaves
 * the list. The same list when nothing changed.
 */
export function fillCards(notes: NoteEntry[], ids: string[], fetched: NoteView[]): NoteEntry[] {
  const asked = new Set(ids);
  const byId = new Map(fetched.map((note) => [note.id, note]));
  let changed = false;
  const next = notes.flatMap((note) => {
    if (!asked.has(note.id) || isComplete(note)) return [note];
    changed = true;
    const card = byId.get(note.id);
    return card ? [card] : [];
  });
  return changed ? next : notes;
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
export function noteOfReply(notes: NoteEntry[], replyId: string): NoteView | undefined {
  const holds = (nodes: ReplyView[]): boolean => nodes.some((node) => node.id === replyId || holds(node.children));
  return notes.find((note): note is NoteView => isComplete(note) && holds(note.replies));
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
export function asDeletedNote<T extends NoteEntry>(note: T): T {
  if (!isComplete(note)) return { ...note, deleted: true, excerpt: null, tags: [], author: null };
  return { ...note, deleted: true, body: null, tags: [], author: null, permissions: NO_PERMISSIONS };
}

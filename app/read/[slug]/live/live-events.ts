import type { NoteView } from "@/lib/annotations/schema";
import type { LinkSummary } from "@/lib/links/schema";
import { linkEventTypes, questionEventTypes, type LinkEventType, type QuestionEventType } from "@/lib/realtime/events";

/**
 * The events of GET /api/readings/[slug]/events as the browser receives them (the
 * `data:` JSON of each named event). Pure: shared by the hook and its tests.
 */

/** Note and reply events: the note as this reader may see it now, thread included. */
export { annotationEventTypes as NOTE_EVENT_NAMES, type AnnotationEventType as NoteEventName } from "@/lib/realtime/events";
import type { AnnotationEventType as NoteEventName } from "@/lib/realtime/events";

/** `id` is the event's id (also in the frame's `id:` line). */
export type LiveNoteEvent = { id: string; type: NoteEventName; noteId: string; replyId?: string; note: NoteView };
/** The note is no longer visible to this reader (hidden, made private, deleted). */
export type LiveRemovedEvent = { id: string; type: "note.removed"; cause: string; noteId: string };
/** Link events: the link as this reader's links list shows it now, or `link.removed`. */
export const LINK_EVENT_NAMES = [...linkEventTypes, "link.removed"] as const;
export type LiveLinkEvent = {
  id: string;
  type: LinkEventType | "link.removed";
  linkId: string;
  replyId?: string;
  /** Absent for `link.removed`. */
  link?: LinkSummary;
  /** Why a link was removed from this reader's list (the event that did it). */
  cause?: string;
};

/** Question and answer events: ids and the title only; the reader refetches what it shows. */
export const QUESTION_EVENT_NAMES = questionEventTypes;
export type LiveQuestionEvent = {
  id: string;
  type: QuestionEventType;
  questionId: string;
  answerId?: string;
  /** The question's title now (null once deleted; absent for answers). */
  title?: string | null;
  /** This reader made the change. */
  mine: boolean;
};

/** The reading got a new version: the page shows an older text until it is reloaded. */
export type LiveRevisedEvent = { id: string; type: "reading.revised"; version: number | null; mine: boolean };

/** Who is reading now: distinct people, sorted by name. */
export type LivePresenceEvent = { type: "presence"; names: string[]; people: { id: string; name: string }[] };
/** Why the server ended the stream: it does not come back by itself. */
export type LiveEndReason = "signed-out" | "removed";

/**
 * What a polite live region says about an event, or null for nothing: only what
 * others did, and only new notes and replies (edits and moderation are quiet).
 */
export function describeLiveEvent(event: LiveNoteEvent, viewerId: string): string | null {
  const { note } = event;
  if (event.type === "note.created") {
    if (!note.author || note.author.id === viewerId) return null;
    return `${note.author.name} added ${note.motivation === "highlighting" ? "a highlight" : "a note"}`;
  }
  if (event.type === "reply.created" && event.replyId) {
    const reply = findReply(note.replies, event.replyId);
    if (!reply?.author || reply.author.id === viewerId) return null;
    return `${reply.author.name} replied to ${note.author?.id === viewerId ? "your note" : "a note"}`;
  }
  return null;
}

/** What the live region says about a link event: only others' new links. */
export function describeLinkEvent(event: LiveLinkEvent, viewerId: string): string | null {
  const author = event.link?.author;
  if (event.type !== "link.created" || !author || author.id === viewerId) return null;
  return `New link from ${author.name}`;
}

/** What the live region says about a question event: only others' new questions. */
export function describeQuestionEvent(event: LiveQuestionEvent): string | null {
  if (event.type !== "question.created" || event.mine || !event.title) return null;
  return `New question: ${event.title}`;
}

/** Several announcements in one burst become one sentence. */
export function summarize(messages: string[]): string | null {
  if (messages.length === 0) return null;
  if (messages.length === 1) return messages[0];
  const more = messages.length - 1;
  return `${messages[0]}, and ${more} more ${more === 1 ? "change" : "changes"}`;
}

type Thread = NoteView["replies"];
function findReply(nodes: Thread, id: string): Thread[number] | null {
  for (const node of nodes) {
    if (node.id === id) return node;
    const below = findReply(node.children, id);
    if (below) return below;
  }
  return null;
}

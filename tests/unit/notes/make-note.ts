import { summaryOf } from "@/lib/annotations/list-view";
import type { NoteSummary, NoteView, ReplyView } from "@/lib/annotations/schema";

/** A note view for tests: starts at `start`, made `start` seconds after 2025-01-01. */
export function makeNote(id: string, start: number, extra: Partial<NoteView> = {}): NoteView {
  return {
    id, seminarId: "s", readingSlug: "r", versionId: "v", originalVersionId: "v",
    selectors: [{ type: "TextQuoteSelector", exact: `quote ${id}` }, { type: "TextPositionSelector", start, end: start + 5 }],
    originalSelectors: [{ type: "TextQuoteSelector", exact: `original ${id}` }, { type: "TextPositionSelector", start, end: start + 5 }],
    anchorStatus: "anchored", quote: `quote ${id}`, motivation: "commenting",
    body: { json: null, html: `<p>body of ${id}</p>`, text: `body of ${id}` }, tags: [], visibility: "seminar", hidden: false, deleted: false,
    author: { id: "u1", name: "Ada", role: "student" }, revision: 1,
    createdAt: new Date(Date.UTC(2025, 0, 1) + start * 1000).toISOString(), updatedAt: "",
    permissions: { edit: true, delete: true, hide: false, reply: true }, replyCount: 0, replies: [],
    ...extra,
  };
}

export function makeReply(id: string, parentId: string | null, children: ReplyView[] = [], extra: Partial<ReplyView> = {}): ReplyView {
  return {
    id, noteId: "n", parentId, placeholder: null, hidden: false,
    author: { id: "u2", name: "Bo", role: "student" }, body: { json: null, html: `<p>${id}</p>`, text: id },
    revision: 1, createdAt: "2025-01-02T00:00:00.000Z", updatedAt: "2025-01-02T00:00:00.000Z",
    permissions: { edit: true, delete: true, hide: false, reply: true }, children,
    ...extra,
  };
}

/** A note as the reading's list carries it (a summary, on version "v"), with its excerpt as given. */
export function makeSummary(note: NoteView, excerpt: string | null = note.body ? `start of ${note.id}…` : null): NoteSummary {
  return { ...summaryOf(note, "v"), excerpt };
}

"use client";

import { createContext, useContext } from "react";
import type { NoteView } from "@/lib/annotations/schema";
import type { NoteEntry } from "./list-edits";

/** What every card and reply of the panel needs from the panel itself. */
export type PanelTools = {
  viewerId: string;
  /** The viewer's role in the seminar: with the facts of a listed note, it decides the card's actions. */
  viewerRole: "instructor" | "student";
  /** Applies a change to the latest note list and hands the result to the reader. */
  update: (change: (notes: NoteEntry[]) => NoteEntry[]) => void;
  /** Says something in the panel's polite live region ("Note saved"). */
  announce: (message: string) => void;
  /** Focuses (and scrolls to) the element matching `selector` once it is rendered. */
  requestFocus: (selector: string) => void;
  /** Fetches one note again and puts the server's view of it in the list (gone → removed). */
  reload: (noteId: string) => Promise<void>;
  /** Fetches the cards of listed notes now and puts them in the list; answers the cards fetched. */
  loadCards: (noteIds: string[]) => Promise<NoteView[]>;
  /** "Show in text": the reader scrolls the text to the note's passage. */
  showInText: (noteId: string) => void;
  /** "Re-attach": the reader asks for a passage of the current text to put an orphaned note on. */
  reattach?: (noteId: string) => void;
};

export const PanelContext = createContext<PanelTools | null>(null);

export function usePanel(): PanelTools {
  const tools = useContext(PanelContext);
  if (!tools) throw new Error("usePanel must be used inside <NotesPanel>.");
  return tools;
}

/** The selector of the panel's heading, where focus goes when what held it disappears. */
export const PANEL_HEADING = "[data-notes-heading]";

function quoted(id: string): string {
  return `"${id.replace(/["\\]/g, "\\$&")}"`;
}

/** The CSS selector of a note's card (every card carries `data-note-id`). */
export function noteCardSelector(id: string): string {
  return `[data-note-id=${quoted(id)}]`;
}

/** The CSS selector of a reply in a thread (`data-reply-id`). */
export function replySelector(id: string): string {
  return `[data-reply-id=${quoted(id)}]`;
}

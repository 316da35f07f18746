"use client";

import dynamic from "next/dynamic";

/**
 * The note editor, loaded when first shown: tiptap and ProseMirror are most of its
 * weight and a reader who only reads never needs them. Import the editor through
 * this file only, never `./note-editor` directly, or it lands in the first bundle.
 */
export const LazyNoteEditor = dynamic(() => import("./note-editor"), {
  ssr: false,
  loading: () => <p className="py-2 text-sm text-grey-7">Loading editor…</p>,
});

export type { EditorValue, NoteEditorProps } from "./note-editor";

import type { CreateNoteInput, UpdateNoteInput } from "@/lib/annotations/schema";
import type { Selector } from "@/lib/anchoring/types";
import type { EditorValue } from "./note-editor";

/**
 * What the note editor's value becomes in the API's contracts. A note with a body is
 * a comment; without one it is a highlight (a highlight that gains a body becomes a
 * comment, as the service allows).
 */

export function newNoteInput(target: { versionId: string; selectors: Selector[] }, value: EditorValue): CreateNoteInput {
  return {
    target: { versionId: target.versionId, selectors: target.selectors },
    motivation: value.body ? "commenting" : "highlighting",
    ...(value.body ? { body: value.body } : {}),
    tags: value.tags,
    visibility: value.visibility,
  };
}

/** `revision`: the one the edit started from (or the newer one the reader chose to replace). */
export function noteUpdateInput(value: EditorValue, revision: number): UpdateNoteInput {
  const base = { revision, tags: value.tags, visibility: value.visibility };
  return value.body ? { ...base, motivation: "commenting", body: value.body } : { ...base, motivation: "highlighting" };
}

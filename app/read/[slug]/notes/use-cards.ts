"use client";

import { useCallback, useEffect, useRef } from "react";
import { MAX_LISTED_IDS, type NoteView } from "@/lib/annotations/schema";
import { fillCards, isComplete, type NoteEntry } from "./list-edits";
import { fetchNoteCards } from "./notes-api";

/**
 * A reading's list carries summaries: this fetches the cards (the complete notes, less
 * their threads) of the summaries in `wanted` (those shown and the next page) as they
 * come into view, in batches of MAX_LISTED_IDS, each id once at a time. A failed batch
 * is asked for again when the wanted cards change; meanwhile its cards show their
 * excerpts. Returns `load`, which fetches the given cards now (a card about to be edited).
 */
export function useCards(
  slug: string,
  seminarId: string,
  wanted: NoteEntry[],
  update: (change: (notes: NoteEntry[]) => NoteEntry[]) => void,
): (ids: string[]) => Promise<NoteView[]> {
  const asking = useRef(new Set<string>());

  const load = useCallback(
    async (ids: string[]) => {
      ids.forEach((id) => asking.current.add(id));
      try {
        const fetched = await fetchNoteCards(slug, seminarId, ids);
        update((notes) => fillCards(notes, ids, fetched));
        return fetched;
      } finally {
        ids.forEach((id) => asking.current.delete(id));
      }
    },
    [slug, seminarId, update],
  );

  const key = wanted
    .filter((note) => !isComplete(note))
    .map((note) => note.id)
    .join(",");
  useEffect(() => {
    const ids = key ? key.split(",").filter((id) => !asking.current.has(id)) : [];
    for (let start = 0; start < ids.length; start += MAX_LISTED_IDS) {
      load(ids.slice(start, start + MAX_LISTED_IDS)).catch(() => {
        // The cards keep their excerpts; the next change of the wanted cards asks again.
      });
    }
  }, [key, load]);

  return load;
}

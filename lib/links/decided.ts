import { parseStoredSelectors } from "@/lib/annotations/selectors";
import { currentVersionsFor } from "@/lib/links/current";
import { listDecisions, type DecisionRecord, type Db, type SuggestionRecord } from "@/lib/links/repo";
import { placePassage, type CurrentVersion } from "@/lib/links/view";

/**
 * Whether a seminar has already decided on a suggested parallel. A decision holds for
 * its key (the two passages' exact quotes) and for any later suggestion of the same two
 * places: each end, placed in the current version of its reading, shares at least half
 * of the shorter passage with the decided one. An instructor who dismissed a pair is
 * therefore not asked again after a revision rewords one of its passages, or after the
 * suggester comes to show a sentence more around it.
 */

/** Share of the shorter of two passages they must have in common to be one place. */
const SAME_PLACE = 0.5;

type Place = { documentId: string; versionId: string; start: number; end: number };

function place(documentId: string, versionId: string, selectors: string, currents: Map<string, CurrentVersion>): Place | null {
  const { current } = placePassage({ versionId, anchorStatus: "anchored", selectors: parseStoredSelectors(selectors) }, currents.get(documentId));
  return current && { documentId, ...current };
}

const samePlace = (x: Place, y: Place) =>
  x.documentId === y.documentId &&
  x.versionId === y.versionId &&
  Math.min(x.end, y.end) - Math.max(x.start, y.start) >= SAME_PLACE * Math.min(x.end - x.start, y.end - y.start);

type Ends = {
  aDocumentId: string | null; aVersionId: string | null; aSelectors: string | null;
  bDocumentId: string | null; bVersionId: string | null; bSelectors: string | null;
};

/** Both ends of a suggestion or decision placed in the current versions, or null (no passages kept, or one orphaned). */
function placeEnds(ends: Ends, currents: Map<string, CurrentVersion>): [Place, Place] | null {
  const { aDocumentId, aVersionId, aSelectors, bDocumentId, bVersionId, bSelectors } = ends;
  if (!aDocumentId || !aVersionId || !aSelectors || !bDocumentId || !bVersionId || !bSelectors) return null;
  const a = place(aDocumentId, aVersionId, aSelectors, currents);
  const b = place(bDocumentId, bVersionId, bSelectors, currents);
  return a && b ? [a, b] : null;
}

const endsOf = (ends: Ends) => [
  ...(ends.aDocumentId && ends.aVersionId ? [{ documentId: ends.aDocumentId, versionId: ends.aVersionId }] : []),
  ...(ends.bDocumentId && ends.bVersionId ? [{ documentId: ends.bDocumentId, versionId: ends.bVersionId }] : []),
];

/** The suggestions the seminar has not decided on, by key or by place. */
export async function withoutDecidedOnes(db: Db, seminarId: string, suggestions: SuggestionRecord[]): Promise<SuggestionRecord[]> {
  if (suggestions.length === 0) return suggestions;
  const decisions: DecisionRecord[] = await listDecisions(db, seminarId);
  const keys = new Set(decisions.map((d) => d.key));
  const open = suggestions.filter((s) => !keys.has(s.key));
  // Only decisions between two readings that some open suggestion joins need placing.
  const readings = (a: string | null, b: string | null) => [a, b].sort().join("\u0000");
  const joined = new Set(open.map((s) => readings(s.aDocumentId, s.bDocumentId)));
  const withPassages = decisions.filter((d) => d.aSelectors && d.bSelectors && joined.has(readings(d.aDocumentId, d.bDocumentId)));
  if (open.length === 0 || withPassages.length === 0) return open;
  const currents = await currentVersionsFor(db, [...withPassages, ...open].flatMap(endsOf));
  const decided = withPassages.map((d) => placeEnds(d, currents)).filter((ends) => ends !== null);
  return open.filter((s) => {
    const ends = placeEnds(s, currents);
    if (!ends) return true;
    const [a, b] = ends;
    return !decided.some(([x, y]) => (samePlace(a, x) && samePlace(b, y)) || (samePlace(a, y) && samePlace(b, x)));
  });
}

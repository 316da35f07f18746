import { parseStoredSelectors, positionOf } from "@/lib/annotations/selectors";
import type { Db, SuggestionRecord } from "@/lib/links/repo";

/**
 * A suggested parallel that the seminar has already linked, passage to passage, is not
 * worth an instructor's decision. Only links every member sees count (seminar-visible,
 * not hidden, not deleted): a private link must not change what an instructor is shown.
 */

type End = { documentId: string; versionId: string; start: number; end: number };

const overlaps = (x: End, y: End) => x.documentId === y.documentId && x.versionId === y.versionId && x.start < y.end && y.start < x.end;

function endOf(documentId: string, versionId: string, selectors: string): End | null {
  const span = positionOf(parseStoredSelectors(selectors));
  return span ? { documentId, versionId, ...span } : null;
}

/** The suggestions whose two passages no shared link of the seminar already joins. */
export async function withoutLinkedOnes(db: Db, seminarId: string, suggestions: SuggestionRecord[]): Promise<SuggestionRecord[]> {
  if (suggestions.length === 0) return suggestions;
  const links = await db.link.findMany({
    where: { seminarId, visibility: "seminar", hidden: false, deletedAt: null },
    select: { ends: { select: { documentId: true, versionId: true, selectors: true } } },
  });
  const pairs = links
    .map((link) => link.ends.map((e) => endOf(e.documentId, e.versionId, e.selectors)))
    .filter((ends): ends is [End, End] => ends.length === 2 && ends.every((e) => e !== null));
  if (pairs.length === 0) return suggestions;
  return suggestions.filter((s) => {
    const a = endOf(s.aDocumentId, s.aVersionId, s.aSelectors);
    const b = endOf(s.bDocumentId, s.bVersionId, s.bSelectors);
    if (!a || !b) return true;
    return !pairs.some(([x, y]) => (overlaps(a, x) && overlaps(b, y)) || (overlaps(a, y) && overlaps(b, x)));
  });
}

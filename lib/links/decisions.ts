import "server-only";
import { liveEvents, type LiveEvents } from "@/lib/realtime/emit";
import { linkEvent } from "@/lib/realtime/link-events";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { quoteOf, parseStoredSelectors } from "@/lib/annotations/selectors";
import { parseJson } from "@/lib/annotations/view";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireInstructor } from "@/lib/seminars/membership";
import { viewOfLink } from "@/lib/links/access";
import { withoutLinkedOnes } from "@/lib/links/already-linked";
import { withoutDecidedOnes } from "@/lib/links/decided";
import { currentVersionsFor } from "@/lib/links/current";
import {
  findDecision,
  findSuggestion,
  insertDecision,
  insertLink,
  listSeminarReadings,
  listSuggestionsBetween,
  setDecisionLink,
  type Db,
  type SuggestionRecord,
} from "@/lib/links/repo";
import type { LinkView, SuggestionEndView, SuggestionView } from "@/lib/links/schema";
import { placePassage, type CurrentVersion } from "@/lib/links/view";

/**
 * Suggested parallels inside a seminar: only its instructors see the pending ones (those
 * between two of its readings that nobody there has decided on) and confirm or dismiss
 * them. A confirmed suggestion becomes a seminar link with the relation "parallel" and
 * the instructor as its author; everyone in the seminar then sees it like any link.
 */

function endOf(record: SuggestionRecord, side: "a" | "b", currents: Map<string, CurrentVersion>): SuggestionEndView {
  const documentId = side === "a" ? record.aDocumentId : record.bDocumentId;
  const versionId = side === "a" ? record.aVersionId : record.bVersionId;
  const selectors = parseStoredSelectors(side === "a" ? record.aSelectors : record.bSelectors);
  const document = side === "a" ? record.aDocument : record.bDocument;
  return {
    side,
    readingSlug: document.slug,
    readingTitle: document.title,
    versionId,
    selectors,
    quote: quoteOf(selectors),
    current: placePassage({ versionId, anchorStatus: "anchored", selectors }, currents.get(documentId)).current,
  };
}

async function views(db: Db, records: SuggestionRecord[]): Promise<SuggestionView[]> {
  const currents = await currentVersionsFor(
    db,
    records.flatMap((r) => [
      { documentId: r.aDocumentId, versionId: r.aVersionId },
      { documentId: r.bDocumentId, versionId: r.bVersionId },
    ]),
  );
  return records.map((record) => ({
    id: record.id,
    key: record.key,
    score: record.score,
    why: parseJson<string[]>(record.why, []),
    ends: [endOf(record, "a", currents), endOf(record, "b", currents)],
  }));
}

/**
 * The suggestions waiting in a seminar: between two of its readings (or, with `slug`,
 * touching that reading), not yet dismissed or confirmed there (by key or at the same
 * places, lib/links/decided.ts), and not already joined by one of its shared links, best
 * first.
 * Instructors only: 403 for students, 404 for non-members.
 */
export async function listPendingSuggestions(db: Db, actor: Actor, seminarId: string, slug?: string): Promise<{ suggestions: SuggestionView[] }> {
  await requireInstructor(db, actor, seminarId);
  const readings = await listSeminarReadings(db, seminarId);
  const records = await listSuggestionsBetween(db, readings.map((r) => r.id));
  const touching = records.filter((r) => slug === undefined || r.aDocument.slug === slug || r.bDocument.slug === slug);
  const undecided = await withoutDecidedOnes(db, seminarId, touching);
  return { suggestions: await views(db, await withoutLinkedOnes(db, seminarId, undecided)) };
}

/** A suggestion between two readings of the seminar, after the instructor check; 404 otherwise. */
async function loadSuggestion(db: Db, actor: Actor, seminarId: string, suggestionId: string): Promise<SuggestionRecord> {
  await requireInstructor(db, actor, seminarId);
  const suggestion = await findSuggestion(db, suggestionId);
  const readings = new Set((await listSeminarReadings(db, seminarId)).map((r) => r.id));
  if (!suggestion || !readings.has(suggestion.aDocumentId) || !readings.has(suggestion.bDocumentId)) {
    throw new AppError("not_found", "No such suggestion in this seminar.");
  }
  return suggestion;
}

/** A decision on a suggestion, with the two passages it was made on. */
function decisionOn(suggestion: SuggestionRecord, seminarId: string, decision: "dismissed" | "confirmed", actor: Actor) {
  const { key, aDocumentId, aVersionId, aSelectors, bDocumentId, bVersionId, bSelectors } = suggestion;
  return { seminarId, key, decision, linkId: null, decidedById: actor.id, aDocumentId, aVersionId, aSelectors, bDocumentId, bVersionId, bSelectors };
}

/**
 * One suggestion between two of the seminar's readings, to look at before deciding (the
 * compare view). Instructors only: 403 for students, 404 for non-members and for a
 * suggestion that is not between two of the seminar's readings (or no longer stored).
 */
export async function getSuggestion(db: Db, actor: Actor, seminarId: string, suggestionId: string): Promise<SuggestionView> {
  const [view] = await views(db, [await loadSuggestion(db, actor, seminarId, suggestionId)]);
  return view;
}

/**
 * Confirms a suggestion: it becomes a seminar link ("parallel", by the instructor) on
 * the passages as suggested. 409 when the seminar has already decided on it.
 */
export async function confirmSuggestion(
  db: PrismaClient,
  actor: Actor,
  seminarId: string,
  suggestionId: string,
  events: LiveEvents = liveEvents,
): Promise<LinkView> {
  const suggestion = await loadSuggestion(db, actor, seminarId, suggestionId);
  const link = await db.$transaction(async (tx) => {
    const decided = await insertDecision(tx, decisionOn(suggestion, seminarId, "confirmed", actor));
    if (!decided) throw new AppError("conflict", "This suggestion was already confirmed or dismissed.");
    const created = await insertLink(
      tx,
      { seminarId, authorId: actor.id, relation: "parallel", visibility: "seminar", suggestionKey: suggestion.key },
      {
        a: { documentId: suggestion.aDocumentId, versionId: suggestion.aVersionId, selectors: suggestion.aSelectors },
        b: { documentId: suggestion.bDocumentId, versionId: suggestion.bVersionId, selectors: suggestion.bSelectors },
      },
    );
    await setDecisionLink(tx, seminarId, suggestion.key, created.id);
    return created;
  });
  await events.emit(db, linkEvent("link.created", actor.id, link));
  return viewOfLink(db, link, { userId: actor.id, role: "instructor" });
}

/**
 * Dismisses a suggestion in this seminar; it stays dismissed when readings are
 * re-ingested (the decision follows its passages: by key, and by place when their
 * quotes change). Dismissing again is a no-op;
 * 409 when it was confirmed.
 */
export async function dismissSuggestion(
  db: Db,
  actor: Actor,
  seminarId: string,
  suggestionId: string,
): Promise<{ id: string; key: string; decision: "dismissed" }> {
  const suggestion = await loadSuggestion(db, actor, seminarId, suggestionId);
  const stored = await insertDecision(db, decisionOn(suggestion, seminarId, "dismissed", actor));
  if (!stored) {
    const existing = await findDecision(db, seminarId, suggestion.key);
    if (existing?.decision === "confirmed") throw new AppError("conflict", "This suggestion was confirmed as a link; delete the link instead.");
  }
  return { id: suggestion.id, key: suggestion.key, decision: "dismissed" };
}

import { createHash } from "node:crypto";
import { describe, type Selector } from "@/lib/anchoring";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { listCurrentTexts, replaceSuggestions, type SuggestionData } from "@/lib/links/repo";
import { SUGGESTER_REVISION, suggestParallels } from "@/lib/links/suggest";

/**
 * Suggested parallels, computed when readings are ingested: `suggestParallels` over the
 * current version of every reading, stored with W3C selectors on those versions. Each
 * suggestion is named by a key made of its two passages (reading and quote), not by its
 * row id, so an instructor's decision in a seminar (dismissed, confirmed) still applies
 * to the same passages after a re-ingest replaces every row. No "server-only": the
 * ingest script runs this outside Next.
 */

/**
 * The suggester: lib/links/suggest.ts by default (run inline); the server passes one
 * that runs it in a worker thread; tests may pass their own.
 */
export type Suggester = (
  ...args: Parameters<typeof suggestParallels>
) => ReturnType<typeof suggestParallels> | Promise<ReturnType<typeof suggestParallels>>;

/** Whitespace runs collapsed and the ends trimmed: a re-flowed passage keeps its key. */
function normalizeQuote(quote: string): string {
  return quote.replace(/\s+/g, " ").trim();
}

/**
 * The key of a suggested parallel: its two passages by reading id and quote, in a fixed
 * order (so a and b swapped give the same key), hashed to a short stable string.
 */
export function suggestionKey(a: { documentId: string; quote: string }, b: { documentId: string; quote: string }): string {
  const sides = [
    [a.documentId, normalizeQuote(a.quote)],
    [b.documentId, normalizeQuote(b.quote)],
  ].sort((x, y) => (x[0] + "\u0000" + x[1] < y[0] + "\u0000" + y[1] ? -1 : 1));
  return createHash("sha256").update(JSON.stringify(sides)).digest("base64url").slice(0, 32);
}

/**
 * Recomputes and stores the suggested parallels over the current versions of all
 * readings, replacing the stored ones in one transaction. Decisions are untouched
 * (they follow keys). A suggestion whose span does not fit its text is skipped, and
 * two suggestions with the same passages are stored once (the better one).
 *
 * @returns how many suggestions are stored now.
 */
export async function refreshSuggestions(
  db: PrismaClient,
  options: { suggest?: Suggester; limit?: number } = {},
): Promise<{ stored: number }> {
  const suggest = options.suggest ?? suggestParallels;
  const readings = await listCurrentTexts(db);
  const byId = new Map(readings.map((r) => [r.documentId, r]));
  const found = await suggest(
    readings.map((r) => ({ id: r.documentId, text: r.text })),
    options.limit === undefined ? undefined : { limit: options.limit },
  );
  const rows = new Map<string, SuggestionData>();
  for (const suggestion of found) {
    const a = byId.get(suggestion.a.doc);
    const b = byId.get(suggestion.b.doc);
    if (!a || !b) continue;
    let aSelectors: Selector[];
    let bSelectors: Selector[];
    try {
      aSelectors = describe(a.text, suggestion.a.start, suggestion.a.end);
      bSelectors = describe(b.text, suggestion.b.start, suggestion.b.end);
    } catch {
      continue; // a span outside its text: nothing to point at
    }
    const key = suggestionKey(
      { documentId: a.documentId, quote: a.text.slice(suggestion.a.start, suggestion.a.end) },
      { documentId: b.documentId, quote: b.text.slice(suggestion.b.start, suggestion.b.end) },
    );
    if (rows.has(key)) continue; // best first: the first one of a key is kept
    rows.set(key, {
      key,
      aDocumentId: a.documentId,
      aVersionId: a.versionId,
      aSelectors: JSON.stringify(aSelectors),
      bDocumentId: b.documentId,
      bVersionId: b.versionId,
      bSelectors: JSON.stringify(bSelectors),
      score: Number.isFinite(suggestion.score) ? suggestion.score : 0,
      why: JSON.stringify(Array.isArray(suggestion.why) ? suggestion.why.map(String) : []),
      revision: SUGGESTER_REVISION,
    });
  }
  await db.$transaction(async (tx) => replaceSuggestions(tx, [...rows.values()]));
  return { stored: rows.size };
}

/**
 * Recomputes the stored suggestions when they are out of date: a reading got a new
 * version (`changed`), or some were computed by another revision of the suggester.
 *
 * @returns how many are stored now, or null when nothing needed recomputing.
 */
export async function refreshSuggestionsIfStale(
  db: PrismaClient,
  changed: boolean,
  options: Parameters<typeof refreshSuggestions>[1] = {},
): Promise<{ stored: number } | null> {
  const outdated = await db.linkSuggestion.findFirst({ where: { revision: { not: SUGGESTER_REVISION } }, select: { id: true } });
  if (!changed && !outdated) return null;
  return refreshSuggestions(db, options);
}

import { findReadingsById, findVersionText, type Db } from "@/lib/links/repo";
import type { CurrentVersion } from "@/lib/links/view";

/**
 * The current versions of readings, with their canonical texts where a passage has to
 * be searched for (or a reading's length is needed). A version never changes once
 * stored, so texts are kept in memory by version id, like lib/documents does.
 */

const MAX_CACHED_TEXTS = 32;
const texts = new Map<string, string>();

/** A version's canonical text, from memory after the first look-up ("" when unknown). */
export async function versionText(db: Db, versionId: string): Promise<string> {
  const cached = texts.get(versionId);
  if (cached !== undefined) return cached;
  const text = await findVersionText(db, versionId);
  if (text === null) return "";
  if (texts.size >= MAX_CACHED_TEXTS) texts.delete(texts.keys().next().value!);
  texts.set(versionId, text);
  return text;
}

/**
 * The current version of each reading the passages are on, by document id. Its text is
 * loaded only where some passage sits on another version (or always, with `withText`).
 */
export async function currentVersionsFor(
  db: Db,
  passages: { documentId: string; versionId: string }[],
  withText: "when-needed" | "always" = "when-needed",
): Promise<Map<string, CurrentVersion>> {
  const readings = await findReadingsById(db, passages.map((p) => p.documentId));
  const currents = new Map<string, CurrentVersion>();
  for (const reading of readings) {
    if (!reading.currentVersionId) continue;
    const needed = withText === "always" || passages.some((p) => p.documentId === reading.id && p.versionId !== reading.currentVersionId);
    currents.set(reading.id, {
      versionId: reading.currentVersionId,
      text: needed ? await versionText(db, reading.currentVersionId) : null,
    });
  }
  return currents;
}

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { reanchorReading } from "@/lib/annotations/reanchor";
import { reanchorLinkEnds } from "@/lib/links/reanchor";
import { reanchorQuestionPassages } from "@/lib/questions/reanchor";
import { findDocumentBySlug } from "@/lib/documents/repo";

type Counts = { anchored: number; reanchored: number; orphaned: number };

/** What moving one reading's anchored items onto its current version did, per kind. */
export type ReadingReanchor = { slug: string; notes: Counts; links: Counts; questions: Counts };

/**
 * Moves every anchored item of the named readings (notes, link ends, question
 * passages) onto each reading's current version. Items already there are left alone,
 * so running it for every reading at each start costs a few queries and retries any
 * reading whose re-anchoring was interrupted.
 */
export async function reanchorAll(db: PrismaClient, slugs: string[]): Promise<ReadingReanchor[]> {
  const results: ReadingReanchor[] = [];
  for (const slug of slugs) {
    const document = await findDocumentBySlug(db, slug);
    if (!document) continue;
    results.push({
      slug,
      notes: await reanchorReading(db, document.id),
      links: await reanchorLinkEnds(db, document.id),
      questions: await reanchorQuestionPassages(db, document.id),
    });
  }
  return results;
}

/** "3 anchored, 1 re-anchored, 0 orphaned", or null when nothing moved. */
export function describeCounts(counts: Counts): string | null {
  if (counts.anchored + counts.reanchored + counts.orphaned === 0) return null;
  return `${counts.anchored} anchored, ${counts.reanchored} re-anchored, ${counts.orphaned} orphaned`;
}

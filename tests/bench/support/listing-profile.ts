import { gzipSync } from "node:zlib";
import { findListedReading } from "@/lib/annotations/list-query";
import { loadReadingNotes } from "@/lib/annotations/list-cache";
import { listReadingNotes } from "@/lib/annotations/listing";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { findMembership } from "@/lib/seminars/repo";
import type { Viewer } from "@/lib/seminars/schema";
import { quantile } from "./stats";

/**
 * Where the time of a notes listing goes, in this process. `listNotes`
 * (lib/annotations/service.ts) is server-only and cannot be imported here, so its two
 * look-ups are replayed with the same repo functions and the rest is the very function
 * it calls, `listReadingNotes`, whose steps report themselves; then the JSON the route
 * sends and its gzip (`next start` compresses answers for clients that take it). The
 * reading's notes are kept between listings while nothing changes (list-cache.ts), as
 * in the server; the last step reads them afresh, as the first listing after a write does.
 * Returns the median of each step over `rounds` (after 3 warm-up).
 */
export async function profileListing(
  db: PrismaClient,
  { seminarId, slug, viewer }: { seminarId: string; slug: string; viewer: Viewer },
  rounds: number,
): Promise<{ steps: [string, number][]; bytes: number }> {
  const times = new Map<string, number[]>();
  let bytes = 0;
  for (let round = 0; round < rounds + 3; round++) {
    let last = performance.now();
    const lap = (step: string) => {
      const now = performance.now();
      if (round >= 3) times.set(step, [...(times.get(step) ?? []), now - last]);
      last = now;
    };
    const started = last;
    if (!(await findMembership(db, seminarId, viewer.userId))) throw new Error("the viewer is not a member of the seminar");
    lap("membership (findMembership)");
    const document = await findListedReading(db, slug);
    if (!document) throw new Error(`no reading called ${slug}`);
    lap("reading (findListedReading)");
    const notes = await listReadingNotes(db, viewer, seminarId, document, { filter: {}, order: "position" }, lap);
    const json = JSON.stringify({ notes });
    lap("JSON.stringify of the answer");
    bytes = Buffer.byteLength(json);
    if (round >= 3) times.set("total", [...(times.get("total") ?? []), performance.now() - started]);
    gzipSync(json);
    lap("gzip of the answer, as `next start` does it (not in the total)");
    await loadReadingNotes(db, seminarId, document.id, { seminarId, readingSlug: slug, currentVersionId: document.currentVersionId });
    lap("the reading's notes read afresh, as after any write (not in the total)");
  }
  return { steps: [...times].map(([step, values]) => [step, quantile(values, 0.5)]), bytes };
}

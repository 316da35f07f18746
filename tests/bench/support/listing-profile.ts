import { listRepliesOnReading, listVisibleNotes, memberRoles } from "@/lib/annotations/repo";
import { filterNotes, sortNotes } from "@/lib/annotations/filters";
import { noteView } from "@/lib/annotations/view";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/seminars/schema";
import { quantile } from "./stats";

/**
 * Where the time of a notes listing goes, in this process: the steps of `listNotes`
 * (lib/annotations/service.ts, which is server-only and cannot be imported here) replayed
 * with the same repo and view functions, then the JSON the route would send. Keep in
 * step with the service. Returns the median of each step over `rounds` (after 3 warm-up).
 */
export async function profileListing(
  db: PrismaClient,
  { seminarId, documentId, viewer }: { seminarId: string; documentId: string; viewer: Viewer },
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
    const rows = await listVisibleNotes(db, seminarId, documentId, viewer);
    lap("notes query (listVisibleNotes)");
    const listed = new Set(rows.map((n) => n.id));
    const replies = (await listRepliesOnReading(db, seminarId, documentId)).filter((r) => listed.has(r.noteId));
    lap("replies query (listRepliesOnReading)");
    const roles = await memberRoles(db, seminarId, [...rows.map((n) => n.authorId), ...replies.map((r) => r.authorId)]);
    lap("authors' roles (memberRoles)");
    const byNote = new Map<string, typeof replies>();
    for (const reply of replies) {
      const thread = byNote.get(reply.noteId);
      if (thread) thread.push(reply);
      else byNote.set(reply.noteId, [reply]);
    }
    const views = rows.flatMap((row) => noteView(row, byNote.get(row.id) ?? [], roles, viewer) ?? []);
    lap("views and threads (noteView)");
    const notes = sortNotes(filterNotes(views, {}), "position");
    lap("filter and sort");
    bytes = Buffer.byteLength(JSON.stringify({ notes }));
    lap("JSON.stringify of the answer");
    if (round >= 3) times.set("total", [...(times.get("total") ?? []), performance.now() - started]);
  }
  return { steps: [...times].map(([step, values]) => [step, quantile(values, 0.5)]), bytes };
}

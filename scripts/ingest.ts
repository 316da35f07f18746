// Ingests the readings in documents/ (or the folder given) into the database: a changed
// file becomes a new version, the old ones stay, and its notes, links and questions are
// re-anchored on it.
// A malformed file stops everything.
import path from "node:path";
import { createPrismaClient } from "@/lib/db/client";
import { DocumentParseError } from "@/lib/documents/parse";
import { ingestReadings, loadReadings } from "@/lib/documents/ingest";
import { describeCounts, reanchorAll } from "@/lib/revisions/reanchor";
import { refreshSuggestionsIfStale } from "@/lib/links/suggestions";

async function main() {
  const dir = path.resolve(process.argv[2] ?? "documents");
  const db = createPrismaClient();
  try {
    const readings = loadReadings(dir);
    const { added, total } = await ingestReadings(db, readings);
    console.log(`parallax: ${total} readings, ${added.length} new version(s)${added.length ? `: ${added.join(", ")}` : ""}`);
    // Every reading, not only the changed ones: a re-anchoring cut short last time is retried.
    for (const result of await reanchorAll(db, readings.map((r) => r.slug))) {
      for (const kind of ["notes", "links", "questions"] as const) {
        const counts = describeCounts(result[kind]);
        if (counts) console.log(`parallax: ${result.slug}: ${kind} ${counts}`);
      }
    }
    const refreshed = await refreshSuggestionsIfStale(db, added.length > 0);
    if (refreshed) console.log(`parallax: ${refreshed.stored} suggested parallels`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  if (error instanceof DocumentParseError) console.error(`parallax: ingest stopped: ${error.message}`);
  else console.error(error);
  process.exit(1);
});

// Ingests the readings in documents/ (or the folder given) into the database: a changed
// file becomes a new version, the old ones stay. A malformed file stops everything.
import path from "node:path";
import { createPrismaClient } from "@/lib/db/client";
import { DocumentParseError } from "@/lib/documents/parse";
import { ingestReadings, loadReadings } from "@/lib/documents/ingest";

async function main() {
  const dir = path.resolve(process.argv[2] ?? "documents");
  const db = createPrismaClient();
  try {
    const readings = loadReadings(dir);
    const { added, total } = await ingestReadings(db, readings);
    console.log(`parallax: ${total} readings, ${added.length} new version(s)${added.length ? `: ${added.join(", ")}` : ""}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  if (error instanceof DocumentParseError) console.error(`parallax: ingest stopped: ${error.message}`);
  else console.error(error);
  process.exit(1);
});

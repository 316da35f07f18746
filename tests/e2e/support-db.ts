import path from "node:path";
import Database from "better-sqlite3";

/** The canonical text of a reading's current version, read from the e2e server's database. */
export function canonicalText(slug: string): string {
  const db = new Database(path.resolve("data", "e2e.db"), { readonly: true });
  try {
    const row = db
      .prepare(
        `SELECT v."canonicalText" AS text FROM "Document" d JOIN "DocumentVersion" v ON v.id = d."currentVersionId" WHERE d.slug = ?`,
      )
      .get(slug) as { text: string } | undefined;
    if (!row) throw new Error(`no reading ${slug} in the e2e database`);
    return row.text;
  } finally {
    db.close();
  }
}

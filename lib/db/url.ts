/** The database URL: `DATABASE_URL`, or the embedded SQLite file under `data/`. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? "file:./data/parallax.db";
}

import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../../support/paths";

/** The file of a `file:` database URL (relative ones resolve from the repository root, where the server runs). */
export function databaseFile(url: string): string {
  return path.resolve(repoRoot, url.replace(/^file:/, ""));
}

/** Deletes a bench database and SQLite's side files. */
export function removeDatabase(url: string): void {
  const file = databaseFile(url);
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}

import { createHash } from "node:crypto";

/**
 * The hash a version stores of its reading file: ingest and revisions compare it to tell
 * whether a file changed, so both must compute it here.
 */
export function contentHash(source: string): string {
  return createHash("sha256").update(source).digest("hex");
}

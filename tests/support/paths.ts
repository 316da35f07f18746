import path from "node:path";

/** The repository's root folder. */
export const repoRoot = path.resolve(import.meta.dirname, "../..");

/** The shipped readings. */
export const documentsDir = path.join(repoRoot, "documents");

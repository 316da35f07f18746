// The shipped readings and their raw sources, read from the repository (never from outside it).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "../../../lib/documents/parse";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const documentsDir = path.join(repoRoot, "documents");

/** The five readings: slug, raw source file, library order. */
export const readings = [
  { slug: "pochhammer-crossing-the-parallel", source: "000_e487ecccda30ba06.txt", order: 0 },
  { slug: "book-excerpt-crossing-the-parallel", source: "001_f6e5e2ffb3ef024a.txt", order: 1 },
  { slug: "kim-origins-of-the-korean-war", source: "002_1124eec32e2a075a.txt", order: 2 },
  { slug: "costa-who-wanted-war", source: "003_c4dec05b3f837a60.txt", order: 3 },
  { slug: "korean-war-podcast-episode-30", source: "004_0da7ce69efcb0ece.txt", order: 4 },
] as const;

export type ReadingSlug = (typeof readings)[number]["slug"];

export const readMarkdown = (slug: string) => fs.readFileSync(path.join(documentsDir, `${slug}.md`), "utf8");
export const readSource = (file: string) => fs.readFileSync(path.join(documentsDir, "sources", file), "utf8");
export const readRecord = (slug: string) => JSON.parse(fs.readFileSync(path.join(documentsDir, `${slug}.removals.json`), "utf8"));
export const parseReading = (slug: string) => parseDocument(readMarkdown(slug), `${slug}.md`);

import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { contentHash } from "@/lib/documents/content-hash";
import { parseDocument } from "@/lib/documents/parse";
import { saveDocumentVersion, type VersionInput } from "@/lib/documents/repo";

/** One reading file, parsed and ready to store. */
export type LoadedReading = VersionInput;

/**
 * Reads and parses every `*.md` reading in `dir`. Throws the parser's error (naming the
 * file and line) on the first malformed file, before anything is written.
 */
export function loadReadings(dir: string): LoadedReading[] {
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".md") && name !== "README.md")
    .sort();
  return files.map((name) => loadReading(path.join(dir, name)));
}

/** Parses one reading file into what a version stores. */
export function loadReading(file: string): LoadedReading {
  const source = fs.readFileSync(file, "utf8");
  const name = path.basename(file);
  const parsed = parseDocument(source, name);
  const { meta } = parsed;
  return {
    slug: name.replace(/\.md$/, ""),
    title: meta.title,
    titleSupplied: meta.titleSupplied ?? false,
    author: meta.author,
    publication: meta.publication ?? null,
    year: meta.year ?? null,
    kind: meta.kind,
    sourceFile: meta.source,
    position: meta.order ?? 0,
    contentHash: contentHash(source),
    source,
    canonicalText: parsed.text,
    blocks: JSON.stringify(parsed.blocks),
    wordCount: parsed.wordCount,
  };
}

/**
 * Stores every reading in one transaction: a reading whose file changed gets a new
 * version, the others are left as they are. All or nothing.
 */
export async function ingestReadings(db: PrismaClient, readings: LoadedReading[]) {
  return db.$transaction(async (tx) => {
    const added: string[] = [];
    for (const reading of readings) {
      if (await saveDocumentVersion(tx, reading)) added.push(reading.slug);
    }
    return { added, total: readings.length };
  });
}

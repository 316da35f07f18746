import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ingestReadings, loadReadings } from "@/lib/documents/ingest";
import { getLibrary, getReading } from "@/lib/documents/service";
import { DocumentParseError } from "@/lib/documents/parse";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { documentsDir } from "../support/paths";

let t: TestDatabase;
let workDir: string;

beforeEach(() => {
  t = createTestDatabase();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-docs-"));
  for (const name of fs.readdirSync(documentsDir).filter((n) => n.endsWith(".md") && n !== "README.md")) {
    fs.copyFileSync(path.join(documentsDir, name), path.join(workDir, name));
  }
});

afterEach(async () => {
  await t.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe("ingest", () => {
  it("stores the five readings with one version each, and does nothing when run again", async () => {
    const first = await ingestReadings(t.db, loadReadings(workDir));
    expect(first.added).toHaveLength(5);
    const again = await ingestReadings(t.db, loadReadings(workDir));
    expect(again.added).toEqual([]);
    expect(await t.db.documentVersion.count()).toBe(5);

    const library = await getLibrary(t.db);
    expect(library.map((entry) => entry.kind).sort()).toEqual(["article", "article", "book excerpt", "essay", "transcript"].sort());
    for (const entry of library) expect(entry.readingMinutes).toBeGreaterThan(0);
  });

  it("adds a new version when a file changes and keeps the old one", async () => {
    await ingestReadings(t.db, loadReadings(workDir));
    const [name] = fs.readdirSync(workDir).sort();
    const file = path.join(workDir, name);
    const slug = name.replace(/\.md$/, "");
    const before = await getReading(slug, t.db);
    fs.appendFileSync(file, "\nA paragraph added in a revision.\n");

    const result = await ingestReadings(t.db, loadReadings(workDir));
    expect(result.added).toEqual([slug]);
    const after = await getReading(slug, t.db);
    expect(after.versionNumber).toBe(before.versionNumber + 1);
    expect(after.text.endsWith("A paragraph added in a revision.")).toBe(true);
    const versions = await t.db.documentVersion.findMany({ where: { documentId: after.documentId }, orderBy: { number: "asc" } });
    expect(versions.map((v) => v.number)).toEqual([1, 2]);
    expect(versions[0].canonicalText).toBe(before.text);
  });

  it("stops on a malformed file, naming it, and keeps what the database had", async () => {
    await ingestReadings(t.db, loadReadings(workDir));
    const [name] = fs.readdirSync(workDir).sort();
    fs.writeFileSync(path.join(workDir, name), "No front matter here.\n\nJust text.\n");
    expect(() => loadReadings(workDir)).toThrow(DocumentParseError);
    expect(() => loadReadings(workDir)).toThrow(new RegExp(name.replace(".", "\\.")));
    expect(await t.db.documentVersion.count()).toBe(5);
  });

  it("answers not_found for an unknown slug", async () => {
    await expect(getReading("no-such-reading", t.db)).rejects.toMatchObject({ code: "not_found" });
  });
});

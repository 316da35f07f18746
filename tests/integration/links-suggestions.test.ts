// Suggested parallels are computed and stored at ingest (the same calls as
// scripts/ingest.ts), and an instructor's dismissal survives a re-ingest that replaces
// every stored suggestion: decisions follow the passages' quotes, not row ids.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestReadings, loadReadings } from "@/lib/documents/ingest";
import { validateSelectors } from "@/lib/annotations/selectors";
import type { Selector } from "@/lib/anchoring";
import { confirmSuggestion, dismissSuggestion, listPendingSuggestions } from "@/lib/links/decisions";
import { listAllSuggestions } from "@/lib/links/repo";
import { SUGGESTER_REVISION } from "@/lib/links/suggest";
import { refreshSuggestionsIfStale, suggestionKey } from "@/lib/links/suggestions";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { documentsDir } from "../support/paths";

// Two readings that share passages (the suggester takes ~1 s on them; all five take ~20 s).
const READINGS = ["book-excerpt-crossing-the-parallel.md", "korean-war-podcast-episode-30.md"];

let t: TestDatabase;
let dir: string;
const instructor = { id: "", name: "Instructor", email: "i@example.test" };
let seminarId = "";

/** What scripts/ingest.ts does: ingest, then refresh suggestions when they are out of date. */
async function ingest(db: PrismaClient) {
  const { added } = await ingestReadings(db, loadReadings(dir));
  await refreshSuggestionsIfStale(db, added.length > 0);
  return added;
}

beforeAll(async () => {
  t = createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-links-"));
  for (const name of READINGS) fs.copyFileSync(path.join(documentsDir, name), path.join(dir, name));
  const user = await t.db.user.create({ data: { email: instructor.email, name: instructor.name, passwordHash: "x" } });
  instructor.id = user.id;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("suggested parallels at ingest", () => {
  it("are stored on the current versions, with selectors that fit those texts", async () => {
    expect(await ingest(t.db)).toHaveLength(2);
    const stored = await listAllSuggestions(t.db);
    expect(stored.length).toBeGreaterThan(3);
    for (const suggestion of stored.slice(0, 10)) {
      for (const side of ["a", "b"] as const) {
        const version = await t.db.documentVersion.findUniqueOrThrow({ where: { id: side === "a" ? suggestion.aVersionId : suggestion.bVersionId } });
        const selectors = JSON.parse(side === "a" ? suggestion.aSelectors : suggestion.bSelectors) as Selector[];
        expect(() => validateSelectors(version.canonicalText, selectors)).not.toThrow();
        const document = await t.db.document.findUniqueOrThrow({ where: { id: version.documentId } });
        expect(document.currentVersionId).toBe(version.id);
      }
      expect(suggestion.aDocumentId).not.toBe(suggestion.bDocumentId);
      expect(JSON.parse(suggestion.why).length).toBeGreaterThan(0);
    }
    // Ingesting unchanged files adds no version and leaves the suggestions as they were.
    const ids = stored.map((s) => s.id);
    expect(await ingest(t.db)).toEqual([]);
    expect((await listAllSuggestions(t.db)).map((s) => s.id)).toEqual(ids);
    expect(stored.every((s) => s.revision === SUGGESTER_REVISION)).toBe(true);
  }, 120_000);

  it("are recomputed at an ingest after the suggester changed, though no reading did", async () => {
    const before = await listAllSuggestions(t.db);
    // As stored by an earlier suggester (or before suggestions named their revision).
    await t.db.linkSuggestion.updateMany({ where: { id: before[0].id }, data: { revision: "" } });
    expect(await ingest(t.db)).toEqual([]);
    const after = await listAllSuggestions(t.db);
    expect(after.every((s) => s.revision === SUGGESTER_REVISION)).toBe(true);
    expect(after.map((s) => s.key)).toEqual(before.map((s) => s.key));
    expect(after.some((s) => before.some((b) => b.id === s.id))).toBe(false); // rows replaced
    expect(await refreshSuggestionsIfStale(t.db, false)).toBeNull();
  }, 120_000);

  it("a dismissal (and a confirmation) in a seminar survive a re-ingest that replaces every row", async () => {
    const documents = await t.db.document.findMany({ orderBy: { slug: "asc" } });
    const seminar = await t.db.seminar.create({
      data: {
        name: "S",
        joinCode: "LINKSSSS",
        memberships: { create: [{ userId: instructor.id, role: "instructor" }] },
        readings: { create: documents.map((d, position) => ({ documentId: d.id, position })) },
      },
    });
    seminarId = seminar.id;
    const before = (await listPendingSuggestions(t.db, instructor, seminarId)).suggestions;
    const [dismissed, confirmed] = before;
    await dismissSuggestion(t.db, instructor, seminarId, dismissed.id);
    const published: { type: string; documentIds?: string[] | null }[] = [];
    const link = await confirmSuggestion(t.db, instructor, seminarId, confirmed.id, { emit: async (_db, event) => void published.push(event) });
    expect(link).toMatchObject({ relation: "parallel", visibility: "seminar", fromSuggestion: true });
    // Readers of both readings see the confirmed link arrive live.
    expect(published).toHaveLength(1);
    expect(published[0].type).toBe("link.created");
    expect(new Set(published[0].documentIds)).toEqual(new Set([confirmed.ends[0].readingSlug, confirmed.ends[1].readingSlug].map((slug) => documents.find((d) => d.slug === slug)!.id)));

    // A revision of one reading far from both passages: a paragraph added at its end.
    const file = path.join(dir, READINGS[1]);
    fs.appendFileSync(file, "\nA paragraph added in a revision, about nothing in particular.\n");
    expect(await ingest(t.db)).toEqual([READINGS[1].replace(/\.md$/, "")]);

    const after = await listAllSuggestions(t.db);
    const oldIds = new Set(before.map((s) => s.id));
    expect(after.every((s) => !oldIds.has(s.id))).toBe(true); // every row is new
    const again = after.find((s) => s.key === dismissed.key);
    expect(again, "the dismissed passages are suggested again after the re-ingest").toBeDefined();
    expect(again!.id).not.toBe(dismissed.id);
    const pending = (await listPendingSuggestions(t.db, instructor, seminarId)).suggestions;
    expect(pending.map((s) => s.key)).not.toContain(dismissed.key);
    expect(pending.map((s) => s.key)).not.toContain(confirmed.key);
    expect(pending.length).toBeGreaterThan(0);
    // The suggestion on the revised reading points at its new version.
    const revised = await t.db.document.findUniqueOrThrow({ where: { slug: READINGS[1].replace(/\.md$/, "") } });
    expect(after.filter((s) => s.bDocumentId === revised.id || s.aDocumentId === revised.id).every((s) =>
      s.aDocumentId === revised.id ? s.aVersionId === revised.currentVersionId : s.bVersionId === revised.currentVersionId,
    )).toBe(true);
  }, 120_000);
});

describe("suggestionKey", () => {
  it("is the same for a and b swapped and for re-flowed whitespace, and differs for other passages", () => {
    const a = { documentId: "d1", quote: "the same  words\nhere" };
    const b = { documentId: "d2", quote: "other words" };
    expect(suggestionKey(a, b)).toBe(suggestionKey(b, a));
    expect(suggestionKey(a, b)).toBe(suggestionKey({ ...a, quote: " the same words here " }, b));
    expect(suggestionKey(a, b)).not.toBe(suggestionKey({ ...a, quote: "the same words" }, b));
    expect(suggestionKey(a, b)).not.toBe(suggestionKey({ ...a, documentId: "d3" }, b));
  });
});

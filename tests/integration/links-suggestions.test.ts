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
import { listAllSuggestions, listCurrentTexts } from "@/lib/links/repo";
import { SUGGESTER_REVISION } from "@/lib/links/suggest";
import { refreshSuggestions, refreshSuggestionsIfStale, suggestionKey } from "@/lib/links/suggestions";
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

describe("decisions follow their passages", () => {
  it("a dismissal still holds when a revision rewords the dismissed passage itself", async () => {
    const slug = READINGS[1].replace(/\.md$/, "");
    const file = path.join(dir, READINGS[1]);
    const source = fs.readFileSync(file, "utf8");
    // A dismissed suggestion whose passage on the revised reading has a word we can change.
    const pending = (await listPendingSuggestions(t.db, instructor, seminarId)).suggestions;
    let target: { suggestion: (typeof pending)[number]; word: string } | undefined;
    for (const suggestion of pending) {
      const end = suggestion.ends.find((e) => e.readingSlug === slug)!;
      const word = end.quote.match(/\b[a-z]{6,}\b/g)?.find((w) => source.split(w).length === 2);
      if (word) {
        target = { suggestion, word };
        break;
      }
    }
    expect(target, "a pending suggestion with a unique word on the revised reading").toBeDefined();
    const { suggestion, word } = target!;
    await dismissSuggestion(t.db, instructor, seminarId, suggestion.id);

    const reworded = `${word} indeed`;
    fs.writeFileSync(file, source.replace(word, reworded));
    expect(await ingest(t.db)).toEqual([slug]);

    // The same two places are suggested again, under a new key (the quote changed) …
    const end = suggestion.ends.find((e) => e.readingSlug === slug)!;
    const other = suggestion.ends.find((e) => e.readingSlug !== slug)!;
    const after = await listAllSuggestions(t.db);
    const back = after.find((s) => s.key !== suggestion.key && [s.aSelectors, s.bSelectors].some((sel) => sel.includes(reworded)) &&
      [s.aSelectors, s.bSelectors].some((sel) => sel.includes(JSON.stringify(other.quote).slice(1, 40))));
    expect(back, "the reworded passages are suggested again").toBeDefined();
    // … and the seminar's dismissal still keeps them off the instructor's list.
    const now = (await listPendingSuggestions(t.db, instructor, seminarId)).suggestions;
    expect(now.map((s) => s.key)).not.toContain(back!.key);
    expect(now.some((s) => s.ends.some((e) => e.readingSlug === slug && e.quote.includes(reworded)) &&
      s.ends.some((e) => e.quote === other.quote))).toBe(false);
    expect(now.length).toBeGreaterThan(0);
    expect(end.quote).toContain(word);
  }, 120_000);
});

describe("decisions by place", () => {
  /** The span of one end of a stored suggestion in its version. */
  const spanOf = (selectors: Selector[]) => {
    const position = selectors.find((x) => x.type === "TextPositionSelector") as { start: number; end: number };
    return { start: position.start, end: position.end };
  };

  it("hold for the same places shown wider, and not for a pair that shares only one of them", async () => {
    const [dismissed] = (await listPendingSuggestions(t.db, instructor, seminarId)).suggestions;
    await dismissSuggestion(t.db, instructor, seminarId, dismissed.id);
    const stored = (await listAllSuggestions(t.db)).find((s) => s.key === dismissed.key)!;
    const a = spanOf(JSON.parse(stored.aSelectors));
    const b = spanOf(JSON.parse(stored.bSelectors));
    const texts = new Map((await listCurrentTexts(t.db)).map((r) => [r.documentId, r.text]));
    const bLength = texts.get(stored.bDocumentId)!.length;
    const elsewhere = b.end + 2_000 < bLength ? { start: b.end + 1_000, end: b.end + 2_000 } : { start: 0, end: Math.min(1_000, b.start) };
    // A suggester that shows the dismissed pair a sentence wider, and pairs its first
    // passage with another place of the second reading.
    await refreshSuggestions(t.db, {
      suggest: () => [
        { a: { doc: stored.aDocumentId, start: Math.max(0, a.start - 60), end: a.end }, b: { doc: stored.bDocumentId, start: b.start, end: Math.min(bLength, b.end + 60) }, score: 0.9, why: ["wider"] },
        { a: { doc: stored.aDocumentId, ...a }, b: { doc: stored.bDocumentId, ...elsewhere }, score: 0.8, why: ["elsewhere"] },
      ],
    });
    const pending = (await listPendingSuggestions(t.db, instructor, seminarId)).suggestions;
    expect(pending.map((s) => s.why)).toEqual([["elsewhere"]]);
  });

  it("made before decisions kept their passages still match by key", async () => {
    await refreshSuggestions(t.db);
    const [first] = (await listPendingSuggestions(t.db, instructor, seminarId)).suggestions;
    await t.db.linkSuggestionDecision.create({ data: { seminarId, key: first.key, decision: "dismissed", decidedById: instructor.id } });
    const pending = (await listPendingSuggestions(t.db, instructor, seminarId)).suggestions;
    expect(pending.map((s) => s.key)).not.toContain(first.key);
    expect(pending.length).toBeGreaterThan(0);
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

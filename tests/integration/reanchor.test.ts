// Re-anchoring on real SQLite: the shipped readings are ingested from a temporary copy,
// notes are made through the service, a reading file is edited (a paragraph inserted,
// a word reworded, a passage deleted) and ingested again, and the notes are moved onto
// the new version: anchored, re-anchored or orphaned, originals kept, all or nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe as group, expect, it } from "vitest";
import { describe } from "@/lib/anchoring";
import type { Actor } from "@/lib/auth/actor";
import { ingestReadings, loadReadings } from "@/lib/documents/ingest";
import { getReading } from "@/lib/documents/service";
import { reanchorAll, reanchorDocument } from "@/lib/revisions/reanchor";
import { publishRevision, revisionDraft } from "@/lib/revisions/service";
import { createNote, listNotes } from "@/lib/annotations/service";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { documentsDir } from "../support/paths";

const SLUG = "kim-origins-of-the-korean-war";
const INSERTED = "A paragraph a revision added before the three mosaics.";
/** Before every edit: stays where it is. */
const KEPT = "enters a new phase with the opening of the Soviet archives";
/** After the inserted paragraph: moves by its length. */
const MOVED = "Cumings uses three mosaics to explain the origins of the war";
/** One word of it is reworded ("important" → "vital"). */
const REWORDED = "passed through many strategically important military heights on the Ongjin peninsula";
const REWORDED_AFTER = "passed through many strategically vital military heights on the Ongjin peninsula";
/** Its whole paragraph is deleted. */
const DELETED = "did not have authority to approve Kim's Ongjin plan";
const DELETED_PARAGRAPH = "Ambassador Shtykov did not have authority to approve Kim's Ongjin plan. Thus Shtykov promised to relay Kim's plan to Stalin.\n\n";

let t: TestDatabase;
let workDir: string;
let file: string;
let original: string;
let seminarId: string;
let ana: Actor;
let ben: Actor;

beforeEach(async () => {
  t = createTestDatabase();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-reanchor-"));
  for (const name of fs.readdirSync(documentsDir).filter((n) => n.endsWith(".md") && n !== "README.md")) {
    fs.copyFileSync(path.join(documentsDir, name), path.join(workDir, name));
  }
  file = path.join(workDir, `${SLUG}.md`);
  original = fs.readFileSync(file, "utf8");
  await ingestReadings(t.db, loadReadings(workDir));
  const user = (name: string) => t.db.user.create({ data: { email: `${name}@example.test`, name, passwordHash: "unused" } });
  const [a, b] = [await user("Ana"), await user("Ben")];
  ana = { id: a.id, name: a.name, email: a.email };
  ben = { id: b.id, name: b.name, email: b.email };
  const seminar = await t.db.seminar.create({
    data: {
      name: "Seminar",
      joinCode: "REANCHOR",
      memberships: { create: [{ userId: ana.id, role: "student" }, { userId: ben.id, role: "instructor" }] },
    },
  });
  seminarId = seminar.id;
});

afterEach(async () => {
  await t.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

/** Makes a seminar note on the only occurrence of `quote` in the current version. */
async function noteOn(actor: Actor, quote: string) {
  const reading = await getReading(SLUG, t.db);
  const start = reading.text.indexOf(quote);
  expect(start, quote).toBeGreaterThanOrEqual(0);
  expect(reading.text.indexOf(quote, start + 1), `"${quote}" occurs twice`).toBe(-1);
  return createNote(t.db, actor, SLUG, seminarId, {
    target: { versionId: reading.versionId, selectors: describe(reading.text, start, start + quote.length) },
    motivation: "commenting",
    body: { html: `<p>On ${quote}</p>` },
    tags: [],
    visibility: "seminar",
  });
}

/** Edits the reading file the three ways and ingests it; returns the new version's text. */
async function reviseReading() {
  let source = original.replace(`${MOVED}.`, `${INSERTED}\n\n${MOVED}.`).replace(REWORDED, REWORDED_AFTER).replace(DELETED_PARAGRAPH, "");
  expect(source.length).toBe(original.length + INSERTED.length + 2 + REWORDED_AFTER.length - REWORDED.length - DELETED_PARAGRAPH.length);
  fs.writeFileSync(file, source);
  const { added } = await ingestReadings(t.db, loadReadings(workDir));
  expect(added).toEqual([SLUG]);
  return getReading(SLUG, t.db);
}

const row = (id: string) => t.db.note.findUniqueOrThrow({ where: { id } });
const spanOf = (selectors: string) => JSON.parse(selectors)[1] as { start: number; end: number };

async function makeNotes() {
  const v1 = await getReading(SLUG, t.db);
  const notes = {
    kept: await noteOn(ana, KEPT),
    moved: await noteOn(ben, MOVED),
    reworded: await noteOn(ana, REWORDED),
    deleted: await noteOn(ben, DELETED),
  };
  return { v1, notes };
}

group("re-anchoring a reading's notes on its new version", () => {
  it("keeps, moves, follows through a rewording and orphans, keeping the originals", async () => {
    const { v1, notes } = await makeNotes();
    const v2 = await reviseReading();

    const results = await reanchorAll(t.db, [SLUG]);
    expect(results.map((r) => [r.slug, r.notes])).toEqual([[SLUG, { anchored: 1, reanchored: 2, orphaned: 1 }]]);

    for (const note of Object.values(notes)) {
      const stored = await row(note.id);
      expect(stored.versionId).toBe(v2.versionId);
      expect(stored.originalVersionId).toBe(v1.versionId);
      expect(JSON.parse(stored.originalSelectors)).toEqual(note.originalSelectors);
      expect(stored.revision).toBe(note.revision);
    }

    const kept = await row(notes.kept.id);
    expect(kept.anchorStatus).toBe("anchored");
    expect(spanOf(kept.selectors)).toEqual(notes.kept.selectors[1]);
    expect(JSON.parse(kept.selectors)).toEqual(describe(v2.text, v1.text.indexOf(KEPT), v1.text.indexOf(KEPT) + KEPT.length));

    const moved = await row(notes.moved.id);
    const shift = INSERTED.length + 2; // the paragraph and the blank line after it
    expect(moved.anchorStatus).toBe("reanchored");
    const movedSpan = spanOf(moved.selectors);
    expect(movedSpan.start).toBe(v1.text.indexOf(MOVED) + shift);
    expect(v2.text.slice(movedSpan.start, movedSpan.end)).toBe(MOVED);

    const reworded = await row(notes.reworded.id);
    expect(reworded.anchorStatus).toBe("reanchored");
    const rewordedSpan = spanOf(reworded.selectors);
    expect(v2.text.slice(rewordedSpan.start, rewordedSpan.end)).toBe(REWORDED_AFTER);
    expect(JSON.parse(reworded.selectors)).toEqual(describe(v2.text, rewordedSpan.start, rewordedSpan.end));

    const orphan = await row(notes.deleted.id);
    expect(orphan.anchorStatus).toBe("orphaned");
    expect(JSON.parse(orphan.selectors)).toEqual(notes.deleted.selectors);

    // The orphan is still listed, with its quote, after the placed notes.
    const { notes: listed } = await listNotes(t.db, ana, SLUG, { seminar: seminarId, sort: "position" });
    expect(listed.map((n) => n.id)).toEqual([notes.kept.id, notes.moved.id, notes.reworded.id, notes.deleted.id]);
    expect(listed.at(-1)).toMatchObject({ anchorStatus: "orphaned", quote: DELETED, versionId: v2.versionId });
    expect(listed.find((n) => n.id === notes.reworded.id)?.quote).toBe(REWORDED_AFTER);
  });

  it("does nothing when run again on the same version", async () => {
    const { notes } = await makeNotes();
    await reviseReading();
    const document = await t.db.document.findUniqueOrThrow({ where: { slug: SLUG } });
    await reanchorDocument(t.db, document.id);
    const before = await t.db.note.findMany({ orderBy: { id: "asc" } });

    expect((await reanchorDocument(t.db, document.id)).notes).toEqual({ anchored: 0, reanchored: 0, orphaned: 0 });
    expect(await t.db.note.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(before).toHaveLength(Object.keys(notes).length);
  });

  it("gives an orphan of an older version another chance on the next one", async () => {
    const { v1, notes } = await makeNotes();
    await reviseReading();
    await reanchorAll(t.db, [SLUG]);
    fs.writeFileSync(file, original); // v3: the revision undone, the deleted passage back where it was
    const { added } = await ingestReadings(t.db, loadReadings(workDir));
    expect(added).toEqual([SLUG]);
    const v3 = await getReading(SLUG, t.db);

    await reanchorAll(t.db, added);
    const back = await row(notes.deleted.id);
    expect(back.versionId).toBe(v3.versionId);
    expect(back.anchorStatus).toBe("anchored");
    const span = spanOf(back.selectors);
    expect(v3.text.slice(span.start, span.end)).toBe(DELETED);
    expect(back.originalVersionId).toBe(v1.versionId);
  });

  it("leaves every note as it was when a write fails midway", async () => {
    const { v1, notes } = await makeNotes();
    await reviseReading();
    const document = await t.db.document.findUniqueOrThrow({ where: { slug: SLUG } });
    const before = await t.db.note.findMany({ orderBy: { id: "asc" } });

    await expect(reanchorDocument(failingAfterNotesMoved(t.db), document.id)).rejects.toThrow(/injected/);
    const after = await t.db.note.findMany({ orderBy: { id: "asc" } });
    expect(after).toEqual(before);
    expect(after.every((n) => n.versionId === v1.versionId && n.anchorStatus === "anchored")).toBe(true);

    // Nothing was half-done, so a clean run still places all four.
    expect((await reanchorDocument(t.db, document.id)).notes).toEqual({ anchored: 1, reanchored: 2, orphaned: 1 });
    expect((await row(notes.deleted.id)).anchorStatus).toBe("orphaned");
  });
});

group("a revision made in the app and the readings folder", () => {
  it("keeps the app's revision across restarts until the reading's file itself changes", async () => {
    const document = await t.db.document.findUniqueOrThrow({ where: { slug: SLUG } });
    await t.db.seminarReading.create({ data: { seminarId, documentId: document.id, position: 0 } });
    const draft = await revisionDraft(t.db, ben, SLUG);
    const revised = await publishRevision(t.db, ben, SLUG, { baseVersion: draft.version, body: `${INSERTED}\n\n${draft.body}` });
    expect(revised.version).toBe(2);

    // A restart ingests the folder again: the file has not changed since it was read.
    expect((await ingestReadings(t.db, loadReadings(workDir))).added).toEqual([]);
    expect((await getReading(SLUG, t.db)).versionNumber).toBe(2);
    expect((await getReading(SLUG, t.db)).text).toContain(INSERTED);

    // Editing the file itself makes a new version from it.
    fs.writeFileSync(file, original.replace(DELETED_PARAGRAPH, ""));
    expect((await ingestReadings(t.db, loadReadings(workDir))).added).toEqual([SLUG]);
    const third = await getReading(SLUG, t.db);
    expect(third.versionNumber).toBe(3);
    expect(third.text).not.toContain(INSERTED);
  });
});

/**
 * The database, except that inside a transaction recording where the notes sat (the
 * write right after every note row was moved) throws: a failure in the middle of a run.
 */
function failingAfterNotesMoved(db: PrismaClient): PrismaClient {
  const failing = (delegate: object) =>
    new Proxy(delegate, {
      get(target, prop) {
        const value = Reflect.get(target, prop);
        if (prop !== "createMany") return typeof value === "function" ? value.bind(target) : value;
        return () => {
          throw new Error("injected failure after the notes moved");
        };
      },
    });
  const wrapTx = (tx: object) =>
    new Proxy(tx, { get: (target, prop) => (prop === "anchorPlacement" ? failing(Reflect.get(target, prop)) : Reflect.get(target, prop)) });
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "$transaction") {
        return (fn: (tx: unknown) => Promise<unknown>, options?: object) => target.$transaction((tx) => fn(wrapTx(tx)), options);
      }
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

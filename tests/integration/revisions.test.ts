// Revising a reading: the report says what will happen, publishing does exactly that in
// one transaction, a failure midway changes nothing, history keeps every placement, and
// only those allowed may revise or see what the report lists.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { getReading, getReadingFor } from "@/lib/documents/service";
import { publishRevision, reportRevision, revisionDraft } from "@/lib/revisions/service";
import { itemsOnVersion, listVersionHistory, versionReport } from "@/lib/revisions/history";
import { selectorsFor } from "@/lib/annotations/selectors";
import { createNote } from "@/lib/annotations/service";
import { createLink } from "@/lib/links/service";
import { SECOND_TEXT } from "./annotations-support";
import { createRevisionWorld, INSERTED, PARAGRAPHS, REVISED_BODY, REWORDED_AFTER, type RevisionWorld } from "./revisions-support";

let w: RevisionWorld;
beforeEach(async () => {
  w = await createRevisionWorld();
});
afterEach(async () => {
  await w.close();
});

const revision = { baseVersion: 1, body: REVISED_BODY };
const statusOf = (report: Awaited<ReturnType<typeof reportRevision>>, kind: string, id: string) => report.items.find((i) => i.kind === kind && i.id === id)?.status;

describe("the revision report", () => {
  it("says which items stay, move or are orphaned, with old and new passages, before anything changes", async () => {
    const report = await reportRevision(w.db, w.actors.instructor, w.readingSlug, revision);
    expect(report).toMatchObject({ fromVersion: 1, toVersion: 2 });
    expect(report.counts.notes).toEqual({ stays: 1, moves: 2, orphaned: 1 });
    expect(report.counts.links).toEqual({ stays: 0, moves: 0, orphaned: 1 });
    expect(report.counts.questions).toEqual({ stays: 0, moves: 1, orphaned: 0 });
    expect(statusOf(report, "note", w.notes.kept)).toBe("stays");
    expect(statusOf(report, "note", w.notes.moved)).toBe("moves");
    expect(statusOf(report, "note", w.notes.deleted)).toBe("orphaned");
    const reworded = report.items.find((i) => i.id === w.notes.reworded)!;
    expect(reworded.old.quote).toBe("landing at Inchon");
    expect(REWORDED_AFTER).toContain(reworded.new!.quote);
    expect(report.items[0].status).toBe("orphaned");
    expect(report.blocks).toEqual({ kept: 4, added: 2, removed: 2 });
    // Nothing written yet.
    expect((await getReading(w.readingSlug, w.db)).versionNumber).toBe(1);
  });

  it("never lists or counts another person's private note", async () => {
    const forInstructor = await reportRevision(w.db, w.actors.instructor, w.readingSlug, revision);
    expect(forInstructor.items.map((i) => i.id)).not.toContain(w.notes.privateOther);
    const total = Object.values(forInstructor.counts.notes).reduce((a, b) => a + b, 0);
    expect(total).toBe(4);
  });
});

describe("publishing a revision", () => {
  it("stores the new version and places every item as the report said, keeping originals and history", async () => {
    const before = await w.db.note.findMany({ orderBy: { id: "asc" } });
    const report = await reportRevision(w.db, w.actors.instructor, w.readingSlug, revision);
    const published = await publishRevision(w.db, w.actors.instructor, w.readingSlug, revision);
    expect(published.version).toBe(2);
    expect(published.moved.notes).toEqual({ anchored: 1, reanchored: 3, orphaned: 1 }); // the private note moved too
    const reading = await getReading(w.readingSlug, w.db);
    expect(reading.versionNumber).toBe(2);
    expect(reading.text).toContain(INSERTED);

    for (const note of before) {
      const after = await w.db.note.findUniqueOrThrow({ where: { id: note.id } });
      expect(after.versionId).toBe(reading.versionId);
      expect(after.originalSelectors).toBe(note.originalSelectors);
      expect(after.originalVersionId).toBe(note.originalVersionId);
    }
    const status = async (id: string) => (await w.db.note.findUniqueOrThrow({ where: { id } })).anchorStatus;
    expect(await status(w.notes.kept)).toBe("anchored");
    expect(await status(w.notes.reworded)).toBe("reanchored");
    expect(await status(w.notes.deleted)).toBe("orphaned");

    // The history report, computed from stored placements, agrees with the one shown before publishing.
    const after = await versionReport(w.db, w.actors.instructor.id, w.readingSlug, 2);
    expect(after.counts).toEqual(report.counts);
    expect(after.items.map((i) => [i.id, i.status])).toEqual(report.items.map((i) => [i.id, i.status]));

    // Version 1 still shows its notes where they were.
    const onV1 = await itemsOnVersion(w.db, w.actors.author.id, reading.documentId, w.readingSlug, 1);
    const deletedOnV1 = onV1.find((i) => i.id === w.notes.deleted)!;
    expect(deletedOnV1.anchorStatus).toBe("anchored");
    const v1 = await w.db.documentVersion.findFirstOrThrow({ where: { documentId: reading.documentId, number: 1 } });
    const span = deletedOnV1.selectors.find((s) => s.type === "TextPositionSelector")!;
    expect(v1.canonicalText.slice(span.start, span.end)).toBe("the weather in Pusan");

    const history = await listVersionHistory(w.db, w.actors.author.id, w.readingSlug);
    expect(history.versions.map((v) => [v.number, v.current, v.origin, v.author])).toEqual([
      [2, true, "edit", "Instructor"],
      [1, false, "edit", "Instructor"],
    ]);
    expect(history.canRevise).toBe(false);
  });

  it("changes nothing when it fails midway", async () => {
    const notesBefore = await w.db.note.findMany({ orderBy: { id: "asc" } });
    const endsBefore = await w.db.linkEnd.findMany({ orderBy: { id: "asc" } });
    let saved = 0;
    const failing = (update: { stage: string }) => {
      if (update.stage === "saving" && ++saved === 4) throw new Error("injected failure while saving");
    };
    await expect(publishRevision(w.db, w.actors.instructor, w.readingSlug, revision, failing)).rejects.toThrow(/injected/);
    expect(await w.db.note.findMany({ orderBy: { id: "asc" } })).toEqual(notesBefore);
    expect(await w.db.linkEnd.findMany({ orderBy: { id: "asc" } })).toEqual(endsBefore);
    expect((await getReading(w.readingSlug, w.db)).versionNumber).toBe(1);
    expect(await w.db.documentVersion.count({ where: { document: { slug: w.readingSlug } } })).toBe(1);
    expect(await w.db.anchorPlacement.count()).toBe(0);
    // And a clean run afterwards goes through.
    expect((await publishRevision(w.db, w.actors.instructor, w.readingSlug, revision)).version).toBe(2);
  });

  it("refuses a stale base version (409), an unchanged text and a body that does not parse (400)", async () => {
    await publishRevision(w.db, w.actors.instructor, w.readingSlug, revision);
    await expect(publishRevision(w.db, w.actors.instructor, w.readingSlug, revision)).rejects.toMatchObject({ code: "conflict" });
    const draft = await revisionDraft(w.db, w.actors.instructor, w.readingSlug);
    expect(draft.version).toBe(2);
    await expect(reportRevision(w.db, w.actors.instructor, w.readingSlug, { baseVersion: 2, body: draft.body })).rejects.toMatchObject({ code: "bad_request" });
    const broken = `${draft.body}\n\nA call to a missing note.[^9]\n\n[^1]: A note.\n`;
    const error = await reportRevision(w.db, w.actors.instructor, w.readingSlug, { baseVersion: 2, body: broken }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/^Line \d+ of the text: note call \[\^9\] points at no note/);
  });
});

describe("who may revise", () => {
  it("lets the seminar's instructor revise; a student gets 403, an outsider 404", async () => {
    await expect(revisionDraft(w.db, w.actors.author, w.readingSlug)).rejects.toMatchObject({ code: "forbidden" });
    await expect(publishRevision(w.db, w.actors.author, w.readingSlug, revision)).rejects.toMatchObject({ code: "forbidden" });
    await expect(reportRevision(w.db, w.actors.otherInstructor, w.readingSlug, revision)).rejects.toMatchObject({ code: "not_found" });
    await expect(reportRevision(w.db, w.actors.nonMember, w.readingSlug, revision)).rejects.toMatchObject({ code: "not_found" });
    expect((await revisionDraft(w.db, w.actors.instructor, w.readingSlug)).body).toContain(PARAGRAPHS.kept);
  });

  it("refuses notes and links on a seminar reading from outside its seminars, as if it did not exist", async () => {
    const reading = await getReading(w.readingSlug, w.db);
    const start = reading.text.indexOf("stays exactly");
    const target = { versionId: reading.versionId, selectors: selectorsFor(reading.text, start, start + 13) };
    await expect(
      createNote(w.db, w.actors.otherInstructor, w.readingSlug, w.otherSeminarId, { target, motivation: "highlighting", tags: [], visibility: "private" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      createLink(w.db, w.actors.otherInstructor, w.otherSeminarId, {
        a: { slug: w.readingSlug, target },
        b: { slug: w.secondSlug, target: { versionId: w.secondVersionId, selectors: selectorsFor(SECOND_TEXT, 0, 6) } },
        relation: "parallel",
        visibility: "seminar",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    // Its own seminar's members still can.
    await expect(createNote(w.db, w.actors.author, w.readingSlug, w.seminarId, { target, motivation: "highlighting", tags: [], visibility: "private" })).resolves.toMatchObject({ motivation: "highlighting" });
  });

  it("keeps a seminar reading to its seminar", async () => {
    await expect(getReadingFor(w.readingSlug, w.actors.author.id, w.db)).resolves.toMatchObject({ scope: "seminar" });
    await expect(getReadingFor(w.readingSlug, w.actors.otherInstructor.id, w.db)).rejects.toMatchObject({ code: "not_found" });
    await expect(getReadingFor(w.readingSlug, null, w.db)).rejects.toMatchObject({ code: "not_found" });
    await expect(listVersionHistory(w.db, w.actors.nonMember.id, w.readingSlug)).rejects.toMatchObject({ code: "not_found" });
  });
});

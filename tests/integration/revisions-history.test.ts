// The version pages load a reading's history once: one call gives an old version's items
// and its report, the same as asking for each; access is checked without the text.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findReadableDocument, getReadingFor } from "@/lib/documents/service";
import { loadRevisable } from "@/lib/revisions/access";
import { changeReport, itemsOnVersion, versionReport, versionView } from "@/lib/revisions/history";
import { publishRevision, reportRevision } from "@/lib/revisions/service";
import { createRevisionWorld, REVISED_BODY, type RevisionWorld } from "./revisions-support";

let w: RevisionWorld;
beforeEach(async () => {
  w = await createRevisionWorld();
});
afterEach(async () => {
  await w.close();
});

const revision = { baseVersion: 1, body: REVISED_BODY };

describe("an old version's page", () => {
  it("gets the items and the report that itemsOnVersion and versionReport give", async () => {
    await publishRevision(w.db, w.actors.instructor, w.readingSlug, revision);
    await publishRevision(w.db, w.actors.instructor, w.readingSlug, { baseVersion: 2, body: `${REVISED_BODY}\nA closing paragraph added later.\n` });
    const { id } = await findReadableDocument(w.readingSlug, w.actors.author.id, w.db);
    for (const number of [1, 2]) {
      const view = await versionView(w.db, w.actors.author.id, id, w.readingSlug, number);
      expect(view.items.length).toBeGreaterThan(0);
      expect(view.items).toEqual(await itemsOnVersion(w.db, w.actors.author.id, id, w.readingSlug, number));
      expect(view.report).toEqual(number >= 2 ? await versionReport(w.db, w.actors.author.id, w.readingSlug, number) : null);
    }
    expect(await changeReport(w.db, w.actors.author.id, id, w.readingSlug, 2)).toEqual(await versionReport(w.db, w.actors.author.id, w.readingSlug, 2));
    const visitor = await versionView(w.db, null, id, w.readingSlug, 2);
    expect(visitor.items).toEqual([]);
    expect(visitor.report).toEqual(await changeReport(w.db, "", id, w.readingSlug, 2));
  });
});

describe("checking access without the text", () => {
  it("finds what getReadingFor finds, and refuses whom it refuses", async () => {
    const document = await findReadableDocument(w.readingSlug, w.actors.author.id, w.db);
    const reading = await getReadingFor(w.readingSlug, w.actors.author.id, w.db);
    expect([document.id, document.title, document.currentVersion.number]).toEqual([reading.documentId, reading.title, reading.versionNumber]);
    await expect(findReadableDocument(w.readingSlug, w.actors.nonMember.id, w.db)).rejects.toMatchObject({ code: "not_found" });
    await expect(findReadableDocument(w.readingSlug, null, w.db)).rejects.toMatchObject({ code: "not_found" });
    await expect(findReadableDocument("no-such-reading", w.actors.author.id, w.db)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the revision report for a reading already loaded", () => {
  it("is the report for its slug", async () => {
    const document = await loadRevisable(w.db, w.actors.instructor, w.readingSlug);
    expect(await reportRevision(w.db, w.actors.instructor, document, revision)).toEqual(await reportRevision(w.db, w.actors.instructor, w.readingSlug, revision));
  });
});

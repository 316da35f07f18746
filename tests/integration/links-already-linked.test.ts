// A suggested parallel the seminar has already linked, passage to passage, is no longer
// waiting for a decision; a private link does not change what the instructor is shown.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPendingSuggestions } from "@/lib/links/decisions";
import { createLink, deleteLink } from "@/lib/links/service";
import { createLinkWorld, storeTestSuggestions, type LinkWorld } from "./links-support";

let world: LinkWorld;
beforeAll(async () => {
  world = await createLinkWorld();
  await storeTestSuggestions(world);
});
afterAll(async () => {
  await world.close();
});

const pending = async () => (await listPendingSuggestions(world.db, world.actors.instructor, world.seminarId)).suggestions;

describe("pending suggestions and existing links", () => {
  it("hides a suggestion once a shared link joins its passages, and shows it again when that link goes", async () => {
    const [first] = await pending();
    const [a, b] = first.ends;
    const input = (visibility: "seminar" | "private") => ({
      a: { slug: a.readingSlug, target: { versionId: a.versionId, selectors: a.selectors } },
      b: { slug: b.readingSlug, target: { versionId: b.versionId, selectors: b.selectors } },
      relation: "parallel" as const,
      visibility,
    });

    const mine = await createLink(world.db, world.actors.author, world.seminarId, input("private"));
    expect((await pending()).map((s) => s.id)).toContain(first.id);

    const shared = await createLink(world.db, world.actors.otherStudent, world.seminarId, input("seminar"));
    const after = await pending();
    expect(after.map((s) => s.id)).not.toContain(first.id);
    expect(after.length).toBeGreaterThan(0);

    await deleteLink(world.db, world.actors.otherStudent, shared.id);
    await deleteLink(world.db, world.actors.author, mine.id);
    expect((await pending()).map((s) => s.id)).toContain(first.id);
  });
});

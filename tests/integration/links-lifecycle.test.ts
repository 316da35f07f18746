// What happens to links over time: threads and placeholders, going private, and ends
// that meet a new version of their reading (placed again, or orphaned and kept).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as linkRoute from "@/app/api/links/[id]/route";
import * as repliesRoute from "@/app/api/links/[id]/replies/route";
import * as replyRoute from "@/app/api/links/[id]/replies/[replyId]/route";
import * as readingLinksRoute from "@/app/api/readings/[slug]/links/route";
import { createLinkReply } from "@/lib/links/replies";
import { createLink, listReadingLinks } from "@/lib/links/service";
import { reanchorAll } from "@/lib/revisions/reanchor";
import { call, createLinkWorld, endFor, freshLink, linkInput, READING_TEXT, type LinkWorld } from "./links-support";

let world: LinkWorld;
beforeAll(async () => {
  world = await createLinkWorld();
});
afterAll(async () => {
  await world.close();
});

describe("links: threads", () => {
  it("replies nest, count, and a deleted link with replies stays as a placeholder until its last reply goes", async () => {
    const link = await freshLink(world, "seminar");
    const first = await call(world, repliesRoute.POST, { actor: world.actors.otherStudent, params: { id: link.id }, json: { body: { html: "<p>First</p>" } } });
    const nested = await call(world, repliesRoute.POST, {
      actor: world.actors.instructor, params: { id: link.id }, json: { parentId: first.json.reply.id, body: { html: "<p>Nested</p>" } },
    });
    expect(nested.json.reply).toMatchObject({ linkId: link.id, parentId: first.json.reply.id, author: { role: "instructor" } });
    const view = await call(world, linkRoute.GET, { actor: world.actors.author, params: { id: link.id } });
    expect(view.json.link.replyCount).toBe(2);
    expect(view.json.link.replies[0].children[0].body.text).toBe("Nested");

    const del = await call(world, linkRoute.DELETE, { actor: world.actors.author, params: { id: link.id }, method: "DELETE" });
    expect(del.json).toEqual({ id: link.id, outcome: "placeholder" });
    const placeholder = await call(world, linkRoute.GET, { actor: world.actors.otherStudent, params: { id: link.id } });
    expect(placeholder.json.link).toMatchObject({ deleted: true, author: null, body: null, replyCount: 2, permissions: { reply: false } });
    const list = await call(world, readingLinksRoute.GET, { actor: world.actors.author, params: { slug: world.slug }, path: `/api/x?seminar=${world.seminarId}` });
    expect(list.json.links.map((l: { id: string }) => l.id)).not.toContain(link.id); // lists draw live links only

    await call(world, replyRoute.DELETE, { actor: world.actors.instructor, params: { id: link.id, replyId: nested.json.reply.id }, method: "DELETE" });
    await call(world, replyRoute.DELETE, { actor: world.actors.otherStudent, params: { id: link.id, replyId: first.json.reply.id }, method: "DELETE" });
    expect(await world.db.link.findUnique({ where: { id: link.id } })).toBeNull();
    expect(await world.db.linkEnd.count({ where: { linkId: link.id } })).toBe(0);
  });

  it("a seminar link others replied to cannot become private (409); with only the author's replies it can", async () => {
    const link = await freshLink(world, "seminar");
    await createLinkReply(world.db, world.actors.otherStudent, link.id, { body: { html: "<p>Mine</p>" } });
    const blocked = await call(world, linkRoute.PATCH, { actor: world.actors.author, params: { id: link.id }, method: "PATCH", json: { revision: 1, visibility: "private" } });
    expect(blocked.status).toBe(409);
    const own = await freshLink(world, "seminar");
    await createLinkReply(world.db, world.actors.author, own.id, { body: { html: "<p>Self</p>" } });
    const ok = await call(world, linkRoute.PATCH, { actor: world.actors.author, params: { id: own.id }, method: "PATCH", json: { revision: 1, visibility: "private", body: null } });
    expect(ok.json.link).toMatchObject({ visibility: "private", body: null, revision: 2 });
  });

  it("the note is sanitised: no script survives", async () => {
    const link = await createLink(world.db, world.actors.author, world.seminarId, {
      ...linkInput(world),
      body: { html: '<p onclick="x()">Fine <script>alert(1)</script><a href="javascript:alert(1)">link</a></p>' },
    });
    expect(link.body?.html).not.toMatch(/script|onclick|javascript/);
    expect(link.body?.text).toContain("Fine");
  });
});

describe("links: ends on a changed reading", () => {
  it("an end is placed again in a new version (re-anchored) or kept as an orphan; the other end is untouched", async () => {
    const moved = await createLink(world.db, world.actors.author, world.seminarId, { ...linkInput(world), a: endFor(world, "first", "the landing at Inchon") });
    const lost = await createLink(world.db, world.actors.author, world.seminarId, { ...linkInput(world), a: endFor(world, "first", "thirty-eighth parallel") });
    // A new version of the first reading: a sentence added before, one passage reworded away.
    const text = "A new opening sentence. " + READING_TEXT.replace("the thirty-eighth parallel", "the border");
    const version = await world.db.documentVersion.create({
      data: { documentId: world.firstDocumentId, number: 2, contentHash: "v2", source: text, canonicalText: text, blocks: "[]", wordCount: 60 },
    });
    await world.db.document.update({ where: { id: world.firstDocumentId }, data: { currentVersionId: version.id } });

    const { links } = await listReadingLinks(world.db, world.actors.author, world.slug, world.seminarId);
    const byId = new Map(links.map((l) => [l.id, l]));
    const [a, b] = byId.get(moved.id)!.ends;
    expect(a.anchorStatus).toBe("reanchored");
    expect(a.current).toMatchObject({ versionId: version.id });
    expect(text.slice(a.current!.start, a.current!.end)).toBe("the landing at Inchon");
    expect(a.versionId).toBe(world.versionId); // stored selectors still name the version they were made on
    expect(b.anchorStatus).toBe("anchored");
    const orphan = byId.get(lost.id)!.ends[0];
    expect(orphan).toMatchObject({ anchorStatus: "orphaned", current: null, quote: "thirty-eighth parallel" });

    // Re-anchoring stores the same outcome; the views do not change; a second run does nothing.
    const [{ links: counts }] = await reanchorAll(world.db, [world.slug]);
    expect(counts.reanchored).toBeGreaterThanOrEqual(1);
    expect(counts.orphaned).toBeGreaterThanOrEqual(1);
    const stored = await world.db.linkEnd.findFirstOrThrow({ where: { linkId: lost.id, side: "a" } });
    expect(stored).toMatchObject({ versionId: version.id, anchorStatus: "orphaned", originalVersionId: world.versionId });
    expect(JSON.parse(stored.selectors)[0].exact).toBe("thirty-eighth parallel");
    const again = await listReadingLinks(world.db, world.actors.author, world.slug, world.seminarId);
    const movedEnd = again.links.find((l) => l.id === moved.id)!.ends[0];
    expect(movedEnd).toMatchObject({ anchorStatus: "reanchored", versionId: version.id, quote: "the landing at Inchon" });
    expect(again.links.find((l) => l.id === lost.id)!.ends[0]).toMatchObject({ anchorStatus: "orphaned", current: null });
    const [{ links: second }] = await reanchorAll(world.db, [world.slug]);
    expect(second).toEqual({ anchored: 0, reanchored: 0, orphaned: 0 });
  });
});

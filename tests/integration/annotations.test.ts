// Notes end to end through the route handlers: create, list, filter, sort, edit with
// revisions (409 on a stale edit), change of kind and visibility, W3C export.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as notesRoute from "@/app/api/readings/[slug]/notes/route";
import * as noteRoute from "@/app/api/notes/[id]/route";
import * as exportRoute from "@/app/api/notes/[id]/annotation/route";
import { createReply } from "@/lib/annotations/replies";
import { call, createWorld, READING_TEXT, targetFor, type World } from "./annotations-support";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => {
  await world.close();
});

const listPath = (query = "") => `/api/readings/${world.slug}/notes?seminar=${world.seminarId}${query}`;
async function post(actor: keyof World["actors"], quote: string, extra: object = {}) {
  const result = await call(world, notesRoute.POST, {
    actor: world.actors[actor], params: { slug: world.slug }, path: listPath(),
    json: { target: targetFor(world, quote), motivation: "commenting", visibility: "seminar", body: { html: `<p>On ${quote}</p>` }, ...extra },
  });
  expect(result.status, JSON.stringify(result.json)).toBe(201);
  return result.json.note;
}
const list = async (actor: keyof World["actors"], query = "") =>
  (await call(world, notesRoute.GET, { actor: world.actors[actor], params: { slug: world.slug }, path: listPath(query) })).json.notes as any[];

describe("notes", () => {
  it("stores the selectors, version, status and body, and answers the view the UI needs", async () => {
    const note = await post("author", "Security Council", { tags: ["UN", " un ", "Resolutions"] });
    const start = READING_TEXT.indexOf("Security Council");
    expect(note).toMatchObject({
      readingSlug: world.slug,
      versionId: world.versionId,
      originalVersionId: world.versionId,
      anchorStatus: "anchored",
      quote: "Security Council",
      motivation: "commenting",
      visibility: "seminar",
      tags: ["UN", "Resolutions"],
      hidden: false,
      deleted: false,
      revision: 1,
      author: { id: world.actors.author.id, name: "Author", role: "student" },
      permissions: { edit: true, delete: true, hide: false, reply: true },
      body: { html: "<p>On Security Council</p>", text: "On Security Council", json: null },
      replyCount: 0,
      replies: [],
    });
    expect(note.selectors).toEqual([
      { type: "TextQuoteSelector", exact: "Security Council", prefix: READING_TEXT.slice(start - 32, start), suffix: READING_TEXT.slice(start + 16, start + 48) },
      { type: "TextPositionSelector", start, end: start + 16 },
    ]);
    expect(note.originalSelectors).toEqual(note.selectors);
  });

  it("a highlight has no body; a comment made from tiptap JSON keeps the cleaned JSON", async () => {
    const highlight = await post("author", "Inchon", { motivation: "highlighting", body: undefined, visibility: "private" });
    expect(highlight).toMatchObject({ motivation: "highlighting", body: null });
    const doc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Bold", marks: [{ type: "bold" }] }] }] };
    const comment = await post("author", "the decision", { body: { json: doc } });
    expect(comment.body).toEqual({ json: doc, html: "<p><strong>Bold</strong></p>", text: "Bold" });
  });

  it("lists in text order by default, newest or oldest on request, and filters by tag, author, kind, mine and words", async () => {
    const late = await post("otherStudent", "parallel followed", { tags: ["Decision"] });
    const early = await post("instructor", "On 25 June 1950", { tags: ["decision"] });
    const all = await list("author");
    const starts = all.map((n) => n.selectors[1].start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect((await list("author", "&sort=newest"))[0].id).toBe(early.id);
    expect((await list("author", "&sort=oldest")).at(-1).id).toBe(early.id);
    expect((await list("author", "&tag=DECISION")).map((n) => n.id)).toEqual([early.id, late.id]);
    expect((await list("author", `&author=${world.actors.instructor.id}`)).map((n) => n.id)).toEqual([early.id]);
    expect((await list("author", "&motivation=highlighting")).every((n) => n.motivation === "highlighting")).toBe(true);
    expect((await list("author", "&mine=true")).every((n) => n.author.id === world.actors.author.id)).toBe(true);
    expect((await list("author", "&q=june%201950")).map((n) => n.id)).toEqual([early.id]);
    expect(early.author.role).toBe("instructor");
  });

  it("an edit from the current revision lands and moves the revision on; a stale one gets 409 with the current note", async () => {
    const note = await post("author", "Seoul had fallen");
    const edit = (revision: number, json: object) =>
      call(world, noteRoute.PATCH, { actor: world.actors.author, params: { id: note.id }, method: "PATCH", json: { revision, ...json } });
    const first = await edit(1, { body: { html: "<p>First</p>" }, tags: ["one"] });
    expect(first.json.note).toMatchObject({ revision: 2, tags: ["one"], body: { text: "First" } });
    const stale = await edit(1, { body: { html: "<p>Overwrite?</p>" } });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("conflict");
    expect(stale.json.error.details.current).toMatchObject({ revision: 2, body: { text: "First" } });
    const saved = await call(world, noteRoute.GET, { actor: world.actors.author, params: { id: note.id } });
    expect(saved.json.note.body.text).toBe("First");
  });

  it("a comment turned into a highlight loses its body; back needs a body", async () => {
    const note = await post("author", "army of the North");
    const edit = (json: object) => call(world, noteRoute.PATCH, { actor: world.actors.author, params: { id: note.id }, method: "PATCH", json });
    const toHighlight = await edit({ revision: 1, motivation: "highlighting" });
    expect(toHighlight.json.note).toMatchObject({ motivation: "highlighting", body: null, revision: 2 });
    expect((await edit({ revision: 2, motivation: "commenting" })).status).toBe(400);
    const back = await edit({ revision: 2, motivation: "commenting", body: { html: "again" } });
    expect(back.json.note).toMatchObject({ motivation: "commenting", body: { text: "again" } });
  });

  it("a note others replied to cannot become private (their replies would vanish); one without can", async () => {
    const note = await post("author", "landing at Inchon");
    const edit = (revision: number) =>
      call(world, noteRoute.PATCH, { actor: world.actors.author, params: { id: note.id }, method: "PATCH", json: { revision, visibility: "private" } });
    await createReply(world.db, world.actors.author, note.id, { body: { html: "my own follow-up" } });
    expect((await edit(1)).json.note.visibility).toBe("private");
    const other = await post("author", "help repel");
    await createReply(world.db, world.actors.otherStudent, other.id, { body: { html: "a reply" } });
    const refused = await call(world, noteRoute.PATCH, { actor: world.actors.author, params: { id: other.id }, method: "PATCH", json: { revision: 1, visibility: "private" } });
    expect(refused.status).toBe(409);
  });

  it("exports a note as a W3C Web Annotation with the JSON-LD media type", async () => {
    const note = await post("author", "turned the war", { tags: ["turning point"] });
    const result = await call(world, exportRoute.GET, { actor: world.actors.otherStudent, params: { id: note.id } });
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toContain("application/ld+json");
    expect(result.json).toMatchObject({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "Annotation",
      motivation: "commenting",
      target: { source: `http://parallax.test/read/${world.slug}?version=${world.versionId}`, selector: note.selectors },
    });
    expect(result.json.body).toEqual([
      { type: "TextualBody", value: "<p>On turned the war</p>", format: "text/html", purpose: "commenting" },
      { type: "TextualBody", value: "turning point", purpose: "tagging" },
    ]);
  });
});

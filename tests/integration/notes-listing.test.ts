// The notes listing reads every note of a reading at once, with its thread counted in
// parts, and decides per viewer what they see (lib/annotations/list-view.ts), while a
// single note loads its own rows (getNote): for every viewer, each listed note must
// equal the note fetched on its own as the list carries it (its summary, or its card
// when asked for by id), with hidden, deleted, nested, private, departed and
// off-version cases included, with real types (dates, booleans, counts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as notesRoute from "@/app/api/readings/[slug]/notes/route";
import { createReply, deleteReply, setReplyHidden } from "@/lib/annotations/replies";
import { createNote, getNote, listNoteCards, listNotes, setNoteHidden } from "@/lib/annotations/service";
import { cardOf, summaryFacts, summaryOf } from "@/lib/annotations/list-view";
import { notePermissions } from "@/lib/annotations/permissions";
import { EXCERPT_CHARS, type NoteView } from "@/lib/annotations/schema";
import { call, createWorld, targetFor, type World } from "./annotations-support";

const LONG = `${"word ".repeat(40)}needle-at-the-end`;

let world: World;
const viewers = ["author", "otherStudent", "instructor"] as const;
const ids: Record<string, string> = {};

beforeAll(async () => {
  world = await createWorld();
  const { actors, slug, seminarId, db } = world;
  const note = async (actor: keyof World["actors"], quote: string, visibility: "seminar" | "private" = "seminar", html = `<p>On ${quote}</p>`) =>
    (await createNote(db, actors[actor], slug, seminarId, { target: targetFor(world, quote), motivation: "commenting", body: { html }, tags: ["Tag"], visibility })).id;
  const reply = async (actor: keyof World["actors"], noteId: string, text: string, parentId?: string) =>
    (await createReply(db, actors[actor], noteId, { parentId, body: { html: `<p>${text}</p>` } })).id;

  ids.open = await note("author", "Security Council", "seminar", `<p>${LONG}</p>`);
  const first = await reply("otherStudent", ids.open, "First");
  await reply("author", ids.open, "Answer to first", first);
  const hidden = await reply("otherStudent", ids.open, "Hidden one");
  await setReplyHidden(db, actors.instructor, hidden, true);
  const gone = await reply("instructor", ids.open, "Deleted, with an answer");
  await reply("author", ids.open, "Answer kept", gone);
  await deleteReply(db, actors.instructor, gone);

  ids.mine = await note("author", "Inchon", "private");
  await reply("author", ids.mine, "Talking to myself");
  ids.moderated = await note("otherStudent", "Seoul had fallen");
  await reply("author", ids.moderated, "Before it was hidden");
  await setNoteHidden(db, actors.instructor, ids.moderated, true);
  ids.highlight = (
    await createNote(db, actors.instructor, slug, seminarId, { target: targetFor(world, "thirty-eighth parallel"), motivation: "highlighting", tags: [], visibility: "seminar" })
  ).id;

  // Someone who wrote a note and left the seminar: listed without a role.
  const leaver = await db.user.create({ data: { email: "leaver@example.test", name: "Leaver", passwordHash: "x" } });
  await db.membership.create({ data: { seminarId, userId: leaver.id, role: "student" } });
  ids.departed = await note("author", "the army of the North");
  await db.note.update({ where: { id: ids.departed }, data: { authorId: leaver.id } });
  await db.membership.delete({ where: { seminarId_userId: { seminarId, userId: leaver.id } } });
}, 60_000);
afterAll(async () => {
  await world.close();
});

const currentVersion = async () => (await world.db.document.findUniqueOrThrow({ where: { slug: world.slug } })).currentVersionId;

describe("notes listing", () => {
  it.each(viewers)("as %s, lists each note as fetched on its own, summed up: an excerpt for its body, its thread counted", async (name) => {
    const actor = world.actors[name];
    const { notes } = await listNotes(world.db, actor, world.slug, { seminar: world.seminarId });
    expect(notes.length).toBeGreaterThan(0);
    const current = await currentVersion();
    const viewer = { userId: actor.id, role: name === "instructor" ? ("instructor" as const) : ("student" as const) };
    for (const listed of notes) {
      expect(listed).not.toHaveProperty("body");
      const own = await getNote(world.db, actor, listed.id);
      expect(listed).toEqual(summaryOf(own, current));
      // The panel decides a listed card's actions from its facts, as the server would.
      expect(notePermissions(summaryFacts(listed), viewer)).toEqual(own.permissions);
    }
  });

  it.each(viewers)("as %s, gives the cards of the notes named by id, and only of those the viewer may see", async (name) => {
    const actor = world.actors[name];
    const all = Object.values(ids);
    const { notes } = await listNoteCards(world.db, actor, world.slug, { seminar: world.seminarId, ids: all });
    const current = await currentVersion();
    const visible: string[] = [];
    for (const id of all) {
      const own = await getNote(world.db, actor, id).catch(() => null);
      if (own) visible.push(id);
    }
    expect(notes.map((n) => n.id).sort()).toEqual(visible.sort());
    for (const card of notes) {
      expect(card.replies).toEqual([]);
      expect(card).toEqual(cardOf(await getNote(world.db, actor, card.id), current));
    }
  });

  it("never names a private note of someone else, nor a hidden one to a student, whatever the ids ask", async () => {
    const { notes } = await listNoteCards(world.db, world.actors.otherStudent, world.slug, { seminar: world.seminarId, ids: [ids.mine] });
    expect(notes).toEqual([]);
    const hidden = await listNoteCards(world.db, world.actors.author, world.slug, { seminar: world.seminarId, ids: [ids.moderated] });
    expect(hidden.notes).toEqual([]);
    const { notes: all } = await listNotes(world.db, world.actors.instructor, world.slug, { seminar: world.seminarId });
    expect(JSON.stringify(all)).not.toContain("On Inchon");
  });

  it("cuts a long body's excerpt after a word, and still finds words beyond it", async () => {
    const { notes } = await listNotes(world.db, world.actors.otherStudent, world.slug, { seminar: world.seminarId });
    const open = notes.find((n) => n.id === ids.open)!;
    expect(open.excerpt!.length).toBeLessThanOrEqual(EXCERPT_CHARS + 1);
    expect(open.excerpt).toMatch(/^word word .* word…$/);
    expect(notes.find((n) => n.id === ids.highlight)?.excerpt).toBeNull();
    const found = await listNotes(world.db, world.actors.otherStudent, world.slug, { seminar: world.seminarId, q: "needle-at-the-end" });
    expect(found.notes.map((n) => n.id)).toEqual([ids.open]);
  });

  it("answers the route's ids parameter, and refuses more than it allows", async () => {
    const path = (query: string) => `/api/readings/${world.slug}/notes?seminar=${world.seminarId}${query}`;
    const get = (query: string) => call(world, notesRoute.GET, { actor: world.actors.author, params: { slug: world.slug }, path: path(query) });
    const named = await get(`&ids=${ids.open},${ids.highlight}`);
    expect(named.status).toBe(200);
    expect((named.json.notes as NoteView[]).map((n) => n.id).sort()).toEqual([ids.open, ids.highlight].sort());
    expect((named.json.notes as NoteView[]).find((n) => n.id === ids.open)?.body?.html).toContain("needle-at-the-end");
    expect((await get(`&ids=${Array.from({ length: 101 }, (_, i) => `n${i}`).join(",")}`)).status).toBe(400);
    expect((await get("&ids=")).status).toBe(400);
  });

  it("fetches a listed note's thread with the types of the stored replies (dates, flags) and the placeholders", async () => {
    const { notes } = await listNotes(world.db, world.actors.otherStudent, world.slug, { seminar: world.seminarId });
    const listed = notes.find((n) => n.quote === "Security Council")!;
    const fetched = await getNote(world.db, world.actors.otherStudent, listed.id);
    expect(listed.replyCount).toBe(fetched.replyCount);
    const thread = fetched.replies;
    expect(thread.map((r) => r.placeholder)).toEqual([null, null, "deleted"]);
    expect(thread[1]).toMatchObject({ hidden: true, author: { name: "OtherStudent" } }); // their own hidden reply
    expect(thread[2].children).toHaveLength(1);
    expect(Number.isNaN(Date.parse(thread[0].createdAt))).toBe(false);
    expect(notes.some((n) => n.quote === "Inchon")).toBe(false); // the author's private note
  });

  it("keeps the quote's context for notes still on an older version, and lists the same after a new one", async () => {
    const { db } = world;
    const document = await db.document.findUniqueOrThrow({ where: { slug: world.slug }, include: { currentVersion: true } });
    const next = await db.documentVersion.create({
      data: { documentId: document.id, number: 2, contentHash: "v2", source: "x", canonicalText: document.currentVersion!.canonicalText, blocks: "[]", wordCount: 1 },
    });
    await db.document.update({ where: { id: document.id }, data: { currentVersionId: next.id } });
    try {
      const actor = world.actors.instructor;
      const { notes } = await listNotes(db, actor, world.slug, { seminar: world.seminarId });
      const quote = notes[0].selectors.find((s) => s.type === "TextQuoteSelector");
      expect(quote).toHaveProperty("prefix");
      for (const listed of notes) expect(listed).toEqual(summaryOf(await getNote(db, actor, listed.id), next.id));
      const { notes: cards } = await listNoteCards(db, actor, world.slug, { seminar: world.seminarId, ids: notes.map((n) => n.id) });
      for (const card of cards) expect(card).toEqual(cardOf(await getNote(db, actor, card.id), next.id));
    } finally {
      await db.document.update({ where: { id: document.id }, data: { currentVersionId: document.currentVersionId } });
    }
  });
});

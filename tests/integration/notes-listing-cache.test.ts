// A reading's list keeps what it read while the database is unchanged
// (lib/annotations/list-cache.ts). Every kind of write must show in the very next
// listing, by this client or by another connection to the same file, and what is kept
// must never let one viewer see what only another may.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReply, setReplyHidden } from "@/lib/annotations/replies";
import { createNote, deleteNote, listNoteCards, listNotes, setNoteHidden, updateNote } from "@/lib/annotations/service";
import { readingNotes } from "@/lib/annotations/list-cache";
import { findListedReading } from "@/lib/annotations/list-query";
import { createPrismaClient } from "@/lib/db/client";
import { createWorld, targetFor, type World } from "./annotations-support";

let world: World;
beforeAll(async () => {
  world = await createWorld();
}, 60_000);
afterAll(async () => {
  await world.close();
});

const list = async (name: keyof World["actors"]) => (await listNotes(world.db, world.actors[name], world.slug, { seminar: world.seminarId })).notes;
const note = (name: keyof World["actors"], quote: string, visibility: "seminar" | "private" = "seminar") =>
  createNote(world.db, world.actors[name], world.slug, world.seminarId, {
    target: targetFor(world, quote), motivation: "commenting", body: { html: `<p>On ${quote}</p>` }, tags: [], visibility,
  });

describe("the reading's notes, kept between listings", () => {
  it("are read once while nothing changes, and again after any write", async () => {
    await note("author", "Security Council");
    const reading = async () => (await findListedReading(world.db, world.slug))!;
    const first = await readingNotes(world.db, world.seminarId, await reading());
    expect(await readingNotes(world.db, world.seminarId, await reading())).toBe(first);
    await world.db.user.update({ where: { id: world.actors.nonMember.id }, data: { name: "Someone else" } });
    expect(await readingNotes(world.db, world.seminarId, await reading())).not.toBe(first);
  });

  it("show every change to notes, replies, roles and names in the next listing", async () => {
    const shared = await note("otherStudent", "Seoul had fallen");
    expect((await list("author")).find((n) => n.id === shared.id)).toMatchObject({ replyCount: 0, author: { name: "OtherStudent", role: "student" } });

    const reply = await createReply(world.db, world.actors.author, shared.id, { body: { html: "<p>One</p>" } });
    expect((await list("author")).find((n) => n.id === shared.id)?.replyCount).toBe(1);
    await setReplyHidden(world.db, world.actors.instructor, reply.id, true);
    expect((await list("author")).find((n) => n.id === shared.id)?.replyCount).toBe(1); // their own hidden reply
    expect((await list("otherStudent")).find((n) => n.id === shared.id)?.replyCount).toBe(0);
    expect((await list("instructor")).find((n) => n.id === shared.id)?.replyCount).toBe(1);

    await updateNote(world.db, world.actors.otherStudent, shared.id, { revision: shared.revision, tags: ["edited"] });
    expect((await list("author")).find((n) => n.id === shared.id)).toMatchObject({ tags: ["edited"], revision: 2 });

    await world.db.membership.update({ where: { seminarId_userId: { seminarId: world.seminarId, userId: world.actors.otherStudent.id } }, data: { role: "instructor" } });
    expect((await list("author")).find((n) => n.id === shared.id)?.author?.role).toBe("instructor");
    await world.db.membership.update({ where: { seminarId_userId: { seminarId: world.seminarId, userId: world.actors.otherStudent.id } }, data: { role: "student" } });

    await world.db.user.update({ where: { id: world.actors.otherStudent.id }, data: { name: "Renamed" } });
    expect((await list("author")).find((n) => n.id === shared.id)?.author?.name).toBe("Renamed");
    await world.db.user.update({ where: { id: world.actors.otherStudent.id }, data: { name: "OtherStudent" } });

    await setNoteHidden(world.db, world.actors.instructor, shared.id, true);
    expect((await list("author")).some((n) => n.id === shared.id)).toBe(false);
    expect((await list("otherStudent")).find((n) => n.id === shared.id)?.hidden).toBe(true);
    await setNoteHidden(world.db, world.actors.instructor, shared.id, false);

    await deleteNote(world.db, world.actors.otherStudent, shared.id);
    expect((await list("author")).find((n) => n.id === shared.id)).toMatchObject({ deleted: true, author: null, replyCount: 1 });
    expect((await list("otherStudent")).some((n) => n.id === shared.id)).toBe(false); // nothing left they may read
  });

  it("show a write made through another connection to the same database", async () => {
    const kept = await note("author", "Inchon");
    await list("otherStudent");
    const other = createPrismaClient(`file:${world.file}`);
    try {
      await other.note.update({ where: { id: kept.id }, data: { tags: JSON.stringify(["from elsewhere"]) } });
    } finally {
      await other.$disconnect();
    }
    expect((await list("otherStudent")).find((n) => n.id === kept.id)?.tags).toEqual(["from elsewhere"]);
  });

  it("never hand one viewer what only another may see, whoever listed first", async () => {
    const secret = await note("author", "the decision", "private");
    expect((await list("author")).some((n) => n.id === secret.id)).toBe(true);
    expect((await list("otherStudent")).some((n) => n.id === secret.id)).toBe(false);
    expect((await list("instructor")).some((n) => n.id === secret.id)).toBe(false);
    const cards = await listNoteCards(world.db, world.actors.instructor, world.slug, { seminar: world.seminarId, ids: [secret.id] });
    expect(cards.notes).toEqual([]);
  });

  it("are read afresh, and not kept, inside a transaction", async () => {
    const shared = await note("instructor", "parallel followed");
    await list("author");
    await world.db
      .$transaction(async (tx) => {
        await tx.note.update({ where: { id: shared.id }, data: { tags: JSON.stringify(["in a transaction"]) } });
        const inside = await listNotes(tx, world.actors.author, world.slug, { seminar: world.seminarId });
        expect(inside.notes.find((n) => n.id === shared.id)?.tags).toEqual(["in a transaction"]);
        throw new Error("roll back");
      })
      .catch(() => {});
    expect((await list("author")).find((n) => n.id === shared.id)?.tags).toEqual([]);
  });
});

// The notes listing loads a reading's threads in one query (lib/annotations/repo.ts,
// listRepliesOnReading) while a single note loads its own (listReplies): for every
// viewer, each listed note must equal the note fetched on its own, hidden, deleted,
// nested and private cases included, with real types (dates, booleans).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReply, deleteReply, setReplyHidden } from "@/lib/annotations/replies";
import { createNote, getNote, listNotes, setNoteHidden } from "@/lib/annotations/service";
import { noteSummary } from "@/lib/annotations/view";
import { createWorld, targetFor, type World } from "./annotations-support";

let world: World;
beforeAll(async () => {
  world = await createWorld();
  const { actors, slug, seminarId } = world;
  const note = (actor: keyof World["actors"], quote: string, visibility: "seminar" | "private" = "seminar") =>
    createNote(world.db, actors[actor], slug, seminarId, {
      target: targetFor(world, quote), motivation: "commenting", body: { html: `<p>On ${quote}</p>` }, tags: [], visibility,
    });
  const reply = (actor: keyof World["actors"], noteId: string, text: string, parentId?: string) =>
    createReply(world.db, actors[actor], noteId, { parentId, body: { html: `<p>${text}</p>` } });

  const open = await note("author", "Security Council");
  const first = await reply("otherStudent", open.id, "First");
  await reply("author", open.id, "Answer to first", first.id);
  const hidden = await reply("otherStudent", open.id, "Hidden one");
  await setReplyHidden(world.db, actors.instructor, hidden.id, true);
  const gone = await reply("instructor", open.id, "Deleted, with an answer");
  await reply("author", open.id, "Answer kept", gone.id);
  await deleteReply(world.db, actors.instructor, gone.id);

  const mine = await note("author", "Inchon", "private");
  await reply("author", mine.id, "Talking to myself");
  const moderated = await note("otherStudent", "Seoul had fallen");
  await reply("author", moderated.id, "Before it was hidden");
  await setNoteHidden(world.db, actors.instructor, moderated.id, true);
}, 60_000);
afterAll(async () => {
  await world.close();
});

describe("notes listing", () => {
  it.each(["author", "otherStudent", "instructor"] as const)(
    "as %s, lists each note as fetched on its own, less its thread (counted the same)",
    async (name) => {
      const actor = world.actors[name];
      const { notes } = await listNotes(world.db, actor, world.slug, { seminar: world.seminarId });
      expect(notes.length).toBeGreaterThan(0);
      for (const listed of notes) {
        expect(listed.replies).toEqual([]);
        expect(listed).toEqual(noteSummary(await getNote(world.db, actor, listed.id)));
      }
    },
  );

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
});

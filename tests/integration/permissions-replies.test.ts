// The permission matrix of replies: edit, delete, hide and answer a reply, for every
// kind of actor; and what hidden and deleted replies look like to each of them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as noteRoute from "@/app/api/notes/[id]/route";
import * as repliesRoute from "@/app/api/notes/[id]/replies/route";
import * as replyRoute from "@/app/api/replies/[id]/route";
import * as replyHideRoute from "@/app/api/replies/[id]/hide/route";
import { createReply } from "@/lib/annotations/replies";
import { createNote } from "@/lib/annotations/service";
import { flattenThread } from "@/lib/annotations/thread";
import type { ReplyView } from "@/lib/annotations/schema";
import { ACTORS, call, createWorld, targetFor, type ActorName, type World } from "./annotations-support";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => {
  await world.close();
});

/** A seminar note by the author with one reply by the other student. */
async function thread() {
  const note = await createNote(world.db, world.actors.author, world.slug, world.seminarId, {
    target: targetFor(world, "Inchon"),
    motivation: "commenting",
    body: { html: "<p>The turn of the war.</p>" },
    tags: [],
    visibility: "seminar",
  });
  const reply = await createReply(world.db, world.actors.otherStudent, note.id, { body: { html: "<p>Or was it?</p>" } });
  return { noteId: note.id, replyId: reply.id, revision: reply.revision };
}

const outsider = 404;
const matrix: Record<string, Record<ActorName, number>> = {
  "PATCH /api/replies/[id]": { anonymous: 401, nonMember: outsider, otherInstructor: outsider, author: 403, otherStudent: 200, instructor: 403 },
  "DELETE /api/replies/[id]": { anonymous: 401, nonMember: outsider, otherInstructor: outsider, author: 403, otherStudent: 200, instructor: 403 },
  "POST /api/replies/[id]/hide": { anonymous: 401, nonMember: outsider, otherInstructor: outsider, author: 403, otherStudent: 403, instructor: 200 },
  "POST /api/notes/[id]/replies (to a reply)": { anonymous: 401, nonMember: outsider, otherInstructor: outsider, author: 201, otherStudent: 201, instructor: 201 },
};

describe("replies: permission matrix (reply written by otherStudent on author's seminar note)", () => {
  for (const [endpoint, row] of Object.entries(matrix)) {
    for (const actorName of ACTORS) {
      it(`${endpoint} by ${actorName} → ${row[actorName]}`, async () => {
        const { noteId, replyId, revision } = await thread();
        const actor = world.actor(actorName);
        const result =
          endpoint === "PATCH /api/replies/[id]"
            ? await call(world, replyRoute.PATCH, { actor, params: { id: replyId }, method: "PATCH", json: { revision, body: { html: "<p>Edited</p>" } } })
            : endpoint === "DELETE /api/replies/[id]"
              ? await call(world, replyRoute.DELETE, { actor, params: { id: replyId }, method: "DELETE" })
              : endpoint === "POST /api/replies/[id]/hide"
                ? await call(world, replyHideRoute.POST, { actor, params: { id: replyId }, json: { hidden: true } })
                : await call(world, repliesRoute.POST, { actor, params: { id: noteId }, json: { parentId: replyId, body: { html: "<p>Nested</p>" } } });
        expect(result.status, JSON.stringify(result.json)).toBe(row[actorName]);
        if (result.status === 201) expect(result.json.reply).toMatchObject({ parentId: replyId, placeholder: null });
      });
    }
  }
});

describe("replies: hidden and deleted", () => {
  const seenBy = async (name: ActorName, noteId: string) =>
    flattenThread((await call(world, noteRoute.GET, { actor: world.actor(name), params: { id: noteId } })).json.note.replies as ReplyView[]);

  it("a hidden reply is shown to its author (marked) and instructors, and dropped for others", async () => {
    const { noteId, replyId } = await thread();
    await call(world, replyHideRoute.POST, { actor: world.actors.instructor, params: { id: replyId }, json: { hidden: true } });
    expect((await seenBy("otherStudent", noteId)).map((r) => [r.id, r.hidden])).toEqual([[replyId, true]]);
    expect((await seenBy("instructor", noteId)).map((r) => [r.id, r.hidden])).toEqual([[replyId, true]]);
    expect(await seenBy("author", noteId)).toEqual([]);
    const note = await call(world, noteRoute.GET, { actor: world.actors.author, params: { id: noteId } });
    expect(note.json.note.replyCount).toBe(0);
    expect(JSON.stringify(note.json)).not.toContain("Or was it?");
  });

  it("a hidden reply with visible answers stays as a content-free placeholder for others", async () => {
    const { noteId, replyId } = await thread();
    await createReply(world.db, world.actors.instructor, noteId, { parentId: replyId, body: { html: "<p>Answer</p>" } });
    await call(world, replyHideRoute.POST, { actor: world.actors.instructor, params: { id: replyId }, json: { hidden: true } });
    const [placeholder, answer] = await seenBy("author", noteId);
    expect(placeholder).toMatchObject({ id: replyId, placeholder: "hidden", author: null, body: null });
    expect(answer.body?.text).toBe("Answer");
    const view = await call(world, noteRoute.GET, { actor: world.actors.author, params: { id: noteId } });
    expect(view.json.note.replyCount).toBe(1);
  });

  it("deleting a reply with answers leaves a placeholder; deleting the answer then removes both", async () => {
    const { noteId, replyId } = await thread();
    const answer = await createReply(world.db, world.actors.author, noteId, { parentId: replyId, body: { html: "<p>Answer</p>" } });
    const del = await call(world, replyRoute.DELETE, { actor: world.actors.otherStudent, params: { id: replyId }, method: "DELETE" });
    expect(del.json).toEqual({ id: replyId, outcome: "placeholder" });
    const [placeholder] = await seenBy("instructor", noteId);
    expect(placeholder).toMatchObject({ placeholder: "deleted", author: null, body: null });
    expect(await world.db.reply.findUnique({ where: { id: replyId } })).toMatchObject({ bodyHtml: null, bodyText: null });

    const del2 = await call(world, replyRoute.DELETE, { actor: world.actors.author, params: { id: answer.id }, method: "DELETE" });
    expect(del2.json.outcome).toBe("deleted");
    expect(await world.db.reply.count({ where: { noteId } })).toBe(0);
  });

  it("a deleted note with replies stays as a placeholder that keeps its thread, and goes with its last reply", async () => {
    const { noteId, replyId } = await thread();
    const del = await call(world, noteRoute.DELETE, { actor: world.actors.author, params: { id: noteId }, method: "DELETE" });
    expect(del.json.outcome).toBe("placeholder");
    const view = await call(world, noteRoute.GET, { actor: world.actors.otherStudent, params: { id: noteId } });
    expect(view.json.note).toMatchObject({ deleted: true, author: null, body: null, tags: [], replyCount: 1 });
    expect(view.json.note.permissions).toMatchObject({ edit: false, reply: false });
    const reply = await call(world, repliesRoute.POST, { actor: world.actors.otherStudent, params: { id: noteId }, json: { body: { html: "x" } } });
    expect(reply.status).toBe(409);

    await call(world, replyRoute.DELETE, { actor: world.actors.otherStudent, params: { id: replyId }, method: "DELETE" });
    expect(await world.db.note.findUnique({ where: { id: noteId } })).toBeNull();
  });

  it("stale reply edits get 409 with the current reply", async () => {
    const { replyId } = await thread();
    const first = await call(world, replyRoute.PATCH, {
      actor: world.actors.otherStudent, params: { id: replyId }, method: "PATCH", json: { revision: 1, body: { html: "<p>First edit</p>" } },
    });
    expect(first.json.reply.revision).toBe(2);
    const stale = await call(world, replyRoute.PATCH, {
      actor: world.actors.otherStudent, params: { id: replyId }, method: "PATCH", json: { revision: 1, body: { html: "<p>Second edit</p>" } },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.details.current.body.text).toBe("First edit");
  });

  it("replies carry their author's role in the seminar (instructor badge)", async () => {
    const { noteId } = await thread();
    await createReply(world.db, world.actors.instructor, noteId, { body: { html: "<p>From the instructor</p>" } });
    const replies = await seenBy("author", noteId);
    expect(replies.map((r) => r.author?.role)).toEqual(["student", "instructor"]);
  });
});

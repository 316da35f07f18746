// The permission matrix of notes: every endpoint × every kind of actor × both
// visibilities, through the exported route handlers on a real SQLite database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as notesRoute from "@/app/api/readings/[slug]/notes/route";
import * as noteRoute from "@/app/api/notes/[id]/route";
import * as hideRoute from "@/app/api/notes/[id]/hide/route";
import * as repliesRoute from "@/app/api/notes/[id]/replies/route";
import * as exportRoute from "@/app/api/notes/[id]/annotation/route";
import * as seminarRoute from "@/app/api/seminars/[id]/route";
import { createNote } from "@/lib/annotations/service";
import { ACTORS, call, createWorld, targetFor, type ActorName, type World } from "./annotations-support";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => {
  await world.close();
});

type Visibility = "private" | "seminar";
let counter = 0;

/** A fresh comment by the author, with a word no other note contains (to search for). */
async function freshNote(visibility: Visibility) {
  const word = `needle${++counter}x`;
  const note = await createNote(world.db, world.actors.author, world.slug, world.seminarId, {
    target: targetFor(world, "Seoul had fallen"),
    motivation: "commenting",
    body: { html: `<p>About the fall: ${word}</p>` },
    tags: [`tag-${word}`],
    visibility,
  });
  return { id: note.id, word, revision: note.revision };
}

// Expected status per actor: [private note, seminar note].
type Row = Record<ActorName, [number, number]>;
const outsider: [number, number] = [404, 404];
const matrix: Record<string, Row> = {
  "GET /api/notes/[id]": { anonymous: [401, 401], nonMember: outsider, otherInstructor: outsider, author: [200, 200], otherStudent: [404, 200], instructor: [404, 200] },
  "PATCH /api/notes/[id]": { anonymous: [401, 401], nonMember: outsider, otherInstructor: outsider, author: [200, 200], otherStudent: [404, 403], instructor: [404, 403] },
  "DELETE /api/notes/[id]": { anonymous: [401, 401], nonMember: outsider, otherInstructor: outsider, author: [200, 200], otherStudent: [404, 403], instructor: [404, 403] },
  "POST /api/notes/[id]/hide": { anonymous: [401, 401], nonMember: outsider, otherInstructor: outsider, author: [403, 403], otherStudent: [404, 403], instructor: [404, 200] },
  "POST /api/notes/[id]/replies": { anonymous: [401, 401], nonMember: outsider, otherInstructor: outsider, author: [201, 201], otherStudent: [404, 201], instructor: [404, 201] },
  "GET /api/notes/[id]/annotation": { anonymous: [401, 401], nonMember: outsider, otherInstructor: outsider, author: [200, 200], otherStudent: [404, 200], instructor: [404, 200] },
};

async function perform(endpoint: string, actorName: ActorName, note: { id: string; revision: number }) {
  const actor = world.actor(actorName);
  const params = { id: note.id };
  switch (endpoint) {
    case "GET /api/notes/[id]":
      return call(world, noteRoute.GET, { actor, params });
    case "PATCH /api/notes/[id]":
      return call(world, noteRoute.PATCH, { actor, params, method: "PATCH", json: { revision: note.revision, tags: ["edited"] } });
    case "DELETE /api/notes/[id]":
      return call(world, noteRoute.DELETE, { actor, params, method: "DELETE" });
    case "POST /api/notes/[id]/hide":
      return call(world, hideRoute.POST, { actor, params, json: { hidden: true } });
    case "POST /api/notes/[id]/replies":
      return call(world, repliesRoute.POST, { actor, params, json: { body: { html: "<p>A reply</p>" } } });
    case "GET /api/notes/[id]/annotation":
      return call(world, exportRoute.GET, { actor, params });
  }
  throw new Error(endpoint);
}

describe("notes: permission matrix", () => {
  for (const [endpoint, row] of Object.entries(matrix)) {
    for (const actorName of ACTORS) {
      for (const [i, visibility] of (["private", "seminar"] as const).entries()) {
        const expected = row[actorName][i];
        it(`${endpoint} by ${actorName} on a ${visibility} note → ${expected}`, async () => {
          const note = await freshNote(visibility);
          const result = await perform(endpoint, actorName, note);
          expect(result.status, JSON.stringify(result.json)).toBe(expected);
          if (expected >= 400) {
            expect(Object.keys(result.json.error).sort()).toEqual(["code", "message"]);
            expect(JSON.stringify(result.json)).not.toContain(note.word); // nothing of the note leaks in an error
          }
        });
      }
    }
  }
});

describe("notes: who may create one in seminar S", () => {
  const expected: Record<ActorName, number> = { anonymous: 401, nonMember: 404, otherInstructor: 404, author: 201, otherStudent: 201, instructor: 201 };
  for (const actorName of ACTORS) {
    for (const visibility of ["private", "seminar"] as const) {
      it(`POST /api/readings/[slug]/notes by ${actorName}, ${visibility} → ${expected[actorName]}`, async () => {
        const before = await world.db.note.count();
        const result = await call(world, notesRoute.POST, {
          actor: world.actor(actorName),
          params: { slug: world.slug },
          path: `/api/readings/${world.slug}/notes?seminar=${world.seminarId}`,
          json: { target: targetFor(world, "Inchon"), motivation: "highlighting", visibility },
        });
        expect(result.status, JSON.stringify(result.json)).toBe(expected[actorName]);
        expect(await world.db.note.count()).toBe(before + (result.status === 201 ? 1 : 0));
      });
    }
  }
});

// Listing, counting and searching: what each actor finds of a private and a seminar note.
const listing: Record<ActorName, { status: number; sees: [boolean, boolean] }> = {
  anonymous: { status: 401, sees: [false, false] },
  nonMember: { status: 404, sees: [false, false] },
  otherInstructor: { status: 404, sees: [false, false] },
  author: { status: 200, sees: [true, true] },
  otherStudent: { status: 200, sees: [false, true] },
  instructor: { status: 200, sees: [false, true] },
};

describe("notes: lists, counts and searches show nothing private of someone else", () => {
  for (const actorName of ACTORS) {
    const { status, sees } = listing[actorName];
    it(`${actorName}: list ${status}, sees private=${sees[0]} seminar=${sees[1]} in list, search and counts`, async () => {
      const priv = await freshNote("private");
      const shared = await freshNote("seminar");
      const actor = world.actor(actorName);
      const path = `/api/readings/${world.slug}/notes?seminar=${world.seminarId}`;
      const list = await call(world, notesRoute.GET, { actor, params: { slug: world.slug }, path });
      expect(list.status).toBe(status);
      if (status !== 200) {
        expect(JSON.stringify(list.json)).not.toContain(priv.word);
        return;
      }
      const ids = list.json.notes.map((n: { id: string }) => n.id);
      expect(ids.includes(priv.id)).toBe(sees[0]);
      expect(ids.includes(shared.id)).toBe(sees[1]);
      expect(JSON.stringify(list.json).includes(priv.word)).toBe(sees[0]);

      for (const [note, visible] of [[priv, sees[0]], [shared, sees[1]]] as const) {
        const search = await call(world, notesRoute.GET, { actor, params: { slug: world.slug }, path: `${path}&q=${note.word}` });
        expect(search.json.notes.map((n: { id: string }) => n.id)).toEqual(visible ? [note.id] : []);
        const byTag = await call(world, notesRoute.GET, { actor, params: { slug: world.slug }, path: `${path}&tag=tag-${note.word}` });
        expect(byTag.json.notes.length).toBe(visible ? 1 : 0);
      }

      // The seminar page's per-reading count equals what the list shows.
      const seminar = await call(world, seminarRoute.GET, { actor, params: { id: world.seminarId } });
      expect(seminar.status).toBe(200);
      const all = await call(world, notesRoute.GET, { actor, params: { slug: world.slug }, path });
      const visibleCount = all.json.notes.filter((n: { deleted: boolean }) => !n.deleted).length;
      await world.db.seminarReading.upsert({
        where: { seminarId_documentId: { seminarId: world.seminarId, documentId: (await world.db.document.findUniqueOrThrow({ where: { slug: world.slug } })).id } },
        create: { seminarId: world.seminarId, documentId: (await world.db.document.findUniqueOrThrow({ where: { slug: world.slug } })).id, position: 0 },
        update: {},
      });
      const again = await call(world, seminarRoute.GET, { actor, params: { id: world.seminarId } });
      expect(again.json.seminar.readings[0].noteCount).toBe(visibleCount);
    });
  }

  it("a private note never counts for others: counts differ by exactly the author's private notes", async () => {
    const docId = (await world.db.document.findUniqueOrThrow({ where: { slug: world.slug } })).id;
    await world.db.seminarReading.upsert({
      where: { seminarId_documentId: { seminarId: world.seminarId, documentId: docId } },
      create: { seminarId: world.seminarId, documentId: docId, position: 0 },
      update: {},
    });
    const count = async (name: ActorName) =>
      (await call(world, seminarRoute.GET, { actor: world.actor(name), params: { id: world.seminarId } })).json.seminar.readings[0].noteCount;
    const before = { author: await count("author"), other: await count("otherStudent"), instructor: await count("instructor") };
    await freshNote("private");
    expect(await count("author")).toBe(before.author + 1);
    expect(await count("otherStudent")).toBe(before.other);
    expect(await count("instructor")).toBe(before.instructor);
  });
});

describe("notes: hidden items", () => {
  it("a hidden seminar note shows as hidden to its author and instructors, and not at all to other students", async () => {
    const note = await freshNote("seminar");
    const hide = await call(world, hideRoute.POST, { actor: world.actors.instructor, params: { id: note.id }, json: { hidden: true } });
    expect(hide.status).toBe(200);
    expect(hide.json.note.hidden).toBe(true);

    const asAuthor = await call(world, noteRoute.GET, { actor: world.actors.author, params: { id: note.id } });
    expect(asAuthor.json.note).toMatchObject({ hidden: true, permissions: { reply: false } });
    const asInstructor = await call(world, noteRoute.GET, { actor: world.actors.instructor, params: { id: note.id } });
    expect(asInstructor.json.note.hidden).toBe(true);
    const asOther = await call(world, noteRoute.GET, { actor: world.actors.otherStudent, params: { id: note.id } });
    expect(asOther.status).toBe(404);
    const path = `/api/readings/${world.slug}/notes?seminar=${world.seminarId}&q=${note.word}`;
    const search = await call(world, notesRoute.GET, { actor: world.actors.otherStudent, params: { slug: world.slug }, path });
    expect(search.json.notes).toEqual([]);

    const unhide = await call(world, hideRoute.POST, { actor: world.actors.instructor, params: { id: note.id }, json: { hidden: false } });
    expect(unhide.json.note.hidden).toBe(false);
    expect((await call(world, noteRoute.GET, { actor: world.actors.otherStudent, params: { id: note.id } })).status).toBe(200);
  });
});

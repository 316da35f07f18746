// The permission matrix of links: every endpoint × every kind of actor × both
// visibilities, through the exported route handlers on a real SQLite database; then
// lists, threads and suggestions, and what each actor finds of them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as seminarLinksRoute from "@/app/api/seminars/[id]/links/route";
import * as readingLinksRoute from "@/app/api/readings/[slug]/links/route";
import * as linkRoute from "@/app/api/links/[id]/route";
import * as hideRoute from "@/app/api/links/[id]/hide/route";
import * as repliesRoute from "@/app/api/links/[id]/replies/route";
import * as replyRoute from "@/app/api/links/[id]/replies/[replyId]/route";
import * as replyHideRoute from "@/app/api/links/[id]/replies/[replyId]/hide/route";
import * as suggestionsRoute from "@/app/api/seminars/[id]/suggestions/route";
import * as confirmRoute from "@/app/api/seminars/[id]/suggestions/[suggestionId]/confirm/route";
import * as dismissRoute from "@/app/api/seminars/[id]/suggestions/[suggestionId]/dismiss/route";
import { createLinkReply } from "@/lib/links/replies";
import { listAllSuggestions } from "@/lib/links/repo";
import { ACTORS, call, createLinkWorld, freshLink, linkInput, storeTestSuggestions, type ActorName, type LinkWorld } from "./links-support";

let world: LinkWorld;
let suggestionPool: string[] = [];
beforeAll(async () => {
  world = await createLinkWorld();
  await storeTestSuggestions(world);
  suggestionPool = (await listAllSuggestions(world.db)).map((s) => s.id);
});
afterAll(async () => {
  await world.close();
});

type Row = Record<ActorName, [number, number]>;
const outsider: [number, number] = [404, 404];
const anon: [number, number] = [401, 401];
const matrix: Record<string, Row> = {
  "GET /api/links/[id]": { anonymous: anon, nonMember: outsider, otherInstructor: outsider, author: [200, 200], otherStudent: [404, 200], instructor: [404, 200] },
  "PATCH /api/links/[id]": { anonymous: anon, nonMember: outsider, otherInstructor: outsider, author: [200, 200], otherStudent: [404, 403], instructor: [404, 403] },
  "DELETE /api/links/[id]": { anonymous: anon, nonMember: outsider, otherInstructor: outsider, author: [200, 200], otherStudent: [404, 403], instructor: [404, 403] },
  "POST /api/links/[id]/hide": { anonymous: anon, nonMember: outsider, otherInstructor: outsider, author: [403, 403], otherStudent: [404, 403], instructor: [404, 200] },
  "POST /api/links/[id]/replies": { anonymous: anon, nonMember: outsider, otherInstructor: outsider, author: [201, 201], otherStudent: [404, 201], instructor: [404, 201] },
};

async function perform(endpoint: string, actorName: ActorName, link: { id: string; revision: number }) {
  const actor = world.actor(actorName);
  const params = { id: link.id };
  switch (endpoint) {
    case "GET /api/links/[id]":
      return call(world, linkRoute.GET, { actor, params });
    case "PATCH /api/links/[id]":
      return call(world, linkRoute.PATCH, { actor, params, method: "PATCH", json: { revision: link.revision, relation: "contradicts" } });
    case "DELETE /api/links/[id]":
      return call(world, linkRoute.DELETE, { actor, params, method: "DELETE" });
    case "POST /api/links/[id]/hide":
      return call(world, hideRoute.POST, { actor, params, json: { hidden: true } });
    case "POST /api/links/[id]/replies":
      return call(world, repliesRoute.POST, { actor, params, json: { body: { html: "<p>A reply</p>" } } });
  }
  throw new Error(endpoint);
}

describe("links: permission matrix", () => {
  for (const [endpoint, row] of Object.entries(matrix)) {
    for (const actorName of ACTORS) {
      for (const [i, visibility] of (["private", "seminar"] as const).entries()) {
        const expected = row[actorName][i];
        it(`${endpoint} by ${actorName} on a ${visibility} link → ${expected}`, async () => {
          const link = await freshLink(world, visibility);
          const result = await perform(endpoint, actorName, link);
          expect(result.status, JSON.stringify(result.json)).toBe(expected);
          if (expected >= 400) {
            expect(Object.keys(result.json.error).sort()).toEqual(["code", "message"]);
            expect(JSON.stringify(result.json)).not.toContain(link.word); // nothing of the link leaks in an error
          }
        });
      }
    }
  }
});

describe("links: who may make one in seminar S", () => {
  const expected: Record<ActorName, number> = { anonymous: 401, nonMember: 404, otherInstructor: 404, author: 201, otherStudent: 201, instructor: 201 };
  for (const actorName of ACTORS) {
    it(`POST /api/seminars/[id]/links by ${actorName} → ${expected[actorName]}`, async () => {
      const before = await world.db.link.count();
      const result = await call(world, seminarLinksRoute.POST, { actor: world.actor(actorName), params: { id: world.seminarId }, json: linkInput(world) });
      expect(result.status, JSON.stringify(result.json)).toBe(expected[actorName]);
      expect(await world.db.link.count()).toBe(before + (result.status === 201 ? 1 : 0));
      if (result.status === 201) {
        expect(result.json.link).toMatchObject({ relation: "parallel", visibility: "seminar", author: { id: world.actor(actorName)!.id } });
        expect(result.json.link.ends.map((e: { readingSlug: string; anchorStatus: string }) => [e.readingSlug, e.anchorStatus])).toEqual([
          [world.slug, "anchored"],
          [world.secondSlug, "anchored"],
        ]);
      }
    });
  }
});

// Reply permissions: a reply by otherStudent on the author's seminar link.
const replyMatrix: Record<string, Record<ActorName, number>> = {
  "PATCH /api/links/[id]/replies/[replyId]": { anonymous: 401, nonMember: 404, otherInstructor: 404, author: 403, otherStudent: 200, instructor: 403 },
  "DELETE /api/links/[id]/replies/[replyId]": { anonymous: 401, nonMember: 404, otherInstructor: 404, author: 403, otherStudent: 200, instructor: 403 },
  "POST /api/links/[id]/replies/[replyId]/hide": { anonymous: 401, nonMember: 404, otherInstructor: 404, author: 403, otherStudent: 403, instructor: 200 },
  "POST /api/links/[id]/replies (to a reply)": { anonymous: 401, nonMember: 404, otherInstructor: 404, author: 201, otherStudent: 201, instructor: 201 },
};

describe("links: reply permission matrix", () => {
  for (const [endpoint, row] of Object.entries(replyMatrix)) {
    for (const actorName of ACTORS) {
      it(`${endpoint} by ${actorName} → ${row[actorName]}`, async () => {
        const link = await freshLink(world, "seminar");
        const reply = await createLinkReply(world.db, world.actors.otherStudent, link.id, { body: { html: "<p>Or not?</p>" } });
        const actor = world.actor(actorName);
        const params = { id: link.id, replyId: reply.id };
        const result = endpoint.startsWith("PATCH")
          ? await call(world, replyRoute.PATCH, { actor, params, method: "PATCH", json: { revision: reply.revision, body: { html: "<p>Edited</p>" } } })
          : endpoint.startsWith("DELETE")
            ? await call(world, replyRoute.DELETE, { actor, params, method: "DELETE" })
            : endpoint.endsWith("hide")
              ? await call(world, replyHideRoute.POST, { actor, params, json: { hidden: true } })
              : await call(world, repliesRoute.POST, { actor, params: { id: link.id }, json: { parentId: reply.id, body: { html: "<p>Nested</p>" } } });
        expect(result.status, JSON.stringify(result.json)).toBe(row[actorName]);
        if (result.status === 201) expect(result.json.reply).toMatchObject({ linkId: link.id, parentId: reply.id, placeholder: null });
      });
    }
  }
});

// Lists: what each actor finds of a private and a seminar link, on the reading and on the map.
const listing: Record<ActorName, { status: number; sees: [boolean, boolean] }> = {
  anonymous: { status: 401, sees: [false, false] },
  nonMember: { status: 404, sees: [false, false] },
  otherInstructor: { status: 404, sees: [false, false] },
  author: { status: 200, sees: [true, true] },
  otherStudent: { status: 200, sees: [false, true] },
  instructor: { status: 200, sees: [false, true] },
};

describe("links: lists show nothing private of someone else", () => {
  for (const actorName of ACTORS) {
    const { status, sees } = listing[actorName];
    it(`${actorName}: lists ${status}, sees private=${sees[0]} seminar=${sees[1]}`, async () => {
      const priv = await freshLink(world, "private");
      const shared = await freshLink(world, "seminar");
      const actor = world.actor(actorName);
      for (const slug of [world.slug, world.secondSlug]) {
        const list = await call(world, readingLinksRoute.GET, { actor, params: { slug }, path: `/api/readings/${slug}/links?seminar=${world.seminarId}` });
        expect(list.status).toBe(status);
        if (status !== 200) {
          expect(JSON.stringify(list.json)).not.toContain(priv.word);
          continue;
        }
        const ids = list.json.links.map((l: { id: string }) => l.id);
        expect(ids.includes(priv.id)).toBe(sees[0]);
        expect(ids.includes(shared.id)).toBe(sees[1]);
        expect(JSON.stringify(list.json).includes(priv.word)).toBe(sees[0]);
      }
      const map = await call(world, seminarLinksRoute.GET, { actor, params: { id: world.seminarId } });
      expect(map.status).toBe(status);
      if (status !== 200) return;
      expect(map.json.readings.map((r: { slug: string }) => r.slug)).toEqual([world.slug, world.secondSlug]);
      expect(map.json.readings[0].length).toBeGreaterThan(100);
      const ids = map.json.links.map((l: { id: string }) => l.id);
      expect(ids.includes(priv.id)).toBe(sees[0]);
      expect(ids.includes(shared.id)).toBe(sees[1]);
    });
  }

  it("a hidden seminar link: shown (marked) to its author and instructors, gone for other students", async () => {
    const link = await freshLink(world, "seminar");
    const hide = await call(world, hideRoute.POST, { actor: world.actors.instructor, params: { id: link.id }, json: { hidden: true } });
    expect(hide.json.link).toMatchObject({ hidden: true });
    expect((await call(world, linkRoute.GET, { actor: world.actors.author, params: { id: link.id } })).json.link).toMatchObject({ hidden: true, permissions: { reply: false } });
    expect((await call(world, linkRoute.GET, { actor: world.actors.otherStudent, params: { id: link.id } })).status).toBe(404);
    const path = `/api/readings/${world.slug}/links?seminar=${world.seminarId}`;
    const list = await call(world, readingLinksRoute.GET, { actor: world.actors.otherStudent, params: { slug: world.slug }, path });
    expect(list.json.links.map((l: { id: string }) => l.id)).not.toContain(link.id);
    await call(world, hideRoute.POST, { actor: world.actors.instructor, params: { id: link.id }, json: { hidden: false } });
    expect((await call(world, linkRoute.GET, { actor: world.actors.otherStudent, params: { id: link.id } })).status).toBe(200);
  });
});

describe("links: suggestions are the instructors' to see and decide", () => {
  const expected: Record<string, Record<ActorName, number>> = {
    "GET /api/seminars/[id]/suggestions": { anonymous: 401, nonMember: 404, otherInstructor: 404, author: 403, otherStudent: 403, instructor: 200 },
    "POST …/confirm": { anonymous: 401, nonMember: 404, otherInstructor: 404, author: 403, otherStudent: 403, instructor: 201 },
    "POST …/dismiss": { anonymous: 401, nonMember: 404, otherInstructor: 404, author: 403, otherStudent: 403, instructor: 200 },
  };
  for (const [endpoint, row] of Object.entries(expected)) {
    for (const actorName of ACTORS) {
      it(`${endpoint} by ${actorName} → ${row[actorName]}`, async () => {
        const actor = world.actor(actorName);
        const suggestionId = suggestionPool.shift()!;
        const params = { id: world.seminarId, suggestionId };
        const result = endpoint.startsWith("GET")
          ? await call(world, suggestionsRoute.GET, { actor, params })
          : await call(world, endpoint.endsWith("confirm") ? confirmRoute.POST : dismissRoute.POST, { actor, params, method: "POST" });
        expect(result.status, JSON.stringify(result.json)).toBe(row[actorName]);
        if (result.status === 200 && endpoint.startsWith("GET")) expect(result.json.suggestions.length).toBeGreaterThan(0);
        if (result.status === 201) {
          expect(result.json.link).toMatchObject({ relation: "parallel", visibility: "seminar", fromSuggestion: true, author: { id: world.actors.instructor.id } });
        }
      });
    }
  }

  it("a confirmed suggestion is a link everyone in the seminar sees, and no longer pending; deciding twice → 409", async () => {
    const suggestionId = suggestionPool.shift()!;
    const params = { id: world.seminarId, suggestionId };
    const confirmed = await call(world, confirmRoute.POST, { actor: world.actors.instructor, params, method: "POST" });
    expect(confirmed.status).toBe(201);
    const asStudent = await call(world, linkRoute.GET, { actor: world.actors.otherStudent, params: { id: confirmed.json.link.id } });
    expect(asStudent.status).toBe(200);
    const pending = await call(world, suggestionsRoute.GET, { actor: world.actors.instructor, params: { id: world.seminarId } });
    expect(pending.json.suggestions.map((s: { id: string }) => s.id)).not.toContain(suggestionId);
    expect((await call(world, confirmRoute.POST, { actor: world.actors.instructor, params, method: "POST" })).status).toBe(409);
    expect((await call(world, dismissRoute.POST, { actor: world.actors.instructor, params, method: "POST" })).status).toBe(409);
  });

  it("a dismissed suggestion leaves the pending list; dismissing again is harmless; confirming it then → 409", async () => {
    const suggestionId = suggestionPool.shift()!;
    const params = { id: world.seminarId, suggestionId };
    expect((await call(world, dismissRoute.POST, { actor: world.actors.instructor, params, method: "POST" })).status).toBe(200);
    expect((await call(world, dismissRoute.POST, { actor: world.actors.instructor, params, method: "POST" })).status).toBe(200);
    const pending = await call(world, suggestionsRoute.GET, { actor: world.actors.instructor, params: { id: world.seminarId } });
    expect(pending.json.suggestions.map((s: { id: string }) => s.id)).not.toContain(suggestionId);
    expect((await call(world, confirmRoute.POST, { actor: world.actors.instructor, params, method: "POST" })).status).toBe(409);
  });

  it("suggestions only between readings of the seminar: none for a seminar that reads nothing", async () => {
    const other = await call(world, suggestionsRoute.GET, { actor: world.actors.otherInstructor, params: { id: world.otherSeminarId } });
    expect(other.json.suggestions).toEqual([]);
    const cross = await call(world, confirmRoute.POST, {
      actor: world.actors.otherInstructor, params: { id: world.otherSeminarId, suggestionId: suggestionPool[0] }, method: "POST",
    });
    expect(cross.status).toBe(404);
  });
});

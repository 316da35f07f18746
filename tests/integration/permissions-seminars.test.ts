// The permission matrix of seminar management: view, regenerate the code, set
// readings, remove a member, list, create and join, for every kind of actor.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as seminarsRoute from "@/app/api/seminars/route";
import * as seminarRoute from "@/app/api/seminars/[id]/route";
import * as codeRoute from "@/app/api/seminars/[id]/code/route";
import * as readingsRoute from "@/app/api/seminars/[id]/readings/route";
import * as memberRoute from "@/app/api/seminars/[id]/members/[userId]/route";
import * as joinRoute from "@/app/api/seminars/join/route";
import { ACTORS, call, createWorld, type ActorName, type World } from "./annotations-support";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => {
  await world.close();
});
beforeEach(async () => {
  // Removal cases take the other student out; put them back for the next case.
  await world.db.membership.upsert({
    where: { seminarId_userId: { seminarId: world.seminarId, userId: world.actors.otherStudent.id } },
    create: { seminarId: world.seminarId, userId: world.actors.otherStudent.id, role: "student" },
    update: {},
  });
});

const matrix: Record<string, Record<ActorName, number>> = {
  "GET /api/seminars/[id]": { anonymous: 401, nonMember: 404, otherInstructor: 404, author: 200, otherStudent: 200, instructor: 200 },
  "POST /api/seminars/[id]/code": { anonymous: 401, nonMember: 404, otherInstructor: 404, author: 403, otherStudent: 403, instructor: 200 },
  "PUT /api/seminars/[id]/readings": { anonymous: 401, nonMember: 404, otherInstructor: 404, author: 403, otherStudent: 403, instructor: 200 },
  "DELETE /api/seminars/[id]/members/[otherStudent]": { anonymous: 401, nonMember: 404, otherInstructor: 404, author: 403, otherStudent: 200, instructor: 200 },
  "GET /api/seminars": { anonymous: 401, nonMember: 200, otherInstructor: 200, author: 200, otherStudent: 200, instructor: 200 },
  "POST /api/seminars": { anonymous: 401, nonMember: 201, otherInstructor: 201, author: 201, otherStudent: 201, instructor: 201 },
};

async function perform(endpoint: string, name: ActorName) {
  const actor = world.actor(name);
  const id = world.seminarId;
  switch (endpoint) {
    case "GET /api/seminars/[id]":
      return call(world, seminarRoute.GET, { actor, params: { id } });
    case "POST /api/seminars/[id]/code":
      return call(world, codeRoute.POST, { actor, params: { id }, method: "POST" });
    case "PUT /api/seminars/[id]/readings":
      return call(world, readingsRoute.PUT, { actor, params: { id }, method: "PUT", json: { slugs: [world.secondSlug, world.slug] } });
    case "DELETE /api/seminars/[id]/members/[otherStudent]":
      return call(world, memberRoute.DELETE, { actor, params: { id, userId: world.actors.otherStudent.id }, method: "DELETE" });
    case "GET /api/seminars":
      return call(world, seminarsRoute.GET, { actor });
    case "POST /api/seminars":
      return call(world, seminarsRoute.POST, { actor, json: { name: `New by ${name}` } });
  }
  throw new Error(endpoint);
}

describe("seminars: permission matrix", () => {
  for (const [endpoint, row] of Object.entries(matrix)) {
    for (const name of ACTORS) {
      it(`${endpoint} by ${name} → ${row[name]}`, async () => {
        const result = await perform(endpoint, name);
        expect(result.status, JSON.stringify(result.json)).toBe(row[name]);
        if (result.status >= 400) expect(JSON.stringify(result.json)).not.toMatch(/SSSS|Seminar S/);
      });
    }
  }

  it("only instructors see the join code and members' emails", async () => {
    const asStudent = await perform("GET /api/seminars/[id]", "author");
    expect(asStudent.json.seminar.joinCode).toBeNull();
    expect(asStudent.json.seminar.permissions.manage).toBe(false);
    const emails = asStudent.json.seminar.members.map((m: { userId: string; email: string | null }) => [m.userId === world.actors.author.id, m.email]);
    for (const [self, email] of emails) expect(email === null).toBe(!self);
    const asInstructor = await perform("GET /api/seminars/[id]", "instructor");
    expect(asInstructor.json.seminar.joinCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(asInstructor.json.seminar.members.every((m: { email: string | null }) => m.email)).toBe(true);
  });

  it("lists only one's own seminars, with one's role in each", async () => {
    const mine = await perform("GET /api/seminars", "otherInstructor");
    expect(mine.json.seminars.map((s: { name: string; role: string }) => [s.name, s.role])).toContainEqual(["Seminar T", "instructor"]);
    expect(mine.json.seminars.map((s: { id: string }) => s.id)).not.toContain(world.seminarId);
  });

  it("the last instructor cannot be removed; a regenerated code replaces the old one", async () => {
    const last = await call(world, memberRoute.DELETE, {
      actor: world.actors.instructor, params: { id: world.seminarId, userId: world.actors.instructor.id }, method: "DELETE",
    });
    expect(last.status).toBe(409);
    const before = (await perform("GET /api/seminars/[id]", "instructor")).json.seminar.joinCode;
    const regenerated = await perform("POST /api/seminars/[id]/code", "instructor");
    expect(regenerated.json.joinCode).not.toBe(before);
    const oldJoin = await call(world, joinRoute.POST, { actor: world.actors.nonMember, json: { code: before } });
    expect(oldJoin.status).toBe(404);
    const newJoin = await call(world, joinRoute.POST, { actor: world.actors.nonMember, json: { code: regenerated.json.joinCode.toLowerCase() } });
    expect(newJoin.status).toBe(200);
    expect(newJoin.json).toMatchObject({ joined: true, seminar: { id: world.seminarId, role: "student" } });
    await world.db.membership.deleteMany({ where: { userId: world.actors.nonMember.id, seminarId: world.seminarId } });
  });

  it("join: anonymous 401, unknown code 404, an instructor joining their own seminar stays instructor", async () => {
    expect((await call(world, joinRoute.POST, { json: { code: "TTTTTTTT" } })).status).toBe(401);
    expect((await call(world, joinRoute.POST, { actor: world.actors.author, json: { code: "NOPE-NOPE" } })).status).toBe(404);
    const again = await call(world, joinRoute.POST, { actor: world.actors.otherInstructor, json: { code: "tttt-tttt" } });
    expect(again.json).toMatchObject({ joined: false, seminar: { role: "instructor" } });
  });

  it("join: wrong codes are slowed down per person, so codes cannot be guessed", async () => {
    const guesser = world.actors.nonMember;
    const guess = (code: string) => call(world, joinRoute.POST, { actor: guesser, json: { code } });
    for (let i = 0; i < 5; i++) expect((await guess(`WRNG-000${i}`)).status).toBe(404);
    expect((await guess("WRNG-0005")).status).toBe(404); // the first one over the free ones locks
    const locked = await guess("SSSS-SSSS"); // even the right code waits now
    expect(locked.status).toBe(429);
    expect(locked.json.error.message).toMatch(/Too many wrong join codes\. Try again in \d+ s\./);
    // Someone else is not held up by this person's guesses.
    expect((await call(world, joinRoute.POST, { actor: world.actors.otherStudent, json: { code: "WRNG-9999" } })).status).toBe(404);
    await world.db.signInThrottle.deleteMany({ where: { key: `join:${guesser.id}` } });
  });
});

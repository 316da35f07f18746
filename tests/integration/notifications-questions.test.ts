// A new guided question in the inbox, on a real SQLite database: every member of the
// seminar hears of it except whoever asked, nobody outside the seminar does; the inbox
// shows it with a link to its passage, and drops it when the question or the
// membership is gone.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/notifications/route";
import type { Actor } from "@/lib/auth/actor";
import type { CreateQuestionInput } from "@/lib/questions/schema";
import { createQuestion, deleteQuestion, updateQuestion } from "@/lib/questions/service";
import { createLiveEvents } from "@/lib/realtime/emit";
import type { RealtimeEvent } from "@/lib/realtime/events";
import { MemoryBus } from "@/lib/realtime/memory-bus";
import { listMyNotifications } from "@/lib/notifications/service";
import { call, createQuestionWorld, passageFor, type World } from "./questions-support";

let world: World;
let coTeacher: Actor;
let bus: MemoryBus;
let events: ReturnType<typeof createLiveEvents>;
let published: RealtimeEvent[];

beforeAll(async () => {
  world = await createQuestionWorld();
  const row = await world.db.user.create({ data: { email: "coteacher@example.test", name: "CoTeacher", passwordHash: "x" } });
  coTeacher = { id: row.id, name: row.name, email: row.email };
  await world.db.membership.create({ data: { seminarId: world.seminarId, userId: coTeacher.id, role: "instructor" } });
});
afterAll(async () => {
  await world.close();
});
beforeEach(async () => {
  await world.db.notification.deleteMany();
  bus = new MemoryBus();
  events = createLiveEvents({ bus, after: null });
  published = [];
  for (const actor of [...Object.values(world.actors), coTeacher]) bus.subscribe([{ recipientId: actor.id }], (event) => published.push(event));
});

const everyone = () => ({ ...world.actors, coTeacher });

const ask = (over: Partial<CreateQuestionInput> = {}) =>
  createQuestion(
    world.db,
    world.actors.instructor,
    world.seminarId,
    { title: "Why did the war turn?", prompt: { html: "<p>Read closely.</p>" }, dueAt: null, answerFirst: false, passages: [passageFor(world, "Inchon")], ...over },
    new Date(),
    events,
  );

/** Each person's question notifications. */
async function inboxes() {
  const result: Record<string, Awaited<ReturnType<typeof listMyNotifications>>> = {};
  for (const [name, actor] of Object.entries(everyone())) result[name] = await listMyNotifications(world.db, actor);
  return result;
}

describe("notifications: new guided questions", () => {
  it("notify every member but the asker (students and other instructors), nobody outside the seminar", async () => {
    const question = await ask();
    const rows = await world.db.notification.findMany({ where: { subjectId: question.id } });
    expect(rows.map((row) => row.recipientId).sort()).toEqual([world.actors.author.id, world.actors.otherStudent.id, coTeacher.id].sort());
    expect(rows.every((row) => row.kind === "question" && row.subjectType === "question" && row.actorId === world.actors.instructor.id)).toBe(true);
    const boxes = await inboxes();
    for (const name of ["author", "otherStudent", "coTeacher"]) expect(boxes[name].unread, name).toBe(1);
    for (const name of ["instructor", "nonMember", "otherInstructor"]) expect(boxes[name], name).toEqual({ notifications: [], unread: 0 });
  });

  it("each recipient's stream hears of it, and only theirs", async () => {
    const question = await ask();
    const told = published.filter((event) => event.type === "notification.created" && event.itemId === question.id);
    expect(told.map((event) => event.recipientId).sort()).toEqual([world.actors.author.id, world.actors.otherStudent.id, coTeacher.id].sort());
  });

  it("the inbox shows the question with its passage, opening the reader with the question", async () => {
    const question = await ask({ title: "Who crossed first?" });
    const { notifications } = await listMyNotifications(world.db, world.actors.author);
    expect(notifications).toEqual([
      {
        id: expect.any(String),
        kind: "question",
        title: "Instructor asked a new question",
        excerpt: "Who crossed first?",
        quote: "Inchon",
        actor: { name: "Instructor" },
        seminar: { id: world.seminarId, name: "Seminar S" },
        reading: { slug: world.slug, title: world.slug },
        href: `/read/${world.slug}?seminar=${world.seminarId}&question=${question.id}`,
        read: false,
        createdAt: expect.any(String),
      },
    ]);
    const route = await call(world, listRoute.GET, { actor: world.actors.otherStudent, path: "/api/notifications" });
    expect(route.json.notifications.map((n: { href: string }) => n.href)).toEqual([`/read/${world.slug}?seminar=${world.seminarId}&question=${question.id}`]);
  });

  it("a question on two readings opens the compare view of its passages", async () => {
    const question = await ask({ passages: [passageFor(world, "Inchon"), passageFor(world, "Stalin", "second")] });
    const [notification] = (await listMyNotifications(world.db, world.actors.author)).notifications;
    expect(notification.href).toBe(`/compare?seminar=${world.seminarId}&question=${question.id}&left=${world.slug}&right=${world.secondSlug}`);
  });

  it("an edit notifies nobody again; a deleted question or a seminar left drops out of the inbox", async () => {
    const question = await ask();
    await updateQuestion(world.db, world.actors.instructor, question.id, { revision: question.revision, title: "Edited" }, new Date(), events);
    expect(await world.db.notification.count({ where: { subjectId: question.id } })).toBe(3);
    expect((await listMyNotifications(world.db, world.actors.author)).notifications[0].excerpt).toBe("Edited");

    await world.db.membership.deleteMany({ where: { seminarId: world.seminarId, userId: world.actors.otherStudent.id } });
    try {
      expect(await listMyNotifications(world.db, world.actors.otherStudent)).toEqual({ notifications: [], unread: 0 });
    } finally {
      await world.db.membership.create({ data: { seminarId: world.seminarId, userId: world.actors.otherStudent.id, role: "student" } });
    }
    await deleteQuestion(world.db, world.actors.instructor, question.id, events);
    for (const [name, box] of Object.entries(await inboxes())) expect(box, name).toEqual({ notifications: [], unread: 0 });
  });
});

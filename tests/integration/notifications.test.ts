// Notifications on a real SQLite database: who hears about a reply, a reply in their
// thread, an @mention; never the writer, never about what they may not see; the inbox
// and its routes; and notify() for other domains.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/notifications/route";
import * as readRoute from "@/app/api/notifications/read/route";
import { createReply, setReplyHidden, updateReply } from "@/lib/annotations/replies";
import type { CreateNoteInput } from "@/lib/annotations/schema";
import { createNote, updateNote } from "@/lib/annotations/service";
import { createLiveEvents } from "@/lib/realtime/emit";
import type { RealtimeEvent } from "@/lib/realtime/events";
import { MemoryBus } from "@/lib/realtime/memory-bus";
import { listMyNotifications, notify, registerNotificationSubject } from "@/lib/notifications/service";
import { call, createWorld, targetFor, type World } from "./annotations-support";

let world: World;
let bus: MemoryBus;
let events: ReturnType<typeof createLiveEvents>;
let published: RealtimeEvent[];

beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => {
  await world.close();
});
beforeEach(async () => {
  await world.db.notification.deleteMany();
  bus = new MemoryBus();
  events = createLiveEvents({ bus });
  published = [];
  bus.subscribe([{ seminarId: world.seminarId }], () => {});
  for (const actor of Object.values(world.actors)) bus.subscribe([{ recipientId: actor.id }], (event) => published.push(event));
});

const note = (author: keyof World["actors"], visibility: "private" | "seminar", text = "A note.") =>
  createNote(world.db, world.actors[author], world.slug, world.seminarId, {
    target: targetFor(world, "Inchon"),
    motivation: "commenting",
    body: { html: `<p>${text}</p>` },
    tags: [],
    visibility,
  } satisfies CreateNoteInput, events);

const reply = (by: keyof World["actors"], noteId: string, text: string, parentId?: string) =>
  createReply(world.db, world.actors[by], noteId, { parentId, body: { html: `<p>${text}</p>` } }, events);

/** Each person's notifications as [kind, excerpt]. */
async function inboxes() {
  const result: Record<string, [string, string][]> = {};
  for (const [name, actor] of Object.entries(world.actors)) {
    const { notifications } = await listMyNotifications(world.db, actor);
    result[name] = notifications.map((n) => [n.kind, n.excerpt]);
  }
  return result;
}

describe("notifications: replies and threads", () => {
  it("a reply to my note notifies me, not the one who replied", async () => {
    const mine = await note("author", "seminar");
    await reply("otherStudent", mine.id, "Good point.");
    const boxes = await inboxes();
    expect(boxes.author).toEqual([["reply", "Good point."]]);
    expect(boxes.otherStudent).toEqual([]);
    expect(boxes.instructor).toEqual([]);
  });

  it("a reply in a thread I wrote in notifies me ('thread'); an answer to my reply is a reply to me", async () => {
    const thread = await note("author", "seminar");
    const first = await reply("otherStudent", thread.id, "First.");
    await reply("instructor", thread.id, "To the note.");
    await reply("author", thread.id, "To you.", first.id);
    const boxes = await inboxes();
    expect(boxes.otherStudent).toEqual([
      ["reply", "To you."],
      ["thread", "To the note."],
    ]);
    expect(boxes.instructor).toEqual([["thread", "To you."]]);
    expect(boxes.author.map(([kind]) => kind)).toEqual(["reply", "reply"]); // the instructor's and the first reply
  });

  it("my own reply in my own thread notifies nobody but the others", async () => {
    const mine = await note("author", "seminar");
    await reply("author", mine.id, "Adding to myself.");
    expect((await inboxes()).author).toEqual([]);
  });

  it("a hidden reply drops out of the inbox and its unread count, and comes back when shown again", async () => {
    const mine = await note("author", "seminar");
    const rude = await reply("otherStudent", mine.id, "Rude words.");
    expect((await listMyNotifications(world.db, world.actors.author)).unread).toBe(1);
    await setReplyHidden(world.db, world.actors.instructor, rude.id, true, events);
    expect(await listMyNotifications(world.db, world.actors.author)).toEqual({ notifications: [], unread: 0 });
    await setReplyHidden(world.db, world.actors.instructor, rude.id, false, events);
    expect((await listMyNotifications(world.db, world.actors.author)).unread).toBe(1);
  });

  it("the person notified hears of it on their stream; nobody else does", async () => {
    const mine = await note("author", "seminar");
    await reply("otherStudent", mine.id, "Heard?");
    expect(published.map((e) => [e.type, e.recipientId])).toEqual([["notification.created", world.actors.author.id]]);
  });
});

describe("notifications: mentions", () => {
  it("@Name in a reply notifies that member (stronger than 'thread'); @self and non-members are ignored", async () => {
    const thread = await note("author", "seminar");
    await reply("instructor", thread.id, "Earlier.");
    await reply("otherStudent", thread.id, "@Instructor what do you think? cc @OtherStudent @OtherInstructor @NonMember");
    const boxes = await inboxes();
    expect(boxes.instructor).toEqual([["mention", "@Instructor what do you think? cc @OtherStudent @OtherInstructor @NonMember"]]);
    expect(boxes.otherStudent).toEqual([]);
    expect(boxes.otherInstructor).toEqual([]);
    expect(boxes.nonMember).toEqual([]);
  });

  it("@Name in a seminar note notifies; in a private note nobody (they may not see it)", async () => {
    await note("author", "private", "Remind @Instructor about this.");
    expect((await inboxes()).instructor).toEqual([]);
    const shared = await note("author", "seminar", "Ask @instructor about this.");
    const { notifications } = await listMyNotifications(world.db, world.actors.instructor);
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({
      kind: "mention",
      title: "Author mentioned you",
      excerpt: "Ask @instructor about this.",
      quote: "Inchon",
      href: `/read/${world.slug}?seminar=${world.seminarId}&note=${shared.id}`,
      reading: { slug: world.slug },
      seminar: { id: world.seminarId, name: "Seminar S" },
      read: false,
    });
  });

  it("a reply on a private note mentioning someone does not notify them", async () => {
    const secret = await note("author", "private");
    await reply("author", secret.id, "@OtherStudent see this");
    expect((await inboxes()).otherStudent).toEqual([]);
  });

  it("an edit notifies only people newly mentioned, once", async () => {
    const shared = await note("author", "seminar", "Plain.");
    const edited = await updateNote(world.db, world.actors.author, shared.id, { revision: shared.revision, body: { html: "<p>Now @OtherStudent.</p>" } }, events);
    await updateNote(world.db, world.actors.author, shared.id, { revision: edited.revision, body: { html: "<p>Still @OtherStudent.</p>" } }, events);
    expect((await inboxes()).otherStudent).toEqual([["mention", "Still @OtherStudent."]]);
    const answer = await reply("otherStudent", shared.id, "Thanks.");
    await updateReply(world.db, world.actors.otherStudent, answer.id, { revision: answer.revision, body: { html: "<p>Thanks @Instructor.</p>" } }, events);
    const boxes = await inboxes();
    expect(boxes.instructor).toEqual([["mention", "Thanks @Instructor."]]);
    expect(boxes.author).toEqual([["reply", "Thanks @Instructor."]]); // not twice
  });
});

describe("notifications: routes", () => {
  it("GET lists mine, unread first, with the count; limit=0 gives the count only; anonymous → 401", async () => {
    const mine = await note("author", "seminar");
    await reply("otherStudent", mine.id, "One.");
    await reply("instructor", mine.id, "Two.");
    const list = await call(world, listRoute.GET, { actor: world.actors.author, path: "/api/notifications" });
    expect(list.status).toBe(200);
    expect(list.json.unread).toBe(2);
    expect(list.json.notifications.map((n: { excerpt: string }) => n.excerpt)).toEqual(["Two.", "One."]);
    const count = await call(world, listRoute.GET, { actor: world.actors.author, path: "/api/notifications?limit=0" });
    expect(count.json).toEqual({ notifications: [], unread: 2 });
    expect((await call(world, listRoute.GET, { actor: null, path: "/api/notifications" })).status).toBe(401);
    expect((await call(world, listRoute.GET, { actor: world.actors.author, path: "/api/notifications?limit=x" })).status).toBe(400);
  });

  it("POST read marks my notifications only; {all:true} marks the rest; bad bodies → 400", async () => {
    const mine = await note("author", "seminar");
    await reply("otherStudent", mine.id, "One.");
    await reply("instructor", mine.id, "Two.");
    const theirs = await note("otherStudent", "seminar");
    await reply("author", theirs.id, "Theirs.");
    const [first] = (await listMyNotifications(world.db, world.actors.author)).notifications;
    const { notifications: [other], unread: theirUnread } = await listMyNotifications(world.db, world.actors.otherStudent);
    const marked = await call(world, readRoute.POST, { actor: world.actors.author, json: { ids: [first.id, other.id] } });
    expect(marked).toMatchObject({ status: 200, json: { unread: 1 } });
    expect((await listMyNotifications(world.db, world.actors.otherStudent)).unread).toBe(theirUnread); // not the author's to mark
    const after = await listMyNotifications(world.db, world.actors.author);
    expect(after.notifications.map((n) => n.read)).toEqual([false, true]); // unread first
    expect((await call(world, readRoute.POST, { actor: world.actors.author, json: { all: true } })).json).toEqual({ unread: 0 });
    for (const json of [{}, { ids: [] }, { all: false }, { ids: ["x"], all: true }]) {
      expect((await call(world, readRoute.POST, { actor: world.actors.author, json })).status, JSON.stringify(json)).toBe(400);
    }
    expect((await call(world, readRoute.POST, { actor: null, json: { all: true } })).status).toBe(401);
  });
});

describe("notifications: notify() for other domains", () => {
  it("notifies the members the domain's rule allows, never the actor nor non-members, and lists via a registered resolver", async () => {
    const { notified } = await notify(
      world.db,
      {
        kind: "question",
        actorId: world.actors.instructor.id,
        seminarId: world.seminarId,
        subject: { type: "question", id: "q-1" },
        recipients: "members",
        canSee: (viewer) => viewer.userId !== world.actors.otherStudent.id, // e.g. a question for one group
      },
      { bus },
    );
    expect(notified).toEqual([world.actors.author.id]);
    // Without a resolver the question is stored but not shown (fail closed).
    expect((await listMyNotifications(world.db, world.actors.author)).unread).toBe(0);
    registerNotificationSubject("question", async (_db, recipient, row) =>
      recipient.id === world.actors.author.id ? { excerpt: `Question ${row.subjectId}`, href: `/seminars/${row.seminarId}` } : null,
    );
    const { notifications, unread } = await listMyNotifications(world.db, world.actors.author);
    expect(unread).toBe(1);
    expect(notifications[0]).toMatchObject({ kind: "question", title: "Instructor asked a new question", excerpt: "Question q-1" });
    const again = await notify(world.db, {
      kind: "question",
      actorId: world.actors.instructor.id,
      seminarId: world.seminarId,
      subject: { type: "question", id: "q-1" },
      recipients: [world.actors.author.id, world.actors.nonMember.id],
      canSee: () => true,
    }, { bus });
    expect(again.notified).toEqual([]); // already told; the non-member is not a member
  });
});

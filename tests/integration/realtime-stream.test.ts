// The live stream of a reading, through its route handler on a real SQLite database:
// who may connect, which events reach whom (the permission matrix again, and every
// view equal to what getNote gives that person), presence, replay after a reconnect,
// and that a closed stream lets go of everything it held.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as eventsRoute from "@/app/api/readings/[slug]/events/route";
import type { Actor } from "@/lib/auth/actor";
import { createReply, setReplyHidden, updateReply } from "@/lib/annotations/replies";
import type { CreateNoteInput, NoteView } from "@/lib/annotations/schema";
import { createNote, deleteNote, getNote, setNoteHidden, updateNote } from "@/lib/annotations/service";
import { createLiveEvents } from "@/lib/realtime/emit";
import { MemoryBus } from "@/lib/realtime/memory-bus";
import { PresenceHub } from "@/lib/realtime/presence";
import { readFrames, type FrameReader, type ReceivedFrame } from "@/lib/realtime/sse-reader";
import type { Timers } from "@/lib/realtime/stream";
import { createWorld, targetFor, type ActorName, type World } from "./annotations-support";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => {
  await world.close();
});

/** Timers that run only when told, and know which are still set. */
function manualTimers() {
  const active = new Map<number, { run: () => void; ms: number }>();
  let next = 1;
  const timers: Timers = {
    setInterval: (run, ms) => {
      active.set(next, { run, ms });
      return next++;
    },
    clearInterval: (handle) => void active.delete(handle as number),
  };
  return { timers, active, fire: (ms: number) => [...active.values()].filter((t) => t.ms === ms).forEach((t) => t.run()) };
}

const HEARTBEAT = 15_000;
const RECHECK = 30_000;

/** A bus, presence and timers of one test, and streams opened on them. */
function live() {
  const bus = new MemoryBus();
  const presence = new PresenceHub();
  const clock = manualTimers();
  const events = createLiveEvents({ bus, after: null });
  const open: { reader: FrameReader; abort: AbortController }[] = [];
  let session: (actor: Actor) => Actor | null = (actor) => actor;

  async function connect(
    name: ActorName,
    options: { slug?: string; seminarId?: string; lastEventId?: string; query?: string; actor?: Actor | null } = {},
  ) {
    const actor = options.actor !== undefined ? options.actor : world.actor(name);
    const abort = new AbortController();
    const query = options.query ?? `seminar=${options.seminarId ?? world.seminarId}`;
    const req = new Request(`http://parallax.test/api/readings/${options.slug ?? world.slug}/events?${query}`, {
      headers: options.lastEventId ? { "last-event-id": options.lastEventId } : {},
      signal: abort.signal,
    });
    const response = await eventsRoute.GET(req, {
      params: Promise.resolve({ slug: options.slug ?? world.slug }),
      deps: { db: world.db, resolveActor: async () => (actor ? session(actor) : null) },
      live: { bus, presence, timers: clock.timers, heartbeatMs: HEARTBEAT, recheckMs: RECHECK },
    });
    if (!response.ok) return { status: response.status, json: await response.json(), reader: null, abort };
    const reader = readFrames(response.body!);
    open.push({ reader, abort });
    return { status: response.status, json: null, reader, abort, headers: response.headers };
  }

  return {
    bus,
    presence,
    clock,
    events,
    connect,
    setSession: (fn: (actor: Actor) => Actor | null) => (session = fn),
    closeAll: async () => {
      for (const { abort, reader } of open) {
        abort.abort();
        await reader.ended;
      }
    },
  };
}

let current: ReturnType<typeof live> | undefined;
afterEach(async () => {
  await current?.closeAll();
  current = undefined;
});

const noteInput = (quote: string, visibility: "private" | "seminar", text = "A note."): CreateNoteInput => ({
  target: targetFor(world, quote),
  motivation: "commenting",
  body: { html: `<p>${text}</p>` },
  tags: [],
  visibility,
});

const itemEvents = (reader: FrameReader) => reader.frames.filter((f) => f.id !== null && f.event !== "comment");
const data = (frame: ReceivedFrame) => (frame.data ? JSON.parse(frame.data) : {});

/** Publishes a seminar note everyone sees and waits until each reader has it: what came before has arrived too. */
async function settle(t: ReturnType<typeof live>, readers: FrameReader[]) {
  const marker = await createNote(world.db, world.actors.instructor, world.slug, world.seminarId, noteInput("Seoul", "seminar", "marker"), t.events);
  await Promise.all(readers.map((r) => r.waitFor((f) => f.event === "note.created" && data(f).noteId === marker.id)));
  return marker.id;
}

describe("events stream: who may connect", () => {
  const cases: [ActorName, number][] = [
    ["anonymous", 401],
    ["nonMember", 404],
    ["otherInstructor", 404],
    ["author", 200],
    ["otherStudent", 200],
    ["instructor", 200],
  ];
  for (const [name, status] of cases) {
    it(`${name} → ${status}`, async () => {
      current = live();
      const result = await current.connect(name);
      expect(result.status).toBe(status);
      if (status === 200) {
        expect(result.headers!.get("content-type")).toMatch(/^text\/event-stream/);
        expect(result.headers!.get("cache-control")).toContain("no-transform");
      } else expect(result.json.error.code).toBeTypeOf("string");
    });
  }

  it("an unknown reading → 404, a missing seminar → 400", async () => {
    current = live();
    expect((await current.connect("author", { slug: "no-such-reading" })).status).toBe(404);
    expect((await current.connect("author", { query: "" })).status).toBe(400);
  });
});

describe("events stream: what reaches whom", () => {
  const members = ["author", "otherStudent", "instructor"] as const;

  async function connectAll(t: ReturnType<typeof live>) {
    const readers = {} as Record<(typeof members)[number], FrameReader>;
    for (const name of members) readers[name] = (await t.connect(name)).reader!;
    return readers;
  }

  /** Each delivered view must be exactly what getNote gives that person now. */
  async function expectSameAsGetNote(name: (typeof members)[number], view: NoteView) {
    expect(view).toEqual(await getNote(world.db, world.actors[name], view.id));
  }

  it("a private note reaches its author only; a seminar note reaches every member, as getNote shows it to each", async () => {
    const t = (current = live());
    const readers = await connectAll(t);
    const secret = await createNote(world.db, world.actors.author, world.slug, world.seminarId, noteInput("Inchon", "private", "my secret"), t.events);
    const shared = await createNote(world.db, world.actors.author, world.slug, world.seminarId, noteInput("Inchon", "seminar", "for all"), t.events);
    await settle(t, Object.values(readers));
    for (const name of members) {
      const got = itemEvents(readers[name]).map((f) => data(f));
      const ids = got.map((d) => d.noteId);
      expect(ids.includes(secret.id), name).toBe(name === "author");
      expect(ids).toContain(shared.id);
      expect(JSON.stringify(got).includes("my secret"), name).toBe(name === "author");
      await expectSameAsGetNote(name, got.find((d) => d.noteId === shared.id).note);
    }
  });

  it("hiding a note: students who saw it get note.removed, its author and instructors the hidden view; unhiding brings it back", async () => {
    const t = (current = live());
    const readers = await connectAll(t);
    const note = await createNote(world.db, world.actors.author, world.slug, world.seminarId, noteInput("Inchon", "seminar"), t.events);
    await setNoteHidden(world.db, world.actors.instructor, note.id, true, t.events);
    await settle(t, Object.values(readers));
    const about = (name: (typeof members)[number]) => itemEvents(readers[name]).map(data).filter((d) => d.noteId === note.id);
    expect(about("otherStudent").map((d) => d.type)).toEqual(["note.created", "note.removed"]);
    expect(about("otherStudent")[1]).toEqual({ type: "note.removed", cause: "note.hidden", noteId: note.id, id: expect.any(String) });
    for (const name of ["author", "instructor"] as const) {
      const last = about(name).at(-1);
      expect(last.type).toBe("note.hidden");
      expect(last.note.hidden).toBe(true);
      await expectSameAsGetNote(name, last.note);
    }
    const from = readers.otherStudent.frames.length;
    await setNoteHidden(world.db, world.actors.instructor, note.id, false, t.events);
    const back = await readers.otherStudent.waitFor((f) => f.event === "note.unhidden", { from });
    await expectSameAsGetNote("otherStudent", data(back).note);
  });

  it("making a seminar note private removes it for others; an edit of someone's private note reaches nobody else", async () => {
    const t = (current = live());
    const readers = await connectAll(t);
    const note = await createNote(world.db, world.actors.author, world.slug, world.seminarId, noteInput("Inchon", "seminar"), t.events);
    const edited = await updateNote(world.db, world.actors.author, note.id, { revision: note.revision, visibility: "private" }, t.events);
    await updateNote(world.db, world.actors.author, note.id, { revision: edited.revision, body: { html: "<p>still mine</p>" } }, t.events);
    await settle(t, Object.values(readers));
    for (const name of ["otherStudent", "instructor"] as const) {
      const about = itemEvents(readers[name]).map(data).filter((d) => d.noteId === note.id);
      expect(about.map((d) => d.type), name).toEqual(["note.created", "note.removed"]);
    }
    const mine = itemEvents(readers.author).map(data).filter((d) => d.noteId === note.id);
    expect(mine.map((d) => d.type)).toEqual(["note.created", "note.updated", "note.updated"]);
    expect(mine[2].note.body.html).toContain("still mine");
  });

  it("replies: a hidden reply's later edit reaches its author and instructors only; its hiding updates the others' thread", async () => {
    const t = (current = live());
    const readers = await connectAll(t);
    const note = await createNote(world.db, world.actors.author, world.slug, world.seminarId, noteInput("Inchon", "seminar"), t.events);
    const reply = await createReply(world.db, world.actors.otherStudent, note.id, { body: { html: "<p>first words</p>" } }, t.events);
    await setReplyHidden(world.db, world.actors.instructor, reply.id, true, t.events);
    await updateReply(world.db, world.actors.otherStudent, reply.id, { revision: reply.revision, body: { html: "<p>edited while hidden</p>" } }, t.events);
    await settle(t, Object.values(readers));
    const types = (name: (typeof members)[number]) =>
      itemEvents(readers[name]).map(data).filter((d) => d.noteId === note.id).map((d) => d.type);
    expect(types("author")).toEqual(["note.created", "reply.created", "reply.hidden"]);
    expect(types("otherStudent")).toEqual(["note.created", "reply.created", "reply.hidden", "reply.updated"]);
    expect(types("instructor")).toEqual(["note.created", "reply.created", "reply.hidden", "reply.updated"]);
    expect(JSON.stringify(readers.author.frames)).not.toContain("edited while hidden");
    for (const name of members) {
      const last = itemEvents(readers[name]).map(data).filter((d) => d.noteId === note.id).at(-1);
      await expectSameAsGetNote(name, last.note);
    }
  });

  it("a deleted note with replies arrives as a placeholder; events of other readings and seminars do not arrive", async () => {
    const t = (current = live());
    const readers = await connectAll(t);
    const elsewhere = await t.connect("otherInstructor", { seminarId: world.otherSeminarId });
    const note = await createNote(world.db, world.actors.author, world.slug, world.seminarId, noteInput("Inchon", "seminar"), t.events);
    await createReply(world.db, world.actors.instructor, note.id, { body: { html: "<p>why?</p>" } }, t.events);
    await deleteNote(world.db, world.actors.author, note.id, t.events);
    const second = await createNote(world.db, world.actors.author, world.secondSlug, world.seminarId, {
      ...noteInput("Inchon", "seminar"),
      target: targetFor({ versionId: world.secondVersionId }, "Stalin", "Stalin, Mao and Kim Il Sung each weighed the risks of war in Korea differently."),
    }, t.events);
    await settle(t, Object.values(readers));
    for (const name of members) {
      const about = itemEvents(readers[name]).map(data);
      const last = about.filter((d) => d.noteId === note.id).at(-1);
      expect(last.type).toBe("note.deleted");
      expect(last.note).toMatchObject({ deleted: true, body: null, author: null });
      expect(about.some((d) => d.noteId === second.id)).toBe(false);
    }
    expect(itemEvents(elsewhere.reader!)).toEqual([]);
  });
});

describe("events stream: notifications", () => {
  it("a notification for me arrives on my stream as a bare signal; nobody else's stream hears of it", async () => {
    const t = (current = live());
    const withNotifications = createLiveEvents({ bus: t.bus });
    const author = (await t.connect("author")).reader!;
    const instructor = (await t.connect("instructor")).reader!;
    const mine = await createNote(world.db, world.actors.author, world.slug, world.seminarId, noteInput("Inchon", "seminar"), withNotifications);
    await createReply(world.db, world.actors.otherStudent, mine.id, { body: { html: "<p>A reply for you.</p>" } }, withNotifications);
    const signal = await author.waitFor((f) => f.event === "notification");
    expect(data(signal)).toEqual({ type: "notification.created", id: signal.id });
    await settle(t, [author, instructor]);
    expect(instructor.frames.some((f) => f.event === "notification")).toBe(false);
  });
});

describe("events stream: presence", () => {
  it("lists the distinct people on the reading, and updates when someone leaves", async () => {
    const t = (current = live());
    const a = (await t.connect("author")).reader!;
    await a.waitFor((f) => f.event === "presence" && data(f).names.join() === "Author");
    const b = await t.connect("otherStudent");
    const both = await a.waitFor((f) => f.event === "presence" && data(f).names.length === 2);
    expect(data(both).names).toEqual(["Author", "OtherStudent"]);
    expect(data(both).people.map((p: { id: string }) => p.id).sort()).toEqual([world.actors.author.id, world.actors.otherStudent.id].sort());
    const secondTab = (await t.connect("otherStudent")).reader!;
    await secondTab.waitFor((f) => f.event === "presence" && data(f).names.length === 2);
    const from = a.frames.length;
    b.abort.abort();
    await b.reader!.ended;
    await new Promise((r) => setTimeout(r, 20));
    expect(a.frames.slice(from).filter((f) => f.event === "presence")).toEqual([]); // still there in another tab
    await secondTab.cancel();
    const alone = await a.waitFor((f) => f.event === "presence", { from });
    expect(data(alone).names).toEqual(["Author"]);
  });
});

describe("events stream: reconnecting", () => {
  const makeNotes = async (t: ReturnType<typeof live>, count: number, label: string) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      ids.push((await createNote(world.db, world.actors.author, world.slug, world.seminarId, noteInput("Inchon", "seminar", `${label} ${i}`), t.events)).id);
    }
    return ids;
  };

  it("Last-Event-ID replays exactly what was missed, in order, then goes on live", async () => {
    const t = (current = live());
    const first = await t.connect("otherStudent");
    const before = await makeNotes(t, 3, "before");
    const lastSeen = await first.reader!.waitFor((f) => f.event === "note.created" && data(f).noteId === before[2]);
    first.abort.abort();
    await first.reader!.ended;
    const missed = await makeNotes(t, 3, "missed");
    const again = await t.connect("otherStudent", { lastEventId: lastSeen.id! });
    const after = await makeNotes(t, 1, "after");
    await again.reader!.waitFor((f) => data(f).noteId === after[0]);
    const got = itemEvents(again.reader!).map((f) => data(f).noteId);
    expect(got).toEqual([...missed, ...after]);
    const ids = itemEvents(again.reader!).map((f) => Number(f.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(Number(itemEvents(again.reader!)[0].id)).toBeGreaterThan(Number(lastSeen.id));
  });

  it("the lastEventId query parameter works as the header does", async () => {
    const t = (current = live());
    const first = await t.connect("instructor");
    const [one] = await makeNotes(t, 1, "one");
    const seen = await first.reader!.waitFor((f) => data(f).noteId === one);
    first.abort.abort();
    const [two] = await makeNotes(t, 1, "two");
    const again = await t.connect("instructor", { query: `seminar=${world.seminarId}&lastEventId=${seen.id}` });
    await again.reader!.waitFor((f) => data(f).noteId === two);
    expect(itemEvents(again.reader!).map((f) => data(f).noteId)).toEqual([two]);
  });

  it("events the person may not see are skipped in the replay too", async () => {
    const t = (current = live());
    const first = await t.connect("otherStudent");
    const [seen] = await makeNotes(t, 1, "seen");
    const frame = await first.reader!.waitFor((f) => data(f).noteId === seen);
    first.abort.abort();
    const secret = await createNote(world.db, world.actors.author, world.slug, world.seminarId, noteInput("Inchon", "private", "secret"), t.events);
    const [shared] = await makeNotes(t, 1, "shared");
    const again = await t.connect("otherStudent", { lastEventId: frame.id! });
    await again.reader!.waitFor((f) => data(f).noteId === shared);
    expect(itemEvents(again.reader!).map((f) => data(f).noteId)).toEqual([shared]);
    expect(JSON.stringify(again.reader!.frames)).not.toContain(secret.id);
  });

  it("a Last-Event-ID older than the history kept (or unknown) gets a reset, not a silent gap", async () => {
    const t = (current = live());
    const small = new MemoryBus({ maxEvents: 2 });
    const old = small.latestId();
    for (let i = 0; i < 3; i++) small.publish({ type: "note.updated", seminarId: world.seminarId, documentId: null, readingSlug: null, itemId: `x${i}`, actorId: "a" });
    const abort = new AbortController();
    const response = await eventsRoute.GET(
      new Request(`http://parallax.test/api/readings/${world.slug}/events?seminar=${world.seminarId}`, { headers: { "last-event-id": String(old) }, signal: abort.signal }),
      { params: Promise.resolve({ slug: world.slug }), deps: { db: world.db, resolveActor: async () => world.actors.author }, live: { bus: small, presence: t.presence, timers: t.clock.timers } },
    );
    const reader = readFrames(response.body!);
    const reset = await reader.waitFor((f) => f.event === "reset");
    expect(Number(reset.id)).toBe(small.latestId());
    abort.abort();
    await reader.ended;
    const future = await t.connect("author", { lastEventId: String(t.bus.latestId() + 1000) });
    await future.reader!.waitFor((f) => f.event === "reset");
  });

  it("a heartbeat is a comment that moves Last-Event-ID past events that were not for this person", async () => {
    const t = (current = live());
    const reader = (await t.connect("otherStudent")).reader!;
    await createNote(world.db, world.actors.author, world.slug, world.seminarId, noteInput("Inchon", "private"), t.events);
    await new Promise((r) => setTimeout(r, 50)); // let the stream look at it (and skip it)
    t.clock.fire(HEARTBEAT);
    const ping = await reader.waitFor((f) => f.comments.includes("ping"));
    expect(ping.event).toBe("comment");
    expect(Number(ping.id)).toBe(t.bus.latestId());
    t.clock.fire(HEARTBEAT);
    const next = await reader.waitFor((f) => f.comments.includes("ping"), { from: reader.frames.indexOf(ping) + 1 });
    expect(next.id).toBeNull(); // nothing new to move past
  });
});

describe("events stream: ending and cleaning up", () => {
  it("a client abort unsubscribes, leaves presence and clears both timers", async () => {
    const t = (current = live());
    const a = await t.connect("author");
    const b = await t.connect("instructor");
    expect(t.bus.listenerCount()).toBe(2);
    expect(t.clock.active.size).toBe(4);
    expect(t.presence.connectionCount()).toBe(2);
    a.abort.abort();
    await a.reader!.ended;
    await b.reader!.cancel(); // the consumer cancelling the body works the same way
    expect(t.bus.listenerCount()).toBe(0);
    expect(t.clock.active.size).toBe(0);
    expect(t.presence.connectionCount()).toBe(0);
  });

  it("a member removed from the seminar is cut off at the next event about it", async () => {
    const t = (current = live());
    const student = (await t.connect("otherStudent")).reader!;
    await world.db.membership.deleteMany({ where: { seminarId: world.seminarId, userId: world.actors.otherStudent.id } });
    try {
      const note = await createNote(world.db, world.actors.author, world.slug, world.seminarId, noteInput("Inchon", "seminar", "after removal"), t.events);
      const end = await student.waitFor((f) => f.event === "end");
      expect(data(end)).toEqual({ reason: "removed" });
      await student.ended;
      expect(JSON.stringify(student.frames)).not.toContain(note.id);
      expect(t.bus.listenerCount()).toBe(0);
      expect(t.clock.active.size).toBe(0);
    } finally {
      await world.db.membership.create({ data: { seminarId: world.seminarId, userId: world.actors.otherStudent.id, role: "student" } });
    }
  });

  it("the periodic re-check ends the stream when the session is gone or the membership removed", async () => {
    const t = (current = live());
    const reader = (await t.connect("author")).reader!;
    t.clock.fire(RECHECK);
    await new Promise((r) => setTimeout(r, 50));
    expect(reader.isEnded()).toBe(false); // still signed in and a member
    t.setSession(() => null);
    t.clock.fire(RECHECK);
    expect(data(await reader.waitFor((f) => f.event === "end"))).toEqual({ reason: "signed-out" });
    await reader.ended;
    expect(t.clock.active.size).toBe(0);
    expect(t.presence.connectionCount()).toBe(0);

    t.setSession((actor) => actor);
    const instructor = (await t.connect("instructor")).reader!;
    await world.db.membership.deleteMany({ where: { seminarId: world.seminarId, userId: world.actors.instructor.id } });
    try {
      t.clock.fire(RECHECK);
      expect(data(await instructor.waitFor((f) => f.event === "end"))).toEqual({ reason: "removed" });
      expect(t.bus.listenerCount()).toBe(0);
    } finally {
      await world.db.membership.create({ data: { seminarId: world.seminarId, userId: world.actors.instructor.id, role: "instructor" } });
    }
  });
});

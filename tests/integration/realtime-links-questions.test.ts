// Live events of links and guided questions, through the reading's event stream on a
// real SQLite database: which events reach whom across the actor matrix (private and
// seminar links, hidden links and replies, answer-first answers), every link delivered
// exactly as the reading's links list shows it to that person, and one change heard on
// every reading it touches.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as eventsRoute from "@/app/api/readings/[slug]/events/route";
import type { Actor } from "@/lib/auth/actor";
import { createLinkReply, setLinkReplyHidden, updateLinkReply } from "@/lib/links/replies";
import { createLink, deleteLink, listReadingLinks, setLinkHidden, updateLink } from "@/lib/links/service";
import type { Visibility } from "@/lib/links/schema";
import { createAnswer, updateAnswer } from "@/lib/questions/answers";
import type { CreateQuestionInput } from "@/lib/questions/schema";
import { closeQuestion, createQuestion, deleteQuestion, updateQuestion } from "@/lib/questions/service";
import { createLiveEvents } from "@/lib/realtime/emit";
import { MemoryBus } from "@/lib/realtime/memory-bus";
import { PresenceHub } from "@/lib/realtime/presence";
import { readFrames, type FrameReader, type ReceivedFrame } from "@/lib/realtime/sse-reader";
import type { Timers } from "@/lib/realtime/stream";
import { selectorsFor } from "@/lib/annotations/selectors";
import { createLinkWorld, linkInput, READING_TEXT, SECOND_TEXT, type ActorName, type LinkWorld } from "./links-support";

let world: LinkWorld;
beforeAll(async () => {
  world = await createLinkWorld();
});
afterAll(async () => {
  await world.close();
});

const idleTimers: Timers = { setInterval: () => 0, clearInterval: () => {} };

/** A bus and presence of one test, and streams opened on them through the route. */
function live() {
  const bus = new MemoryBus();
  const presence = new PresenceHub();
  const events = createLiveEvents({ bus, after: null });
  const open: { reader: FrameReader; abort: AbortController }[] = [];

  async function connect(name: ActorName, options: { slug?: string; seminarId?: string; lastEventId?: string } = {}) {
    const actor: Actor | null = world.actor(name);
    const slug = options.slug ?? world.slug;
    const abort = new AbortController();
    const req = new Request(`http://parallax.test/api/readings/${slug}/events?seminar=${options.seminarId ?? world.seminarId}`, {
      headers: options.lastEventId ? { "last-event-id": options.lastEventId } : {},
      signal: abort.signal,
    });
    const response = await eventsRoute.GET(req, {
      params: Promise.resolve({ slug }),
      deps: { db: world.db, resolveActor: async () => actor },
      live: { bus, presence, timers: idleTimers },
    });
    if (!response.ok) return { status: response.status, reader: null, abort };
    const reader = readFrames(response.body!);
    open.push({ reader, abort });
    return { status: response.status, reader, abort };
  }

  return {
    bus,
    events,
    connect,
    closeAll: async () => {
      for (const { abort, reader } of open) {
        abort.abort();
        await reader.ended;
      }
    },
  };
}
type Live = ReturnType<typeof live>;

let current: Live | undefined;
afterEach(async () => {
  await current?.closeAll();
  current = undefined;
});

const data = (frame: ReceivedFrame) => (frame.data ? JSON.parse(frame.data) : {});
/** The link and question frames a reader got, as their data. */
const received = (reader: FrameReader) =>
  reader.frames.filter((f) => f.event.startsWith("link.") || f.event.startsWith("question.")).map((f) => ({ event: f.event, ...data(f) }));
const aboutLink = (reader: FrameReader, linkId: string) => received(reader).filter((d) => d.linkId === linkId);
const aboutQuestion = (reader: FrameReader, questionId: string) => received(reader).filter((d) => d.questionId === questionId);

const members = ["author", "otherStudent", "instructor"] as const;
type Member = (typeof members)[number];

/** Streams of seminar S's members on the first reading, and S's instructor elsewhere in T. */
async function connectAll(t: Live) {
  const readers = {} as Record<Member, FrameReader>;
  for (const name of members) readers[name] = (await t.connect(name)).reader!;
  const elsewhere = (await t.connect("otherInstructor", { seminarId: world.otherSeminarId })).reader!;
  return { readers, elsewhere };
}

/** A seminar link by the instructor on both readings: once each reader has it, whatever came before has arrived too. */
async function settle(t: Live, readers: FrameReader[]) {
  const marker = await createLink(world.db, world.actors.instructor, world.seminarId, linkInput(world, { note: "marker" }), t.events);
  await Promise.all(readers.map((r) => r.waitFor((f) => f.event === "link.created" && data(f).linkId === marker.id)));
}

const makeLink = (t: Live, visibility: Visibility, note = "A link.", by: Member = "author") =>
  createLink(world.db, world.actors[by], world.seminarId, linkInput(world, { visibility, note }), t.events);

/** What the reading's links list shows this person of one link now (undefined: not listed). */
async function listed(name: Member, linkId: string, slug = world.slug) {
  const { links } = await listReadingLinks(world.db, world.actors[name], slug, world.seminarId);
  return links.find((link) => link.id === linkId);
}

const passage = (quote: string, reading: "first" | "second" = "first") => {
  const text = reading === "first" ? READING_TEXT : SECOND_TEXT;
  const start = text.indexOf(quote);
  return {
    slug: reading === "first" ? world.slug : world.secondSlug,
    versionId: reading === "first" ? world.versionId : world.secondVersionId,
    selectors: selectorsFor(text, start, start + quote.length),
  };
};

const ask = (t: Live, over: Partial<CreateQuestionInput> = {}) =>
  createQuestion(
    world.db,
    world.actors.instructor,
    world.seminarId,
    { title: "Why did the war turn?", prompt: { html: "<p>Read closely.</p>" }, dueAt: null, answerFirst: false, passages: [passage("Inchon")], ...over },
    new Date(),
    t.events,
  );

describe("live links: who may listen", () => {
  it("anonymous → 401, a non-member and another seminar's instructor → 404 on S's stream of either reading", async () => {
    const t = (current = live());
    for (const slug of [world.slug, world.secondSlug]) {
      expect((await t.connect("anonymous", { slug })).status).toBe(401);
      expect((await t.connect("nonMember", { slug })).status).toBe(404);
      expect((await t.connect("otherInstructor", { slug })).status).toBe(404);
      expect((await t.connect("author", { slug })).status).toBe(200);
    }
  });
});

describe("live links: what reaches whom", () => {
  it("a seminar link reaches every member, as the links list shows it to each; a private one only its author; no other seminar", async () => {
    const t = (current = live());
    const { readers, elsewhere } = await connectAll(t);
    const secret = await makeLink(t, "private", "my secret link");
    const shared = await makeLink(t, "seminar", "for everyone");
    await settle(t, Object.values(readers));
    for (const name of members) {
      expect(aboutLink(readers[name], secret.id).length, name).toBe(name === "author" ? 1 : 0);
      expect(JSON.stringify(readers[name].frames).includes("my secret link"), name).toBe(name === "author");
      const [created] = aboutLink(readers[name], shared.id);
      expect(created).toMatchObject({ event: "link.created", type: "link.created", linkId: shared.id });
      expect(created.link).toEqual(await listed(name, shared.id));
    }
    expect(received(elsewhere)).toEqual([]);
  });

  it("a link reaches the streams of both readings it joins, once each", async () => {
    const t = (current = live());
    const first = (await t.connect("otherStudent")).reader!;
    const second = (await t.connect("otherStudent", { slug: world.secondSlug })).reader!;
    const link = await makeLink(t, "seminar");
    for (const [reader, slug] of [[first, world.slug], [second, world.secondSlug]] as const) {
      const frame = await reader.waitFor((f) => f.event === "link.created" && data(f).linkId === link.id);
      expect(data(frame).link).toEqual(await listed("otherStudent", link.id, slug));
    }
    await settle(t, [first, second]);
    expect(aboutLink(first, link.id)).toHaveLength(1);
    expect(aboutLink(second, link.id)).toHaveLength(1);
  });

  it("hiding: students who saw it get link.removed, its author and instructors the hidden link; an edit while hidden reaches only them; unhiding brings it back", async () => {
    const t = (current = live());
    const { readers } = await connectAll(t);
    const link = await makeLink(t, "seminar");
    await setLinkHidden(world.db, world.actors.instructor, link.id, true, t.events);
    await updateLink(world.db, world.actors.author, link.id, { revision: link.revision, body: { html: "<p>edited while hidden</p>" } }, t.events);
    await settle(t, Object.values(readers));
    expect(aboutLink(readers.otherStudent, link.id).map((d) => d.event)).toEqual(["link.created", "link.removed"]);
    expect(aboutLink(readers.otherStudent, link.id)[1]).toEqual({ event: "link.removed", type: "link.removed", cause: "link.hidden", linkId: link.id, id: expect.any(String) });
    expect(JSON.stringify(readers.otherStudent.frames)).not.toContain("edited while hidden");
    for (const name of ["author", "instructor"] as const) {
      const got = aboutLink(readers[name], link.id);
      expect(got.map((d) => d.event), name).toEqual(["link.created", "link.hidden", "link.updated"]);
      expect(got[2].link).toEqual(await listed(name, link.id));
      expect(got[2].link.hidden).toBe(true);
    }
    const from = readers.otherStudent.frames.length;
    await setLinkHidden(world.db, world.actors.instructor, link.id, false, t.events);
    const back = await readers.otherStudent.waitFor((f) => f.event === "link.unhidden", { from });
    expect(data(back).link).toEqual(await listed("otherStudent", link.id));
  });

  it("going private removes a link for everyone else, and its later edits reach nobody else", async () => {
    const t = (current = live());
    const { readers } = await connectAll(t);
    const link = await makeLink(t, "seminar");
    const edited = await updateLink(world.db, world.actors.author, link.id, { revision: link.revision, visibility: "private" }, t.events);
    await updateLink(world.db, world.actors.author, link.id, { revision: edited.revision, body: { html: "<p>still mine</p>" } }, t.events);
    await settle(t, Object.values(readers));
    for (const name of ["otherStudent", "instructor"] as const) {
      expect(aboutLink(readers[name], link.id).map((d) => d.event), name).toEqual(["link.created", "link.removed"]);
    }
    const mine = aboutLink(readers.author, link.id);
    expect(mine.map((d) => d.event)).toEqual(["link.created", "link.updated", "link.updated"]);
    expect(mine[2].link).toEqual(await listed("author", link.id));
  });

  it("deleting: a link drops out of everyone's list (with or without replies); a private link's deletion reaches only its author", async () => {
    const t = (current = live());
    const { readers } = await connectAll(t);
    const bare = await makeLink(t, "seminar");
    const discussed = await makeLink(t, "seminar");
    const secret = await makeLink(t, "private");
    await createLinkReply(world.db, world.actors.otherStudent, discussed.id, { body: { html: "<p>hm</p>" } }, t.events);
    expect((await deleteLink(world.db, world.actors.author, bare.id, t.events)).outcome).toBe("deleted");
    expect((await deleteLink(world.db, world.actors.author, discussed.id, t.events)).outcome).toBe("placeholder");
    await deleteLink(world.db, world.actors.author, secret.id, t.events);
    await settle(t, Object.values(readers));
    for (const name of members) {
      expect(aboutLink(readers[name], bare.id).map((d) => d.event), name).toEqual(["link.created", "link.removed"]);
      expect(aboutLink(readers[name], discussed.id).map((d) => d.event), name).toEqual(["link.created", "link.reply.created", "link.removed"]);
      expect(aboutLink(readers[name], secret.id).map((d) => d.event), name).toEqual(name === "author" ? ["link.created", "link.removed"] : []);
      expect(await listed(name, discussed.id)).toBeUndefined();
    }
  });

  it("replies: a hidden reply's later edit reaches its author and instructors only; the others hear of the hiding (their count changes)", async () => {
    const t = (current = live());
    const { readers, elsewhere } = await connectAll(t);
    const link = await makeLink(t, "seminar");
    const reply = await createLinkReply(world.db, world.actors.otherStudent, link.id, { body: { html: "<p>first words</p>" } }, t.events);
    await setLinkReplyHidden(world.db, world.actors.instructor, link.id, reply.id, true, t.events);
    await updateLinkReply(world.db, world.actors.otherStudent, link.id, reply.id, { revision: reply.revision, body: { html: "<p>edited while hidden</p>" } }, t.events);
    await settle(t, Object.values(readers));
    const types = (name: Member) => aboutLink(readers[name], link.id).map((d) => d.event);
    expect(types("author")).toEqual(["link.created", "link.reply.created", "link.reply.hidden"]);
    expect(types("otherStudent")).toEqual(["link.created", "link.reply.created", "link.reply.hidden", "link.reply.updated"]);
    expect(types("instructor")).toEqual(["link.created", "link.reply.created", "link.reply.hidden", "link.reply.updated"]);
    for (const name of members) {
      const last = aboutLink(readers[name], link.id).at(-1);
      expect(last.replyId).toBe(reply.id);
      expect(last.link).toEqual(await listed(name, link.id));
    }
    expect(aboutLink(readers.author, link.id).at(-1).link.replyCount).toBe(0);
    expect(aboutLink(readers.instructor, link.id).at(-1).link.replyCount).toBe(1);
    expect(JSON.stringify(readers.author.frames)).not.toContain("words"); // events carry the link, never a reply's text
    expect(received(elsewhere)).toEqual([]);
  });

  it("events the person may not see are skipped in a Last-Event-ID replay too", async () => {
    const t = (current = live());
    const first = await t.connect("otherStudent");
    const seen = await makeLink(t, "seminar");
    const frame = await first.reader!.waitFor((f) => data(f).linkId === seen.id);
    first.abort.abort();
    const secret = await makeLink(t, "private", "secret");
    const shared = await makeLink(t, "seminar");
    const again = (await t.connect("otherStudent", { lastEventId: frame.id! })).reader!;
    await again.waitFor((f) => data(f).linkId === shared.id);
    expect(received(again).map((d) => d.linkId)).toEqual([shared.id]);
    expect(JSON.stringify(again.frames)).not.toContain(secret.id);
  });
});

describe("live questions: what reaches whom", () => {
  it("a new question reaches every member on its reading's stream, not other readings' nor other seminars'", async () => {
    const t = (current = live());
    const { readers, elsewhere } = await connectAll(t);
    const second = (await t.connect("otherStudent", { slug: world.secondSlug })).reader!;
    const question = await ask(t, { title: "Who crossed first?" });
    for (const name of members) {
      const frame = await readers[name].waitFor((f) => f.event === "question.created" && data(f).questionId === question.id);
      expect(data(frame)).toEqual({ type: "question.created", questionId: question.id, title: "Who crossed first?", mine: name === "instructor", id: frame.id });
    }
    await settle(t, [...Object.values(readers), second]);
    expect(aboutQuestion(second, question.id)).toEqual([]);
    expect(received(elsewhere)).toEqual([]);
  });

  it("a question on passages of two readings reaches both streams; moving its passage tells the reading it left", async () => {
    const t = (current = live());
    const first = (await t.connect("author")).reader!;
    const second = (await t.connect("author", { slug: world.secondSlug })).reader!;
    const both = await ask(t, { passages: [passage("Inchon"), passage("Stalin", "second")] });
    await first.waitFor((f) => data(f).questionId === both.id);
    await second.waitFor((f) => data(f).questionId === both.id);
    const moving = await ask(t);
    await updateQuestion(world.db, world.actors.instructor, moving.id, { revision: moving.revision, passages: [passage("Stalin", "second")] }, new Date(), t.events);
    await settle(t, [first, second]);
    expect(aboutQuestion(first, moving.id).map((d) => d.event)).toEqual(["question.created", "question.updated"]);
    expect(aboutQuestion(second, moving.id).map((d) => d.event)).toEqual(["question.updated"]);
  });

  it("closing, reopening and deleting reach every member", async () => {
    const t = (current = live());
    const { readers, elsewhere } = await connectAll(t);
    const question = await ask(t);
    await closeQuestion(world.db, world.actors.instructor, question.id, true, new Date(), t.events);
    await closeQuestion(world.db, world.actors.instructor, question.id, true, new Date(), t.events); // no change, no event
    await closeQuestion(world.db, world.actors.instructor, question.id, false, new Date(), t.events);
    await deleteQuestion(world.db, world.actors.instructor, question.id, t.events);
    await settle(t, Object.values(readers));
    for (const name of members) {
      expect(aboutQuestion(readers[name], question.id).map((d) => d.event), name).toEqual([
        "question.created",
        "question.closed",
        "question.reopened",
        "question.deleted",
      ]);
    }
    expect(aboutQuestion(readers.author, question.id).at(-1).title).toBeNull();
    expect(received(elsewhere)).toEqual([]);
  });

  it("answer-first: an answer never reaches a student who has not answered; it reaches its author, instructors, and students who have", async () => {
    const t = (current = live());
    const { readers, elsewhere } = await connectAll(t);
    const question = await ask(t, { answerFirst: true });
    const theirs = await createAnswer(world.db, world.actors.otherStudent, question.id, { body: { html: "<p>their secret answer</p>" } }, new Date(), t.events);
    await settle(t, Object.values(readers));
    const answers = (name: Member) => aboutQuestion(readers[name], question.id).filter((d) => d.event.startsWith("question.answer."));
    expect(answers("author")).toEqual([]);
    expect(answers("otherStudent").map((d) => [d.event, d.answerId, d.mine])).toEqual([["question.answer.created", theirs.id, true]]);
    expect(answers("instructor").map((d) => [d.event, d.answerId, d.mine])).toEqual([["question.answer.created", theirs.id, false]]);

    const mine = await createAnswer(world.db, world.actors.author, question.id, { body: { html: "<p>mine</p>" } }, new Date(), t.events);
    await updateAnswer(world.db, world.actors.otherStudent, question.id, theirs.id, { revision: theirs.revision, body: { html: "<p>their edit</p>" } }, new Date(), t.events);
    await settle(t, Object.values(readers));
    expect(answers("author").map((d) => [d.event, d.answerId])).toEqual([
      ["question.answer.created", mine.id],
      ["question.answer.updated", theirs.id],
    ]);
    expect(answers("otherStudent").map((d) => d.answerId)).toEqual([theirs.id, mine.id, theirs.id]);
    expect(answers("instructor").map((d) => d.answerId)).toEqual([theirs.id, mine.id, theirs.id]);
    for (const name of members) expect(JSON.stringify(readers[name].frames), name).not.toMatch(/secret answer|their edit/);
    expect(received(elsewhere)).toEqual([]);
  });

  it("without answer-first, every member hears of every answer", async () => {
    const t = (current = live());
    const { readers } = await connectAll(t);
    const question = await ask(t);
    const answer = await createAnswer(world.db, world.actors.otherStudent, question.id, { body: { html: "<p>open answer</p>" } }, new Date(), t.events);
    await settle(t, Object.values(readers));
    for (const name of members) {
      expect(aboutQuestion(readers[name], question.id).map((d) => [d.event, d.answerId]), name).toEqual([
        ["question.created", undefined],
        ["question.answer.created", answer.id],
      ]);
    }
  });

  it("a member removed from the seminar is cut off at the next question event", async () => {
    const t = (current = live());
    const student = (await t.connect("otherStudent")).reader!;
    await world.db.membership.deleteMany({ where: { seminarId: world.seminarId, userId: world.actors.otherStudent.id } });
    try {
      const question = await ask(t, { title: "After removal" });
      expect(data(await student.waitFor((f) => f.event === "end"))).toEqual({ reason: "removed" });
      expect(JSON.stringify(student.frames)).not.toContain(question.id);
    } finally {
      await world.db.membership.create({ data: { seminarId: world.seminarId, userId: world.actors.otherStudent.id, role: "student" } });
    }
  });
});

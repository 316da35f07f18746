// A published revision is announced live to everyone reading the reading in a seminar
// that reads it, and to no one else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as eventsRoute from "@/app/api/readings/[slug]/events/route";
import type { Actor } from "@/lib/auth/actor";
import { createLiveEvents } from "@/lib/realtime/emit";
import { MemoryBus } from "@/lib/realtime/memory-bus";
import { PresenceHub } from "@/lib/realtime/presence";
import { readFrames, type FrameReader } from "@/lib/realtime/sse-reader";
import type { Timers } from "@/lib/realtime/stream";
import { publishRevision } from "@/lib/revisions/service";
import { createRevisionWorld, REVISED_BODY, type RevisionWorld } from "./revisions-support";

let w: RevisionWorld;
beforeAll(async () => {
  w = await createRevisionWorld();
});
afterAll(async () => {
  await w.close();
});

const idleTimers: Timers = { setInterval: () => 0, clearInterval: () => {} };

describe("reading.revised", () => {
  it("reaches the seminar's readers of the reading with the new version's number, and nobody in another seminar", async () => {
    const bus = new MemoryBus();
    const presence = new PresenceHub();
    const opened: { reader: FrameReader; abort: AbortController }[] = [];
    const connect = async (actor: Actor, seminarId: string) => {
      const abort = new AbortController();
      const req = new Request(`http://parallax.test/api/readings/${w.readingSlug}/events?seminar=${seminarId}`, { signal: abort.signal });
      const response = await eventsRoute.GET(req, {
        params: Promise.resolve({ slug: w.readingSlug }),
        deps: { db: w.db, resolveActor: async () => actor },
        live: { bus, presence, timers: idleTimers },
      });
      if (!response.ok) return null;
      const reader = readFrames(response.body!);
      opened.push({ reader, abort });
      return reader;
    };
    const student = (await connect(w.actors.author, w.seminarId))!;
    const instructor = (await connect(w.actors.instructor, w.seminarId))!;
    const elsewhere = await connect(w.actors.otherInstructor, w.otherSeminarId);

    await publishRevision(w.db, w.actors.instructor, w.readingSlug, { baseVersion: 1, body: REVISED_BODY }, undefined, createLiveEvents({ bus, after: null }));
    const revised = (reader: FrameReader) => reader.waitFor((f) => f.event === "reading.revised");
    expect(JSON.parse((await revised(student)).data)).toMatchObject({ type: "reading.revised", version: 2, mine: false });
    expect(JSON.parse((await revised(instructor)).data)).toMatchObject({ version: 2, mine: true });
    if (elsewhere) expect(elsewhere.frames.some((f) => f.event === "reading.revised")).toBe(false);

    for (const { abort, reader } of opened) {
      abort.abort();
      await reader.ended;
    }
  });
});

import { describe, expect, it } from "vitest";
import { MemoryBus } from "@/lib/realtime/memory-bus";
import { matchesAny, type EventInput } from "@/lib/realtime/events";

const event = (over: Partial<EventInput> = {}): EventInput => ({
  type: "note.created",
  seminarId: "s1",
  documentId: "d1",
  readingSlug: "r1",
  itemId: "n1",
  actorId: "u1",
  ...over,
});

describe("matchesAny", () => {
  const cases: [string, Partial<EventInput>, Parameters<typeof matchesAny>[1], boolean][] = [
    ["same seminar and reading", {}, [{ seminarId: "s1", documentId: "d1" }], true],
    ["another reading", { documentId: "d2" }, [{ seminarId: "s1", documentId: "d1" }], false],
    ["another seminar", { seminarId: "s2" }, [{ seminarId: "s1", documentId: "d1" }], false],
    ["a seminar-wide event on any reading", { documentId: null }, [{ seminarId: "s1", documentId: "d1" }], true],
    ["any reading of the seminar", { documentId: "d9" }, [{ seminarId: "s1" }], true],
    ["a personal event, to me", { recipientId: "u2" }, [{ seminarId: "s1" }, { recipientId: "u2" }], true],
    ["a personal event, to someone else in my room", { recipientId: "u3" }, [{ seminarId: "s1" }, { recipientId: "u2" }], false],
    ["no filters", {}, [], false],
  ];
  for (const [name, over, filters, expected] of cases) it(name, () => expect(matchesAny(event(over), filters)).toBe(expected));
});

describe("MemoryBus", () => {
  it("stamps strictly increasing ids from the clock, and hands events to matching listeners in order", () => {
    let now = 1_000;
    const bus = new MemoryBus({ now: () => now });
    expect(bus.latestId()).toBe(1_000_000);
    const got: number[] = [];
    const stop = bus.subscribe([{ seminarId: "s1" }], (e) => got.push(e.id));
    const a = bus.publish(event());
    const b = bus.publish(event()); // same millisecond
    bus.publish(event({ seminarId: "s2" }));
    now = 1_000_000; // the clock jumps: ids follow it
    const c = bus.publish(event());
    expect([a.id, b.id, c.id]).toEqual([1_000_001, 1_000_002, 1_000_000_000]);
    expect(got).toEqual([a.id, b.id, c.id]);
    expect(bus.listenerCount()).toBe(1);
    stop();
    stop(); // twice is harmless
    bus.publish(event());
    expect(got).toHaveLength(3);
    expect(bus.listenerCount()).toBe(0);
  });

  it("a restarted bus starts past the ids of the one before (clock-based)", () => {
    const before = new MemoryBus({ now: () => 5_000 });
    const last = before.publish(event()).id;
    const after = new MemoryBus({ now: () => 5_001 });
    expect(after.publish(event()).id).toBeGreaterThan(last);
  });

  it("since: matching events after an id; null when the id is older than the history or unknown", () => {
    let now = 0;
    const bus = new MemoryBus({ maxEvents: 3, maxAgeMs: 100, firstId: 0, now: () => now });
    expect(bus.since(0, [{ seminarId: "s1" }])).toEqual([]);
    const ids = [1, 2, 3].map(() => bus.publish(event()).id);
    bus.publish(event({ seminarId: "s2" })); // drops the first: the ring holds three
    expect(bus.since(ids[0], [{ seminarId: "s1" }])!.map((e) => e.id)).toEqual([ids[1], ids[2]]);
    expect(bus.since(0, [{ seminarId: "s1" }])).toBeNull(); // event 1 is gone
    expect(bus.since(bus.latestId() + 1, [{ seminarId: "s1" }])).toBeNull(); // from another bus
    expect(bus.since(bus.latestId(), [{ seminarId: "s1" }])).toEqual([]);
    now = 1_000; // all expire
    expect(bus.since(ids[2], [{ seminarId: "s1" }])).toBeNull();
    expect(bus.since(bus.latestId(), [{ seminarId: "s1" }])).toEqual([]);
  });

  it("a failing listener does not stop the others", () => {
    const bus = new MemoryBus();
    const got: string[] = [];
    const quiet = console.error;
    console.error = () => {};
    try {
      bus.subscribe([{ seminarId: "s1" }], () => {
        throw new Error("boom");
      });
      bus.subscribe([{ seminarId: "s1" }], (e) => got.push(e.itemId));
      bus.publish(event());
    } finally {
      console.error = quiet;
    }
    expect(got).toEqual(["n1"]);
  });

  it("a listener that unsubscribes another during fan-out stops it at once", () => {
    const bus = new MemoryBus();
    const got: string[] = [];
    let stopSecond = () => {};
    bus.subscribe([{ seminarId: "s1" }], () => stopSecond());
    stopSecond = bus.subscribe([{ seminarId: "s1" }], () => got.push("second"));
    bus.publish(event());
    expect(got).toEqual([]);
  });
});

/** Which streams an event reaches: an item on several readings reaches each reading's stream. */
import { describe, expect, it } from "vitest";
import { matchesAny, type EventInput } from "@/lib/realtime/events";
import { MemoryBus } from "@/lib/realtime/memory-bus";

const link: EventInput = {
  type: "link.created",
  seminarId: "s1",
  documentId: "d1",
  documentIds: ["d1", "d2"],
  readingSlug: "one",
  itemId: "l1",
  linkId: "l1",
  actorId: "u1",
};

describe("matchesAny with several readings", () => {
  it("matches the stream of every reading the item touches, in its seminar only", () => {
    expect(matchesAny(link, [{ seminarId: "s1", documentId: "d1" }])).toBe(true);
    expect(matchesAny(link, [{ seminarId: "s1", documentId: "d2" }])).toBe(true);
    expect(matchesAny(link, [{ seminarId: "s1", documentId: "d3" }])).toBe(false);
    expect(matchesAny(link, [{ seminarId: "s2", documentId: "d2" }])).toBe(false);
    expect(matchesAny(link, [{ seminarId: "s1" }])).toBe(true);
    expect(matchesAny(link, [{ recipientId: "u1" }])).toBe(false);
  });

  it("a personal event goes to its person only, whatever readings it names", () => {
    const personal: EventInput = { ...link, type: "notification.created", recipientId: "u2" };
    expect(matchesAny(personal, [{ seminarId: "s1", documentId: "d2" }])).toBe(false);
    expect(matchesAny(personal, [{ recipientId: "u2" }])).toBe(true);
  });

  it("a bus hands one event to listeners of either reading and replays it to both", () => {
    const bus = new MemoryBus({ firstId: 0, now: () => 1 });
    const heard: string[] = [];
    bus.subscribe([{ seminarId: "s1", documentId: "d1" }], () => heard.push("d1"));
    bus.subscribe([{ seminarId: "s1", documentId: "d2" }], () => heard.push("d2"));
    bus.subscribe([{ seminarId: "s1", documentId: "d3" }], () => heard.push("d3"));
    bus.publish(link);
    expect(heard).toEqual(["d1", "d2"]);
    expect(bus.since(0, [{ seminarId: "s1", documentId: "d2" }])?.map((event) => event.itemId)).toEqual(["l1"]);
    expect(bus.since(0, [{ seminarId: "s1", documentId: "d3" }])).toEqual([]);
  });
});

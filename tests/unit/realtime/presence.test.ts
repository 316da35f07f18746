import { describe, expect, it } from "vitest";
import { PresenceHub, type PresencePerson } from "@/lib/realtime/presence";

const ana = { id: "u-ana", name: "Ana Lima" };
const ben = { id: "u-ben", name: "Ben Okafor" };

describe("PresenceHub", () => {
  it("tells everyone in the room when a person arrives or leaves, and nobody elsewhere", () => {
    const hub = new PresenceHub();
    const seen: Record<string, string[][]> = { a: [], b: [], other: [] };
    const names = (key: string) => (people: PresencePerson[]) => seen[key].push(people.map((p) => p.name));
    const leaveA = hub.join("s:d", ana, names("a"));
    hub.join("s:other", ben, names("other"));
    const leaveB = hub.join("s:d", ben, names("b"));
    expect(seen.a).toEqual([["Ana Lima"], ["Ana Lima", "Ben Okafor"]]);
    expect(seen.b).toEqual([["Ana Lima", "Ben Okafor"]]);
    leaveB();
    leaveB(); // twice is harmless
    expect(seen.a.at(-1)).toEqual(["Ana Lima"]);
    expect(seen.other).toEqual([["Ben Okafor"]]);
    leaveA();
    expect(hub.people("s:d")).toEqual([]);
    expect(hub.connectionCount()).toBe(1);
  });

  it("counts a person once however many tabs they have; a second tab only tells that tab", () => {
    const hub = new PresenceHub();
    const first: number[] = [];
    const second: number[] = [];
    const leave1 = hub.join("r", ana, (p) => first.push(p.length));
    const leave2 = hub.join("r", ana, (p) => second.push(p.length));
    expect(first).toEqual([1]);
    expect(second).toEqual([1]);
    leave1();
    expect(first).toEqual([1]);
    expect(second).toEqual([1]); // still present in the other tab: nothing changed
    leave2();
    expect(hub.connectionCount()).toBe(0);
  });
});

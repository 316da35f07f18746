import { describe, expect, it } from "vitest";
import { matchMembers, mentionQuery } from "@/app/read/[slug]/live/mention-suggest";

describe("mentionQuery", () => {
  const cases: [string, string | null][] = [
    ["@", ""],
    ["Ask @Be", "Be"],
    ["Ask @Ben Ok", "Ben Ok"],
    ["(@chl", "chl"],
    ["mail ben@ok", null],
    ["@Ben  ", null],
    ["no at sign", null],
    ["@ ", null],
  ];
  for (const [text, query] of cases) it(JSON.stringify(text), () => expect(mentionQuery(text)?.query ?? null).toBe(query));
  it("counts the @ in the length to replace", () => expect(mentionQuery("x @Be")).toEqual({ query: "Be", length: 3 }));
});

describe("matchMembers", () => {
  const members = [
    { id: "1", name: "Ben Okafor" },
    { id: "2", name: "Prof. Helen Park" },
    { id: "3", name: "Benjamin Ross" },
    { id: "4", name: "Ana Lima" },
  ];
  it("full-name starts first, then word starts, then by name", () => {
    expect(matchMembers(members, "ben").map((m) => m.id)).toEqual(["1", "3"]);
    expect(matchMembers(members, "pa").map((m) => m.id)).toEqual(["2"]);
    expect(matchMembers(members, "").map((m) => m.id)).toEqual(["4", "1", "3", "2"]);
    expect(matchMembers(members, "zz")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { decodePassageParam, encodePassageParam, newQuestionHref } from "@/lib/questions/from-param";

const passage = {
  slug: "korea-1950",
  versionId: "v1",
  selectors: [
    { type: "TextQuoteSelector" as const, exact: "Séoul — “fallen”", prefix: "", suffix: " 日本" },
    { type: "TextPositionSelector" as const, start: 3, end: 19 },
  ],
};

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");

describe("the `from` parameter", () => {
  it("round-trips a passage with any characters, URL-safe", () => {
    const value = encodePassageParam(passage);
    expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePassageParam(value)).toEqual(passage);
  });
  const bad: [string, string][] = [
    ["not base64url", "a+b/c="],
    ["not JSON", b64("{nope")],
    ["not UTF-8", Buffer.from([0xff, 0xfe, 0x7b]).toString("base64url")],
    ["wrong shape", b64(JSON.stringify({ slug: "x" }))],
    ["one selector only", b64(JSON.stringify({ ...passage, selectors: [passage.selectors[0]] }))],
    ["extra keys", b64(JSON.stringify({ ...passage, extra: 1 }))],
    ["too long", "A".repeat(20_001)],
    ["empty", ""],
  ];
  for (const [name, value] of bad) it(`${name} → null`, () => expect(decodePassageParam(value)).toBeNull());
  it("builds the form's URL with one `from` per passage", () => {
    const href = newQuestionHref("sem 1", [passage, { ...passage, slug: "three-leaders" }]);
    const url = new URL(href, "http://x.test");
    expect(url.pathname).toBe("/seminars/sem%201/questions/new");
    expect(url.searchParams.getAll("from").map(decodePassageParam).map((p) => p?.slug)).toEqual(["korea-1950", "three-leaders"]);
  });
});

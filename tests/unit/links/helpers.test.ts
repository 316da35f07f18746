import { describe, expect, it } from "vitest";
import { plainTextBody } from "@/lib/links/client";
import { decodePassageParam, encodePassageParam, makeLinkHref } from "@/lib/links/passage-param";
import { relationPhrase, shortQuote } from "@/lib/links/relations";
import { sanitizeDoc } from "@/lib/annotations/tiptap";

describe("the `from` parameter", () => {
  const target = {
    versionId: "v1",
    selectors: [
      { type: "TextQuoteSelector" as const, exact: "Pak Hŏn-yŏng’s “uprising” 🙂", prefix: "of ", suffix: "." },
      { type: "TextPositionSelector" as const, start: 10, end: 39 },
    ],
  };
  it("round-trips any text as URL-safe base64", () => {
    const encoded = encodePassageParam(target);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePassageParam(encoded)).toEqual(target);
    expect(new URL(`http://x${makeLinkHref("s", "000", target, "001")}`).searchParams.get("from")).toBe(encoded);
  });
  it("is null for anything that is not a passage", () => {
    for (const bad of ["", "%%%", "bm90IGpzb24", encodePassageParam({ versionId: "v", selectors: [] }), btoa('{"versionId":5}')]) {
      expect(decodePassageParam(bad)).toBeNull();
    }
  });
});

describe("plainTextBody", () => {
  it("makes one paragraph per line, keeps markup as text, and is null when empty", () => {
    const body = plainTextBody("First line\n\n  <b>second</b> & more  \n")!;
    expect(body.json).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "First line" }] },
        { type: "paragraph", content: [{ type: "text", text: "<b>second</b> & more" }] },
      ],
    });
    expect(sanitizeDoc(body.json)).toEqual(body.json);
    expect(plainTextBody(" \n \n")).toBeNull();
  });
});

describe("relation wording", () => {
  it("reads each way", () => {
    expect(relationPhrase("quotes", "a")).toBe("quotes");
    expect(relationPhrase("quotes", "b")).toBe("quoted by");
    expect(relationPhrase("parallel", "b")).toBe("parallel to");
  });
  it("shortens quotes at a word, with an ellipsis", () => {
    expect(shortQuote("short")).toBe("short");
    expect(shortQuote("The   army of the North crossed the thirty-eighth parallel on 25 June 1950.", 40)).toBe("The army of the North crossed the…");
  });
});

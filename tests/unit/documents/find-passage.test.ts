import { describe, expect, it } from "vitest";
import { findPassage } from "@/lib/documents/find-passage";

const text = "The JCS directive of 27 September authorised operations north of the\n\nparallel. Panikkar warned.";

describe("findPassage", () => {
  it.each([
    ["a short quote", "Panikkar", "Panikkar"],
    ["a quote across a block break", "north of the parallel.", "north of the\n\nparallel."],
    ["a quote with odd spacing", "  JCS   directive ", "JCS directive"],
    ["a quote with regexp characters", "parallel.", "parallel."],
  ])("finds %s", (_name, quote, expected) => {
    const span = findPassage(text, quote);
    expect(span && text.slice(span.start, span.end)).toBe(expected);
  });

  it.each(["", "   ", "words that are nowhere in it at all, none of them"])("answers null for %j", (quote) => {
    expect(findPassage(text, quote)).toBeNull();
  });
});

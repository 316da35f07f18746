import { describe as suite, expect, it } from "vitest";
import { describe, InvalidSpanError, type TextQuoteSelector } from "@/lib/anchoring";

const text = "It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of foolishness.";

suite("describe", () => {
  it("returns a quote selector with 32 characters of context, then a position selector", () => {
    const start = text.indexOf("the worst");
    const end = start + "the worst of times".length;
    const [quote, position] = describe(text, start, end);
    expect(quote).toEqual({
      type: "TextQuoteSelector",
      exact: "the worst of times",
      prefix: text.slice(start - 32, start),
      suffix: text.slice(end, end + 32),
    });
    expect(position).toEqual({ type: "TextPositionSelector", start, end });
  });

  it.each([
    ["at the very start", 0, 6, "", text.slice(6, 38)],
    ["at the very end", text.length - 12, text.length, text.slice(text.length - 44, text.length - 12), ""],
    ["near the start", 3, 5, "It ", "s the best of times, it was the "],
  ])("gives fewer characters of context %s", (_, start, end, prefix, suffix) => {
    const quote = describe(text, start, end)[0] as TextQuoteSelector;
    expect(quote.prefix).toBe(prefix);
    expect(quote.suffix).toBe(suffix);
  });

  it("does not cut a surrogate pair in half at the edge of the context", () => {
    const s = "x".repeat(10) + "😀" + "y".repeat(31) + "PASSAGE" + "z".repeat(31) + "😀" + "w";
    const start = s.indexOf("PASSAGE");
    const quote = describe(s, start, start + 7)[0] as TextQuoteSelector;
    // 32 code units back would start on the second half of the emoji.
    expect(quote.prefix).toBe("y".repeat(31));
    expect(quote.suffix).toBe("z".repeat(31));
  });

  it("counts offsets in UTF-16 code units", () => {
    const s = "a😀b";
    expect((describe(s, 1, 3)[0] as TextQuoteSelector).exact).toBe("😀");
  });

  it.each([
    ["empty", 5, 5],
    ["reversed", 9, 4],
    ["negative", -1, 4],
    ["past the end", 10, text.length + 1],
    ["not integers", 1.5, 4],
    ["not numbers", Number.NaN, 4],
  ])("throws InvalidSpanError for a span that is %s", (_, start, end) => {
    expect(() => describe(text, start, end)).toThrow(InvalidSpanError);
  });

  it("throws for any span of an empty text", () => {
    expect(() => describe("", 0, 0)).toThrow(/empty or reversed/);
    expect(() => describe("", 0, 1)).toThrow(/outside a text of length 0/);
  });
});

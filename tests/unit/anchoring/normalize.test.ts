import { describe as suite, expect, it } from "vitest";
import { foldedIndexOf, foldText, originalSpan } from "@/lib/anchoring/normalize";

suite("foldText", () => {
  it.each([
    ["whitespace of every kind", "a  b\n\nc\t d\u00a0e", "abcde"],
    ["case", "Korean WAR", "koreanwar"],
    ["typographic quotes and apostrophes", "“It’s” ‘so’", "\"it's\"'so'"],
    ["dashes, and runs of them", "a—b – c--d", "a-b-c-d"],
    ["accents, precomposed or not", "café cafe\u0301", "cafecafe"],
    ["compatibility forms", "ﬁne… x²", "fine...x2"],
  ])("folds %s", (_, input, folded) => {
    expect(foldText(input).text).toBe(folded);
  });

  it("maps every folded character back to the original", () => {
    const text = "  The “café”—\nopen.";
    const folded = foldText(text);
    const at = folded.text.indexOf("cafe");
    // The span of "café" in the original includes its accent.
    expect(originalSpan(folded, at, at + 4)).toEqual({ start: 7, end: 11 });
    // A run of dashes folds to one character that covers all of them.
    const dashes = foldText("a--b");
    expect(originalSpan(dashes, 1, 2)).toEqual({ start: 1, end: 3 });
  });

  it("covers a decomposed accent with the letter before it", () => {
    const folded = foldText("cafe\u0301!");
    expect(originalSpan(folded, 0, 4)).toEqual({ start: 0, end: 5 });
  });

  it("finds the folded index of an original offset", () => {
    const folded = foldText("a  b c");
    expect(foldedIndexOf(folded, 0)).toBe(0);
    expect(foldedIndexOf(folded, 2)).toBe(1); // the spaces before "b" belong to nothing
    expect(foldedIndexOf(folded, 6)).toBe(3);
  });
});

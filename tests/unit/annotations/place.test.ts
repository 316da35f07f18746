import { describe as group, expect, it } from "vitest";
import { describe, type Selector } from "@/lib/anchoring";
import { placeItem as placeNote } from "@/lib/revisions/place";
import type { AnchorStatus } from "@/lib/annotations/schema";

const OLD =
  "On 25 June 1950 the army of the North crossed the thirty-eighth parallel. " +
  "Within days Seoul had fallen, and the United Nations Security Council called on members to help repel the attack. " +
  "In September the landing at Inchon turned the war; in October the decision to cross the parallel followed.";
const QUOTE = "the United Nations Security Council called on members";

function on(text: string, quote: string): Selector[] {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return describe(text, start, start + quote.length);
}

// [case, new text, expected status, the passage the new selectors must quote (null: kept as they were)]
const cases: [string, string, AnchorStatus, string | null][] = [
  ["unchanged text", OLD, "anchored", QUOTE],
  ["an edit outside the context", OLD.replace("landing at Inchon", "Inchon landing"), "anchored", QUOTE],
  ["an edit in the suffix only", OLD.replace("to help repel", "to repel"), "anchored", QUOTE],
  ["a sentence inserted before", "A new first sentence. " + OLD, "reanchored", QUOTE],
  ["a word reworded inside", OLD.replace("called on members", "called upon members"), "reanchored", "the United Nations Security Council called upon members"],
  ["the passage deleted", OLD.replace("Within days Seoul had fallen, and the United Nations Security Council called on members to help repel the attack. ", ""), "orphaned", null],
  ["an empty text", "", "orphaned", null],
];

group("placeNote", () => {
  it.each(cases)("%s", (_, text, status, quote) => {
    const selectors = on(OLD, QUOTE);
    const placed = placeNote(text, selectors);
    expect(placed.anchorStatus).toBe(status);
    if (quote === null) {
      expect(placed.selectors).toBe(selectors);
      return;
    }
    const position = placed.selectors.find((s) => s.type === "TextPositionSelector")!;
    expect(text.slice(position.start, position.end)).toBe(quote);
    expect(placed.selectors).toEqual(describe(text, position.start, position.end));
  });

  it("orphans a note whose stored selectors are unusable", () => {
    expect(placeNote(OLD, []).anchorStatus).toBe("orphaned");
  });
});

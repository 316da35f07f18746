import { describe as suite, expect, it } from "vitest";
import { anchor, describe } from "@/lib/anchoring";
import { loadReadingTexts } from "../../fixtures/readings";

/** A small seeded PRNG (mulberry32), so that a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

suite("describe then anchor on the same text", () => {
  for (const [index, reading] of loadReadingTexts().entries()) {
    it(`finds 1,000 random spans of ${reading.id} where they were, by position`, () => {
      const random = rng(1000 + index);
      const { text } = reading;
      for (let k = 0; k < 1000; k++) {
        // Mostly passages of a sentence or so, some single characters, some long.
        const length = 1 + Math.floor(random() ** 2 * 600);
        const start = Math.floor(random() * (text.length - length));
        const end = start + length;
        const found = anchor(text, describe(text, start, end));
        expect(found, `span [${start}, ${end})`).toEqual({ start, end, score: 1, method: "position" });
      }
    });
  }
});

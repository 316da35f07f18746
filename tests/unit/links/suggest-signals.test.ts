/**
 * The suggester's finer signals on small crafted texts: short quoted phrases and gapped
 * word pairs (short-phrases.ts), sentence pairs (sentence-pairs.ts) and word-vector
 * meaning (vectors.ts, meaning.ts). Nothing here comes from the shipped readings.
 */
import { describe, expect, it } from "vitest";
import { analyzeDocs } from "@/lib/links/analyze";
import { meaningSim, sentenceMeanings } from "@/lib/links/meaning";
import { sharedPhrases } from "@/lib/links/phrases";
import { sentenceIndex, sentencePairs } from "@/lib/links/sentence-pairs";
import { shortPhrases } from "@/lib/links/short-phrases";
import { Rarity } from "@/lib/links/similarity";
import { suggestParallels } from "@/lib/links/suggest";
import { parseVectors, wordVectors } from "@/lib/links/vectors";

const FILLER = [
  "The harvest in the valley was poor that year and the granaries stood half empty.",
  "Fishermen on the coast complained about the price of salt and rope.",
  "A new bridge over the river was finished after four years of work.",
];

const setOf = (...texts: string[]) => {
  const docs = analyzeDocs(texts.map((text, i) => ({ id: String(i), text })));
  return { docs, rarity: new Rarity(docs) };
};

describe("sharedPhrases", () => {
  it("ends a shared quotation with its paragraph, though both next paragraphs open with the same word", () => {
    const quote = "the admiral wrote that a port without ships is a fortress without bread.";
    const { docs, rarity } = setOf(
      [`In March ${quote}`, "Penhale ignored the warning for three weeks.", ...FILLER].join("\n\n"),
      [`As the letters show, ${quote}`, "Penhale answered with silence and more soldiers.", ...FILLER.slice(1)].join("\n\n"),
    );
    const found = sharedPhrases(docs, (key) => rarity.rarity(`t:${key}`));
    const shared = found.find((p) => p.display.includes("fortress without bread"));
    expect(shared?.display).toBe("admiral wrote that a port without ships is a fortress without bread");
    expect(found.some((p) => p.display.includes("Penhale"))).toBe(false);
  });
});

describe("shortPhrases", () => {
  it("finds two words shared a word apart (one text inserts a word)", () => {
    const { docs, rarity } = setOf(
      ["The regent hoped to splinter the fragile coalition of the guilds.", ...FILLER].join("\n\n"),
      ["His real aim was to splinter the whole fragile coalition, as the letters show.", ...FILLER.slice(0, 1)].join("\n\n"),
    );
    const found = shortPhrases(docs, (key) => rarity.rarity(`t:${key}`));
    const gapped = found.find((p) => p.display.startsWith("splinter the fragile"));
    expect(gapped).toBeDefined();
    expect(docs[gapped!.b.doc].text.slice(gapped!.b.start, gapped!.b.end)).toBe("splinter the whole fragile");
  });

  it("finds a short phrase one text quotes and the other uses", () => {
    const { docs, rarity } = setOf(
      "The order from the capital was to “stand firm” at the ford.",
      "The garrison was told to stand firm whatever the cost.",
    );
    const found = shortPhrases(docs, (key) => rarity.rarity(`t:${key}`));
    expect(found.map((p) => p.display)).toContain("stand firm");
  });

  it("leaves words that are merely near each other in one text alone", () => {
    const { docs, rarity } = setOf("The regent hoped to splinter the coalition.", "The coalition held; nobody could splinter it.");
    expect(shortPhrases(docs, (key) => rarity.rarity(`t:${key}`)).filter((p) => p.display.includes("splinter"))).toEqual([]);
  });
});

describe("word vectors and sentence meaning", () => {
  const vectors = wordVectors();

  it("ships unit-length vectors for common English words", () => {
    expect(vectors).not.toBeNull();
    const war = vectors!.get("war")!;
    expect(war).toHaveLength(vectors!.dims);
    expect(Math.hypot(...war)).toBeCloseTo(1, 1);
    expect(vectors!.get("zzzqqq")).toBeUndefined();
  });

  it("rejects a file that is not a word-vector file", () => {
    expect(() => parseVectors(new Uint8Array(32))).toThrow();
  });

  it("puts a paraphrase with no shared content words closer than unrelated text", () => {
    const { docs, rarity } = setOf(
      ["The soldiers attacked the fortress at dawn.", ...FILLER].join("\n\n"),
      ["Troops assaulted the castle early in the morning.", "Bakers knead the dough and bake loaves of bread in the oven."].join("\n\n"),
    );
    const index = sentenceIndex(docs);
    const sim = meaningSim(sentenceMeanings(docs, rarity, vectors!));
    const attack = index.offsets[0];
    const [assault, bread] = [index.offsets[1], index.offsets[1] + 1];
    expect(sim(attack, assault)!).toBeGreaterThan(sim(attack, bread)! + 0.2);
  });

  it("pairs sentences of different texts that share rare words, and weighs meaning beside them", () => {
    const { docs, rarity } = setOf(
      ["The envoy carried the treaty to Tarnholm in secret.", ...FILLER].join("\n\n"),
      ["In secret, the treaty reached Tarnholm by the hand of an envoy.", "Bakers knead the dough and bake loaves of bread."].join("\n\n"),
    );
    const index = sentenceIndex(docs);
    const N = index.doc.length;
    const plain = sentencePairs(docs, index, rarity);
    const key = index.offsets[0] * N + index.offsets[1];
    expect(plain.get(key)).toBeGreaterThan(0.3);
    expect(plain.get(index.offsets[0] * N + index.offsets[1] + 1)).toBeUndefined();
    for (const code of plain.keys()) expect(index.doc[Math.floor(code / N)]).not.toBe(index.doc[code % N]);
    const withMeaning = sentencePairs(docs, index, rarity, meaningSim(sentenceMeanings(docs, rarity, vectors!)));
    expect(withMeaning.get(key)!).toBeGreaterThanOrEqual(plain.get(key)!);
  });
});

describe("suggestParallels with short and gapped phrases", () => {
  it("explains a match found through a short quoted phrase", () => {
    const a = [
      "In the winter of 1731 the regent Aldous Verrin sent word to the northern garrison at Kessmoor.",
      "After the fall of Brannock, Verrin sent an order to “push on” to the coast before the thaw.",
      ...FILLER,
    ].join("\n\n");
    const b = [
      "The garrison at Kessmoor waited for weeks.",
      "Messages from Verrin urged the commanders to push on regardless, and to reach the coast while the ice held at Brannock.",
    ].join("\n\n");
    const found = suggestParallels([{ id: "a", text: a }, { id: "b", text: b }]);
    const pair = found.find((s) => a.slice(s.a.start, s.a.end).includes("push on") && b.slice(s.b.start, s.b.end).includes("push on"));
    expect(pair).toBeDefined();
    expect(pair!.why).toContain("shared phrase: “push on”");
  });
});

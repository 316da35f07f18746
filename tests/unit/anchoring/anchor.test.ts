import { describe as suite, expect, it } from "vitest";
import { anchor, describe, type Selector } from "@/lib/anchoring";
import { loadReadingTexts } from "../../fixtures/readings";

// Five distinct paragraphs: every passage below occurs once unless a test copies it.
const base = [
  "The committee met in the spring and, after some debate, agreed to publish its findings in full.",
  "Its members disagreed about the timing of the report but not about its substance, which they considered settled.",
  "A minority wanted a delay until the autumn elections had passed; the chair thought this a poor reason to wait.",
  "In the end the report appeared in June, with a dissenting note from two members appended to the final chapter.",
  "Reviewers praised its clarity, though several doubted that its recommendations would ever be adopted in practice.",
].join("\n\n");

/** Selectors for the first occurrence of `passage` in `text` at or after `from`. */
function select(text: string, passage: string, from = 0): Selector[] {
  const start = text.indexOf(passage, from);
  if (start < 0) throw new Error(`test passage not found: ${passage}`);
  return describe(text, start, start + passage.length);
}

/** The text anchor found, or null. */
function found(text: string, selectors: Selector[]): string | null {
  const a = anchor(text, selectors);
  return a && text.slice(a.start, a.end);
}

suite("anchor: which occurrence", () => {
  it("lets the context choose between equal quotes", () => {
    const text = "The treaty was signed in May. Later the treaty was broken in June. Nobody mourned.";
    const selectors = select(text, "the treaty", 30); // the second, lower-case one
    const edited = "Preface added. " + text;
    const a = anchor(edited, selectors)!;
    expect(a.start).toBe(edited.indexOf("the treaty", 40));
    expect(a.method).toBe("quote");
  });

  it("lets the stored position break a tie between identical quotes in identical context", () => {
    const text = "chorus: sing it again. verse. chorus: sing it again. verse. chorus: sing it again. end";
    const second = text.indexOf("sing it again", 20);
    const selectors = describe(text, second, second + "sing it again".length);
    const edited = "Intro. " + text; // every copy moves by 7
    expect(anchor(edited, selectors)).toMatchObject({ start: second + 7, end: second + 20 });
  });

  it("prefers the lightly edited original in its context to an exact copy elsewhere", () => {
    const passage = "disagreed about the timing of the report";
    const selectors = select(base, passage);
    const original = base.indexOf(passage);
    const edited = (base.slice(0, original) + "disagreed about the timnig of the report" + base.slice(original + passage.length))
      .replace("Reviewers praised", `As one put it, they ${passage}. Reviewers praised`);
    const a = anchor(edited, selectors)!;
    expect(a.start).toBe(original);
    expect(edited.slice(a.start, a.end)).toBe("disagreed about the timnig of the report");
  });
});

suite("anchor: changes to the text", () => {
  const passage = "Its members disagreed about the timing of the report";
  const selectors = select(base, passage);

  it.each([
    ["unchanged", base, passage, "position"],
    ["text inserted before", "A new opening sentence. " + base, passage, "quote"],
    ["text removed before", base.slice(60), passage, "quote"],
    ["a typo in the passage", base.replace("timing", "timnig"), "Its members disagreed about the timnig of the report", "fuzzy"],
    ["a word replaced", base.replace("disagreed", "quarrelled"), "Its members quarrelled about the timing of the report", "fuzzy"],
    ["its first word replaced", base.replace("Its members", "The members"), "The members disagreed about the timing of the report", "fuzzy"],
    ["line breaks joined and spaces collapsed", base.replace(/\n\n/g, " ").replace(/ about /g, "  about\n"), "Its members disagreed  about\nthe timing of the report", "fuzzy"],
  ])("finds the passage with %s", (_, edited, expected, method) => {
    const a = anchor(edited, selectors);
    expect(a && edited.slice(a.start, a.end)).toBe(expected);
    expect(a?.method).toBe(method);
  });

  it("straightens typographic quotes, apostrophes and dashes", () => {
    const text = "He said: “It’s over — for now.” Then he left the room, quietly.";
    const selectors = select(text, "“It’s over — for now.”");
    const edited = "He said: \"It's over -- for now.\" Then he left the room, quietly.";
    expect(found(edited, selectors)).toBe("\"It's over -- for now.\"");
  });

  it("finds a one-word passage that moved, by its context, among other copies of the word", () => {
    const at = base.indexOf("the", base.indexOf("In the end") + 4); // "the report appeared"
    const selectors = describe(base, at, at + 3);
    const edited = "A much longer opening, with more words in it. " + base;
    const a = anchor(edited, selectors)!;
    expect(a.start).toBe(at + 46);
    expect(a.method).toBe("quote");
  });
});

suite("anchor: passages at the edges", () => {
  it.each([
    ["at the very start", 0, 24],
    ["at the very end", base.length - 30, base.length],
  ])("finds a passage %s after an edit inside it", (_, start, end) => {
    const selectors = describe(base, start, end);
    const passage = base.slice(start, end);
    const typo = passage.replace(/e/, "ee");
    const edited = base.slice(0, start) + typo + base.slice(end);
    const a = anchor(edited, selectors)!;
    expect(edited.slice(a.start, a.end)).toBe(typo);
  });
});

suite("anchor: unicode", () => {
  it("keeps surrogate pairs whole", () => {
    const text = "Before the meeting 🙂 they argued 😀 about the 𝔱𝔦𝔪𝔦𝔫𝔤 of the report and then went home.";
    const selectors = select(text, "😀 about the 𝔱𝔦𝔪𝔦𝔫𝔤");
    const edited = "Added first. " + text.replace("argued", "argued loudly");
    expect(found(edited, selectors)).toBe("😀 about the 𝔱𝔦𝔪𝔦𝔫𝔤");
    const typo = edited.replace("about", "abuot");
    expect(found(typo, selectors)).toBe("😀 abuot the 𝔱𝔦𝔪𝔦𝔫𝔤");
  });

  it("matches precomposed and decomposed accents and keeps the combining marks", () => {
    const text = "The café on the corner served crème brûlée every day to the regulars who came.";
    const selectors = select(text, "café on the corner served crème brûlée");
    const decomposed = text.normalize("NFD");
    expect(found(decomposed, selectors)).toBe("café on the corner served crème brûlée".normalize("NFD"));
  });

  it("anchors a passage that begins and ends with curly quotes", () => {
    const text = "Some called it ‘a police action’, others ‘a war’, and the debate went on and on.";
    const selectors = select(text, "‘a police action’");
    const edited = text.replace(/[‘’]/g, "'");
    expect(found(edited, selectors)).toBe("'a police action'");
  });
});

suite("anchor: gone or bad input", () => {
  it.each([
    ["a sentence", "Its members disagreed about the timing of the report but not about its substance, which they considered settled."],
    ["one word", "spring"],
    ["a few words", "after some debate,"],
    ["a common word", "the autumn"],
  ])("returns null when %s was removed, not a look-alike elsewhere", (_, passage) => {
    const selectors = select(base, passage);
    const start = base.indexOf(passage);
    const edited = base.slice(0, start) + base.slice(start + passage.length);
    expect(anchor(edited, selectors)).toBeNull();
  });

  it("returns null for an empty quote", () => {
    expect(anchor(base, [{ type: "TextQuoteSelector", exact: "" }])).toBeNull();
  });

  it("ignores a position outside the text and still uses the quote", () => {
    const selectors: Selector[] = [
      { type: "TextQuoteSelector", exact: "agreed to publish", prefix: "after some debate, ", suffix: " its findings" },
      { type: "TextPositionSelector", start: base.length + 10, end: base.length + 20 },
    ];
    expect(found(base, selectors)).toBe("agreed to publish");
  });

  it("returns null for a position alone outside the text, and an empty text", () => {
    expect(anchor(base, [{ type: "TextPositionSelector", start: -3, end: 4 }])).toBeNull();
    expect(anchor("", select(base, "spring"))).toBeNull();
    expect(anchor(base, [])).toBeNull();
  });
});

suite("anchor: long passages", () => {
  // Long quotes are followed segment by segment (segments.ts); check both ends land.
  const text = loadReadingTexts()[2].text;
  const start = text.indexOf(" ", 30000) + 1;
  const end = text.indexOf(" ", start + 3000);
  const selectors = describe(text, start, end);

  it("finds a passage of thousands of characters with typos, moved", () => {
    const middle = start + 1500;
    const edited = "An inserted line.\n" + text.slice(0, middle) + "xq" + text.slice(middle + 1, end - 10) + "Z" + text.slice(end - 9);
    const a = anchor(edited, selectors)!;
    expect(a).toMatchObject({ start: start + 18, end: end + 19, method: "fuzzy" });
  });

  it("returns null when it was removed", () => {
    expect(anchor(text.slice(0, start) + text.slice(end), selectors)).toBeNull();
  });
});

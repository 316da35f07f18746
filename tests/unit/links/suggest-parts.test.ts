/**
 * The pure pieces behind suggestParallels, table-driven: date keys, citation styles and
 * note calls, segmentation of raw text, terms and spelling variants, the stemmer.
 */
import { describe, expect, it } from "vitest";
import { citationsIn, formatWork, knownAuthors, noteCalls, noteLabel } from "@/lib/links/citations";
import { analyzeDocs } from "@/lib/links/analyze";
import { datesAgree, datesIn } from "@/lib/links/entities";
import { explain, tidyPhrase } from "@/lib/links/score";
import { segmentSentences } from "@/lib/links/segment";
import { porterStem } from "@/lib/links/stem";
import { termsOf, tokenize } from "@/lib/links/tokens";

describe("datesIn", () => {
  it.each([
    ["On September 27, MacArthur", ["09-27"]],
    ["on the 27th of September.", ["09-27"]],
    ["1 October 1950", ["10-01/1950"]],
    ["Oct. 1", ["10-01"]],
    ["the 1st of October", ["10-01"]],
    ["June 24-25, 1950", ["06-24/1950", "06-25/1950"]],
    ["October 24 and 27, 1949", ["10-24/1949", "10-27/1949"]],
    ["early October 1950", ["1950-10/1950"]],
    ["May 13, 1950", ["05-13/1950"]],
    ["as May (1973) suggests", []],
    ["it may 2 be", []],
  ])("%s", (text, keys) => {
    expect(datesIn(text, 0, text.length).map((d) => d.key + (d.year ? `/${d.year}` : ""))).toEqual(keys);
  });

  it("lets a date without a year match the same day of any year, but not two different years", () => {
    const [a] = datesIn("October 1", 0, 10);
    const [b] = datesIn("1 October 1950", 0, 14);
    const [c] = datesIn("1 October 1949", 0, 14);
    expect(datesAgree(a, b)).toBe(true);
    expect(datesAgree(b, c)).toBe(false);
  });
});

describe("citationsIn", () => {
  const known = new Set(["goncharov", "mansourov", "weathersby", "c:cumings"]);
  it.each([
    ["(Cumings, 1981, p. 737) and (Appleman, 1992, p. 736)", false, ["Cumings 1981", "Appleman 1992"]],
    ["(Acharya, 2014b, pp. 89–90; Midlarsky, 1989)", false, ["Acharya 2014b", "Midlarsky 1989"]],
    ["(Younger & Warner, 2005, p. 61)", false, ["Younger 2005"]],
    ["(MacArthur in Cumings, 1981, p. 713)", false, ["Cumings 1981"]],
    ["Weathersby (1993, 1995), for example", false, ["Weathersby 1993", "Weathersby 1995"]],
    ["(Princeton: Princeton University Press, 1990)", false, []],
    ["Goncharov 1993, p.145", true, ["Goncharov 1993"]],
    ["Bruce Cumings, The Origins of the Korean War, Vol. 2 (Princeton: Princeton University Press, 1990), pp. 568-621.", true, ["Cumings 1990"]],
    ["Stalin to Kim Il Sung, October 8, 1950 in Alexander Mansourov, \"Stalin, Mao, Kim\", CWIHP Bulletin (Winter 1995-1996), p. 116.", true, ["Mansourov 1995"]],
    ["telegram from Stalin to Mao, 1 October 1950, Mansourov, p. 114.", true, ["Mansourov"]],
    ["Acharya, A. (2014a). Global International Relations.", true, ["Acharya 2014a"]],
  ])("%s", (text, reference, expected) => {
    expect(citationsIn(text, known, reference).map(formatWork)).toEqual(expected);
  });

  it("learns authors from author–date citations and the heads of references", () => {
    const known2 = knownAuthors([
      { text: "as shown (Moberg, 1987, p. 3)", reference: false, head: false },
      { text: "Karl Lindqvist, Harbours and Empires (Oslo: Nord, 2004).", reference: true, head: true },
    ]);
    expect([...known2].sort()).toEqual(["lindqvist", "moberg"]);
  });

  it.each([
    ["the Soviet Union¹³³. Based on", ["133"]],
    ["the traditionalist position[2] detecting", ["2"]],
    ["a claim[^7] in Markdown", ["7"]],
  ])("finds note calls in %s", (text, calls) => {
    expect(noteCalls(text)).toEqual(calls);
  });

  it.each([
    ["¹³³ The DPRK could", "133"],
    ["[12] Goncharov 1993", "12"],
    ["12. Weathersby, p. 8.", "12"],
    ["[^7]: Moberg 1987", "7"],
    ["The text goes on", undefined],
  ])("reads the label of %s", (text, label) => {
    expect(noteLabel(text)).toBe(label);
  });
});

describe("tidyPhrase", () => {
  it("drops punctuation at the ends and marks whose partner the phrase cut off", () => {
    expect(tidyPhrase("Seoul, the capital,")).toBe("Seoul, the capital");
    expect(tidyPhrase("domestic political factors (Stueck")).toBe("domestic political factors Stueck");
    expect(tidyPhrase('feel "unhampered tactically and strategically')).toBe("feel unhampered tactically and strategically");
    expect(tidyPhrase("“Chinese in command at the head, of course.”")).toBe("Chinese in command at the head, of course");
  });
  it("lists a phrase once, not again inside a longer one", () => {
    const phrase = (label: string, weight: number) => ({ label, weight });
    const why = explain({
      lexical: 0, context: 0, aligned: 0, terms: [], names: [], dates: [], cites: [],
      phrases: [phrase("UN successes. President Truman", 2), phrase("UN successes. President", 1.9), phrase("crossed the parallel", 1)],
    });
    expect(why).toEqual(["shared phrase: “UN successes. President Truman”", "shared phrase: “crossed the parallel”"]);
  });
  it("keeps marks that come in pairs", () => {
    expect(tidyPhrase("the “artificial dividing line” of 1945")).toBe("the “artificial dividing line” of 1945");
    expect(tidyPhrase("Kim Il Sung (the leader) agreed")).toBe("Kim Il Sung (the leader) agreed");
  });
});

describe("segmentSentences", () => {
  it("joins hard-wrapped lines and skips page numbers and repeated headers", () => {
    const header = "A Journal of Things";
    const text = [header, "", "The first sentence runs over", "two lines. The second one", "", "12", "", header, "", "goes on after a page break.", "", header].join("\n");
    const sentences = segmentSentences(text).map((s) => s.parts.map(([a, b]) => text.slice(a, b)).join(" "));
    expect(sentences).toEqual(["The first sentence runs over two lines.", "The second one goes on after a page break."]);
  });

  it("does not cut after abbreviations and initials", () => {
    const text = "Gen. Nie told K. M. Panikkar about it (p. 7). Then U.S. forces moved.";
    expect(segmentSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      "Gen. Nie told K. M. Panikkar about it (p. 7).",
      "Then U.S. forces moved.",
    ]);
  });

  it("tells notes, headings and back matter apart", () => {
    const text = "Introduction\n\nA claim.¹\n\n¹ Moberg 1987, p. 2.\n\nBibliography\n\n- Moberg, K. Famine and Trade, 1987.";
    expect(segmentSentences(text).map((s) => s.kind)).toEqual(["heading", "body", "note", "heading", "back"]);
  });
});

describe("termsOf", () => {
  const keys = (text: string) => termsOf(text, tokenize(text)).filter((t) => t.content).map((t) => t.key);
  it.each([
    ["Zhou En-lai", "Zhou Enlai"],
    ["Peking", "Beijing"],
    ["Busan", "Pusan"],
    ["Inch’ŏn", "Incheon"],
    ["the thirty-eighth parallel", "the 38th parallel"],
    ["the Joint Chiefs of Staff", "the JCS"],
    ["the U.S.", "the United States"],
    ["the DPRK", "North Korea"],
    ["organised armour", "organized armor"],
    ["the invasion", "they invaded"],
    ["he reneged", "the betrayal"],
  ])("%s and %s share their terms", (one, other) => {
    expect(keys(one)).toEqual(keys(other));
  });

  it("keeps 'us' the pronoun apart from 'US' the country, and skips web addresses", () => {
    expect(keys("give us time")).not.toContain("c:usa");
    expect(keys("the US army")).toContain("c:usa");
    expect(keys("read https://en.wikipedia.org/wiki/Korea today")).toEqual(["read", "todai"]);
  });
});

describe("porterStem", () => {
  it.each([
    ["caresses", "caress"], ["ponies", "poni"], ["agreed", "agre"], ["hopping", "hop"], ["relational", "relat"],
    ["generalization", "gener"], ["intervened", "interven"], ["hopeful", "hope"], ["warnings", "warn"], ["a1", "a1"],
  ])("%s → %s", (word, stem) => {
    expect(porterStem(word)).toBe(stem);
  });
});

describe("names inside longer names", () => {
  it("counts a multi-word name as the names it contains, across spellings", () => {
    const [a, b] = analyzeDocs([
      { id: "a", text: "The defenders held the Pusan Perimeter through August." },
      { id: "b", text: "By then the front ran close to the harbour city of Busan." },
    ]);
    const keysA = a.sentences.flatMap((s) => s.names.map((n) => n.key));
    const keysB = b.sentences.flatMap((s) => s.names.map((n) => n.key));
    expect(keysA).toEqual(expect.arrayContaining(["c:pusan-perimeter", "c:pusan"]));
    expect(keysB).toContain("c:pusan");
    expect(keysA.filter((k) => keysB.includes(k))).toEqual(["c:pusan"]);
  });

  it("shows a name without its possessive, and matches it with the plain name", () => {
    const [a, b] = analyzeDocs([
      { id: "a", text: "Admiral Ostrava’s squadron sailed north, and the JCS's reply came late." },
      { id: "b", text: "The squadron of Ostrava sailed north before the JCS answered." },
    ]);
    const names = (d: typeof a) => d.sentences.flatMap((s) => s.names);
    expect(names(a).map((n) => n.display)).toEqual(expect.arrayContaining(["Ostrava", "JCS"]));
    expect(names(a).some((n) => /['’]s$/.test(n.display))).toBe(false);
    const keysB = names(b).map((n) => n.key);
    expect(names(a).filter((n) => keysB.includes(n.key)).map((n) => n.display).sort()).toEqual(["JCS", "Ostrava"]);
  });

  it("does not make a name of a word family's parts", () => {
    const [a] = analyzeDocs([{ id: "a", text: "The air cover over the bridge was thin." }, { id: "b", text: "Nothing here." }]);
    expect(a.sentences.flatMap((s) => s.names)).toEqual([]);
  });
});

/**
 * Narrative time: which day each sentence is telling of, and how two passages' days
 * agree; and that two accounts told of the same days say so among their reasons.
 */
import { describe, expect, it } from "vitest";
import { analyzeDocs } from "@/lib/links/analyze";
import { suggestParallels } from "@/lib/links/suggest";
import { dayAgreement, narrativeDays } from "@/lib/links/timeline";

const daysOf = (text: string) => narrativeDays(analyzeDocs([{ id: "a", text }])[0]).map((d) => d?.label);

describe("narrativeDays", () => {
  it("carries a date through the sentences after it, with the year the text last gave", () => {
    const text = [
      "The harbour froze in the winter of 1950.",
      "On 3 March 1951 the council met. It voted to close the quay. The mayor objected.",
      "On April 9 the quay reopened. Ships came back.",
    ].join("\n");
    expect(daysOf(text)).toEqual([
      undefined,
      "3 March 1951", "3 March 1951", "3 March 1951",
      "9 April 1951", "9 April 1951",
    ]);
  });

  it("leaves out a date before any year is known, and forgets a date after six sentences", () => {
    const filler = Array.from({ length: 7 }, (_, i) => `Sentence ${i + 1} says nothing dated.`).join(" ");
    const days = daysOf(`On April 9 the quay reopened. In May 1950 it closed. On 2 June 1950 it opened. ${filler}`);
    expect(days.slice(0, 3)).toEqual([undefined, undefined, "2 June 1950"]);
    expect(days.slice(3, 9).every((d) => d === "2 June 1950")).toBe(true);
    expect(days[9]).toBeUndefined();
  });

  it("agrees fully on one day and less the further apart two days are", () => {
    const one = { day: 100, label: "" };
    expect(dayAgreement(one, one)).toBe(1);
    expect(dayAgreement(one, { day: 115, label: "" })).toBeCloseTo(Math.exp(-1));
    expect(dayAgreement(one, { day: 400, label: "" })).toBeLessThan(0.001);
  });
});

describe("suggestParallels and narrative time", () => {
  it("names the days two accounts are telling of", () => {
    const a =
      "On 3 March 1951 the harbour council of Vell met in the granary. The wardens argued that the quay should close before the spring floods, and the council voted to close it.";
    const b =
      "The Vell council gathered on March 4, 1951 in the old granary. After the wardens pressed for action against the coming floods, the councillors decided to shut the quay.";
    const [found] = suggestParallels([{ id: "a", text: a }, { id: "b", text: b }]);
    expect(found.why).toContain("both tell of the same days: 3 March 1951 and 4 March 1951");
  });
});

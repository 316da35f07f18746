import { describe, expect, it } from "vitest";
import { selectorsFor } from "@/lib/annotations/selectors";
import { fromLocalInput, mergePassages, movePassage, newPassage, parseDraft, toLocalInput, type FormPassage } from "@/app/seminars/[id]/questions/question-draft";
import { placeMarkers } from "@/app/read/[slug]/questions/marker-layout";
import { questionStatusText } from "@/app/read/[slug]/questions/question-status";

const text = "On 25 June 1950 the army of the North crossed the thirty-eighth parallel.";
const picked = (quote: string, slug = "korea") => {
  const start = text.indexOf(quote);
  return newPassage({ slug, versionId: "v1", selectors: selectorsFor(text, start, start + quote.length) }, "Korea");
};
const kept: FormPassage = { kind: "kept", key: "id:p1", id: "p1", slug: "korea", readingTitle: "Korea", quote: "army" };

describe("the question form's passages", () => {
  it("a picked passage shows its quote and is keyed by reading, version and span", () => {
    expect(picked("the army")).toMatchObject({ kind: "new", quote: "the army", key: `korea|v1|${text.indexOf("the army")}-${text.indexOf("the army") + 8}` });
  });
  const cases: [string, FormPassage[], FormPassage[], string[]][] = [
    ["adds new ones after the draft's", [kept], [picked("North")], ["id:p1", picked("North").key]],
    ["drops doubles (a reload)", [kept, picked("North")], [picked("North")], ["id:p1", picked("North").key]],
    ["the same text in two readings is two passages", [picked("North")], [picked("North", "other")], [picked("North").key, picked("North", "other").key]],
    ["nothing arriving", [kept], [], ["id:p1"]],
  ];
  for (const [name, current, arriving, keys] of cases) it(`mergePassages: ${name}`, () => expect(mergePassages(current, arriving).map((p) => p.key)).toEqual(keys));
  it("movePassage moves within bounds only", () => {
    const list = [kept, picked("North"), picked("army")];
    expect(movePassage(list, 1, -1).map((p) => p.key)).toEqual([list[1].key, list[0].key, list[2].key]);
    expect(movePassage(list, 0, -1)).toBe(list);
    expect(movePassage(list, 2, 1)).toBe(list);
  });
});

describe("the stored draft and the due date", () => {
  it("reads back a draft and refuses junk", () => {
    const draft = { title: "T", due: "", answerFirst: true, promptHtml: "<p>x</p>", passages: [kept] };
    expect(parseDraft(JSON.stringify(draft))).toEqual(draft);
    for (const junk of [null, "", "{", "[]", JSON.stringify({ ...draft, title: 3 }), JSON.stringify({ ...draft, passages: "x" })]) expect(parseDraft(junk)).toBeNull();
  });
  it("datetime-local round-trips through ISO in the browser's zone", () => {
    const iso = new Date(2031, 4, 1, 17, 30).toISOString();
    expect(toLocalInput(iso)).toBe("2031-05-01T17:30");
    expect(fromLocalInput("2031-05-01T17:30")).toBe(iso);
    expect(toLocalInput(null)).toBe("");
    expect(fromLocalInput("  ")).toBeNull();
    expect(fromLocalInput("tomorrow")).toBeUndefined();
    expect(fromLocalInput("2031-13-45T99:99")).toBeUndefined();
  });
});

describe("markers in the margin", () => {
  it("one per passage, side by side when their lines are too close", () => {
    const placed = placeMarkers(
      [
        { key: "b", questionId: "q2", top: 110 },
        { key: "a", questionId: "q1", top: 100 },
        { key: "c", questionId: "q3", top: 400 },
      ],
      300,
    );
    expect(placed.map((m) => [m.key, m.top, m.left])).toEqual([
      ["a", 100, 264],
      ["b", 100, 236],
      ["c", 400, 264],
    ]);
  });
  it("never leaves the page on a narrow screen", () => {
    expect(placeMarkers([{ key: "a", questionId: "q", top: 0 }], 10)[0].left).toBe(4);
  });
});

describe("questionStatusText", () => {
  const cases: [Parameters<typeof questionStatusText>[0], string][] = [
    [{ myStatus: "answered", answeredCount: 3, rosterSize: 9, status: "open" }, "Answered"],
    [{ myStatus: "not-yet", answeredCount: null, rosterSize: 9, status: "open" }, "Not answered yet"],
    [{ myStatus: "overdue", answeredCount: 3, rosterSize: 9, status: "overdue" }, "Overdue"],
    [{ myStatus: null, answeredCount: 3, rosterSize: 9, status: "open" }, "3 of 9 answered"],
    [{ myStatus: null, answeredCount: 3, rosterSize: 9, status: "closed" }, "Closed · 3 of 9 answered"],
  ];
  for (const [question, expected] of cases) it(expected, () => expect(questionStatusText(question)).toBe(expected));
});

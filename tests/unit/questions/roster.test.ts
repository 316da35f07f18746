import { describe, expect, it } from "vitest";
import { answeredCounts, EXPORT_HEADER, exportRecords, rosterEntries, sortAnswers, sortRoster } from "@/lib/questions/roster";

const t = (minutes: number) => new Date(Date.UTC(2025, 2, 1, 12, minutes));
const people = [
  { id: "u3", name: "Zoë", email: "zoe@x.test" },
  { id: "u1", name: "ana", email: "ana@x.test" },
  { id: "u2", name: "Ána", email: "bna@x.test" },
  { id: "u4", name: "Bo", email: "bo@x.test" },
];

describe("sortRoster", () => {
  it("sorts by name ignoring case and accents, then by email", () => {
    expect(sortRoster(people).map((p) => p.id)).toEqual(["u1", "u2", "u4", "u3"]);
  });
});

describe("sortAnswers", () => {
  const cases: [string, { id: string; exemplary: boolean; createdAt: Date }[], string[]][] = [
    ["oldest first", [{ id: "b", exemplary: false, createdAt: t(2) }, { id: "a", exemplary: false, createdAt: t(1) }], ["a", "b"]],
    ["exemplary first", [{ id: "a", exemplary: false, createdAt: t(1) }, { id: "b", exemplary: true, createdAt: t(2) }], ["b", "a"]],
    ["ties by id", [{ id: "b", exemplary: false, createdAt: t(1) }, { id: "a", exemplary: false, createdAt: t(1) }], ["a", "b"]],
    ["empty", [], []],
  ];
  for (const [name, answers, expected] of cases) it(name, () => expect(sortAnswers(answers).map((a) => a.id)).toEqual(expected));
  it("accepts ISO strings as well", () => {
    const list = [{ id: "x", exemplary: false, createdAt: t(5).toISOString() }, { id: "y", exemplary: false, createdAt: t(4).toISOString() }];
    expect(sortAnswers(list).map((a) => a.id)).toEqual(["y", "x"]);
  });
});

describe("answeredCounts and rosterEntries", () => {
  const answers = [
    { id: "a1", questionId: "q1", authorId: "u1", createdAt: t(1), updatedAt: t(2) },
    { id: "a2", questionId: "q1", authorId: "gone", createdAt: t(1), updatedAt: t(1) },
    { id: "a3", questionId: "q2", authorId: "u3", createdAt: t(3), updatedAt: t(3) },
  ];
  it("counts only students of the roster", () => {
    expect(Object.fromEntries(answeredCounts(["u1", "u2", "u3"], answers))).toEqual({ q1: 1, q2: 1 });
  });
  it("lists every student with their answer or none", () => {
    const entries = rosterEntries(people, answers.filter((a) => a.questionId === "q1"));
    expect(entries.map((e) => [e.userId, e.answerId])).toEqual([["u1", "a1"], ["u2", null], ["u4", null], ["u3", null]]);
    expect(entries[0]).toMatchObject({ answeredAt: t(1).toISOString(), updatedAt: t(2).toISOString() });
  });
});

describe("exportRecords", () => {
  const questions = [{ id: "q1", title: "=Why?" }, { id: "q2", title: "How, then" }];
  const answers = [
    { id: "a1", questionId: "q1", authorId: "u1", bodyText: "Because,\n\"obviously\"", exemplary: true, createdAt: t(1), updatedAt: t(2) },
    { id: "a2", questionId: "q2", authorId: "gone", bodyText: "Old answer", exemplary: false, createdAt: t(3), updatedAt: t(3) },
  ];
  const records = exportRecords({
    roster: [people[1], people[3]],
    former: [{ id: "gone", name: "Former", email: "former@x.test" }],
    questions,
    answers,
  });
  it("has the header, roster × question, then former members' answers only", () => {
    expect(records[0]).toEqual(EXPORT_HEADER);
    expect(records.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([
      ["ana", "'=Why?", "yes"],
      ["ana", "How, then", "no"],
      ["Bo", "'=Why?", "no"],
      ["Bo", "How, then", "no"],
      ["Former", "How, then", "yes"],
    ]);
  });
  it("fills an answered row completely and leaves an unanswered one empty", () => {
    expect(records[1]).toEqual(["ana", "ana@x.test", "'=Why?", "yes", "Because,\n\"obviously\"", t(1).toISOString(), t(2).toISOString(), "yes"]);
    expect(records[2]).toEqual(["ana", "ana@x.test", "How, then", "no", "", "", "", ""]);
  });
});

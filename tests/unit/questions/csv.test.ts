import { describe, expect, it } from "vitest";
import { attachmentHeader, BOM, csvField, csvFilename, inertCell, toCsv } from "@/lib/questions/csv";
import { parseCsv } from "./support/rfc4180";

describe("csvField quotes exactly when RFC 4180 requires it", () => {
  const cases: [string, string][] = [
    ["plain", "plain"],
    ["", ""],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line\nbreak", '"line\nbreak"'],
    ["cr\rhere", '"cr\rhere"'],
    ["crlf\r\nhere", '"crlf\r\nhere"'],
    ["Ségolène Žižek 日本", "Ségolène Žižek 日本"],
    [" spaced ", " spaced "],
    ['"', '""""'],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => expect(csvField(input)).toBe(expected));
  }
});

describe("inertCell keeps spreadsheet formulas from running", () => {
  const cases: [string, string][] = [
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@cmd", "'@cmd"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["a=b", "a=b"],
    ["", ""],
    ["Plain text", "Plain text"],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => expect(inertCell(input)).toBe(expected));
  }
});

describe("toCsv", () => {
  it("ends every record with CRLF and starts with the BOM", () => {
    expect(toCsv([["a", "b"], ["c", "d"]])).toBe(`${BOM}a,b\r\nc,d\r\n`);
    expect(toCsv([["a"]], { bom: false })).toBe("a\r\n");
  });

  it("round-trips through a strict RFC 4180 reader", () => {
    const records = [
      ["Student", "Answer"],
      ["Zoë, the 1st", 'She said "no",\r\nthen left.\nAgain.'],
      ["", "trailing comma,"],
      ['"', "日本語 and émigré"],
    ];
    const text = toCsv(records);
    expect(text.startsWith(BOM)).toBe(true);
    expect(parseCsv(text.slice(BOM.length))).toEqual(records);
  });
});

describe("the strict reader refuses what RFC 4180 does not allow", () => {
  for (const bad of ['a"b\r\n', '"open\r\n', '"a"b\r\n', "a\nb\r\n"]) {
    it(JSON.stringify(bad), () => expect(() => parseCsv(bad)).toThrow());
  }
});

describe("file names and the download header", () => {
  const cases: [string, string][] = [
    ["Cold War Seminar", "cold-war-seminar-answers.csv"],
    ["Séminaire d'été", "seminaire-d-ete-answers.csv"],
    ["???", "seminar-answers.csv"],
    ["x".repeat(100), `${"x".repeat(60)}-answers.csv`],
  ];
  for (const [title, expected] of cases) {
    it(`${title.slice(0, 20)} → ${expected.slice(0, 30)}`, () => expect(csvFilename(title, "answers")).toBe(expected));
  }
  it("gives an ASCII name and the UTF-8 one", () => {
    expect(attachmentHeader('été "x".csv')).toBe(`attachment; filename="_t_ _x_.csv"; filename*=UTF-8''%C3%A9t%C3%A9%20%22x%22.csv`);
  });
});

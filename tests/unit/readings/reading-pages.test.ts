/**
 * The pure parts of the add and revise pages: the job's words and progress value, the
 * live preview (parsed as the server parses), the add form's draft and its check, the
 * revise draft and how a 409 names the current version.
 */
import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { ApiError } from "@/lib/http/client";
import type { RevisionReport } from "@/lib/revisions/report";
import { errorLine, jobProgress, jobText, lineSpan } from "@/app/readings/_shared/job-text";
import { previewReading } from "@/app/readings/_shared/preview";
import { outlineItems } from "@/app/readings/_shared/reading-preview";
import { emptyDraft, parseDraft, storeDraft, toInput, DRAFT_KEY } from "@/app/readings/new/reading-draft";
import { conflictVersion, parseRevisionDraft } from "@/app/read/[slug]/revise/revise-draft";
import { RevisionReportView, blockSummary } from "@/app/read/[slug]/revise/revision-report";

describe("job text", () => {
  it("says each stage in words, with counts while placing and saving", () => {
    expect(jobText({ stage: "parsing", done: 0, total: 0 })).toBe("Reading the text…");
    expect(jobText({ stage: "placing", done: 120, total: 1000 })).toBe("Placing notes 120 of 1,000…");
    expect(jobText({ stage: "saving", done: 0, total: 0 })).toBe("Saving…");
    expect(jobProgress({ stage: "placing", done: 120, total: 1000 })).toEqual({ value: 120, max: 1000 });
    expect(jobProgress({ stage: "parsing", done: 0, total: 0 }).value).toBeNull();
  });

  it("finds the line a parse error names, and that line in a body that opens with blank lines", () => {
    expect(errorLine("Line 12 of the text: note call [^3] points at no note.")).toBe(12);
    expect(errorLine("Give the reading a title.")).toBeNull();
    const body = "\n\nfirst\nsecond\nthird";
    const span = lineSpan(body, 2)!;
    expect(body.slice(span.start, span.end)).toBe("second");
    expect(lineSpan(body, 9)).toBeNull();
  });
});

describe("live preview", () => {
  const meta = { title: "", author: "", kind: "article" as const };

  it("counts the structure and renders the body with the reader's markup", () => {
    const preview = previewReading(meta, "# Origins\n\nA paragraph with a call.[^1]\n\n> A quotation.\n\n- One\n- Two\n\n[^1]: The note.\n");
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.outline).toMatchObject({ headings: 1, paragraphs: 1, quotations: 1, listItems: 2, notes: 1, noteCalls: 1 });
    expect(preview.headings.map((h) => h.text)).toEqual(["Origins"]);
    expect(preview.html).toContain("data-block");
    expect(outlineItems(preview.outline)).toContain("1 block quotation");
  });

  it("shows a parse error with the body's line instead", () => {
    const preview = previewReading(meta, "A paragraph.[^2]\n\nAnother.\n\n[^1]: A note.\n");
    expect(preview.ok).toBe(false);
    if (preview.ok) return;
    expect(preview.line).toBe(1);
    expect(preview.message).toMatch(/^Line 1 of the text: /);
  });
});

describe("the add form's draft", () => {
  it("checks what the server checks, in its words, and builds the request", () => {
    const draft = { ...emptyDraft([]), title: " Origins ", author: "Kim", body: "Some words." };
    expect(toInput(draft)).toEqual({ problem: { field: "seminars", message: expect.stringContaining("Choose at least one") } });
    expect(toInput({ ...draft, seminarIds: ["s1"], year: "nineteen" })).toMatchObject({ problem: { field: "year" } });
    expect(toInput({ ...draft, title: " " })).toMatchObject({ problem: { field: "title" } });
    const ok = toInput({ ...draft, seminarIds: ["s1"], year: "1950", publication: "" });
    expect(ok).toEqual({ input: { title: "Origins", author: "Kim", year: 1950, kind: "article", body: "Some words.", seminarIds: ["s1"], shared: false } });
  });

  it("reads a stored draft back, keeping only seminars the person teaches", () => {
    const store = new Map<string, string>();
    const storage = { setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    storeDraft(storage, { ...emptyDraft(["s1", "gone"]), body: "Text", upload: { name: "a.md", format: "markdown", text: "Text" } });
    const back = parseDraft(store.get(DRAFT_KEY)!, ["s1"]);
    expect(back).toMatchObject({ body: "Text", seminarIds: ["s1"], upload: { name: "a.md" } });
    expect(parseDraft("not json", [])).toBeNull();
  });

  it("keeps the draft without the original file when sessionStorage is full", () => {
    let calls = 0;
    const storage = {
      setItem: (_k: string, v: string) => {
        calls++;
        if (v.includes('"upload":{')) throw new Error("QuotaExceededError");
      },
      removeItem: () => {},
    };
    expect(storeDraft(storage, { ...emptyDraft([]), upload: { name: "a.md", format: "markdown", text: "x" } })).toBe("partly");
    expect(calls).toBe(2);
  });
});

describe("the revise page", () => {
  it("reads its draft back and names the current version of a 409", () => {
    expect(parseRevisionDraft(JSON.stringify({ baseVersion: 2, body: "x", upload: null, warnings: [] }))).toEqual({ baseVersion: 2, body: "x", upload: null, warnings: [] });
    expect(parseRevisionDraft(JSON.stringify({ baseVersion: 0, body: "x" }))).toBeNull();
    expect(conflictVersion(new ApiError(409, "conflict", "changed", { currentVersion: 4 }))).toBe(4);
    expect(conflictVersion(new ApiError(409, "conflict", "This reading has changed since you started: version 5 is current now."))).toBe(5);
    expect(conflictVersion(new ApiError(400, "bad_request", "Line 1 of the text: …"))).toBeUndefined();
  });

  it("renders a report: counts, blocks, orphans with no new passage", () => {
    const report: RevisionReport = {
      fromVersion: 1,
      toVersion: 2,
      blocks: { kept: 3, added: 1, removed: 1 },
      counts: {
        notes: { stays: 1, moves: 0, orphaned: 1 },
        replies: { stays: 0, moves: 0, orphaned: 2 },
        links: { stays: 0, moves: 0, orphaned: 0 },
        questions: { stays: 0, moves: 0, orphaned: 0 },
      },
      items: [
        { kind: "note", id: "n1", title: "On the weather", author: "Ana", seminar: "Korea", replies: 2, href: "/read/x?note=n1", status: "orphaned", old: { before: "in ", quote: "Pusan", after: " today" }, new: null },
        { kind: "note", id: "n2", title: "Kept", author: "Ana", seminar: "Korea", replies: 0, href: "/read/x?note=n2", status: "stays", old: { before: "", quote: "first", after: "" }, new: { before: "", quote: "first", after: "" } },
      ],
    };
    const html = renderToStaticMarkup(RevisionReportView({ report }));
    expect(html).toContain("What version 2 changes");
    expect(html).toContain(blockSummary(report.blocks));
    expect(html).toContain("No longer in the text");
    expect(html.indexOf("On the weather")).toBeLessThan(html.indexOf("Kept"));
    expect(html).toContain("<mark");
  });
});

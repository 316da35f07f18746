// @vitest-environment jsdom
/**
 * The add and revise forms in jsdom: a file converted by the import endpoint fills the
 * body and the details, the preview follows, Publish follows the job to the reading; a
 * failed job keeps the draft. The revise form publishes only after a report for the
 * text as it is, and says plainly when the reading changed meanwhile (409). `fetch` is
 * answered by hand; the app router is passed in through its context.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { act } from "react";
import { ReadingForm } from "@/app/readings/new/reading-form";
import { DRAFT_KEY } from "@/app/readings/new/reading-draft";
import { ReviseForm } from "@/app/read/[slug]/revise/revise-form";
import type { RevisionReport } from "@/lib/revisions/report";
import { cleanup, mount, waitFor } from "../support/render";

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

afterEach(cleanup);

const byLabel = <T extends HTMLElement>(text: string) => {
  const label = [...document.querySelectorAll("label")].find((l) => l.textContent?.trim().startsWith(text));
  return (label ? document.getElementById(label.htmlFor) : null) as T | null;
};
const button = (name: string) => [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === name) as HTMLButtonElement | undefined;
const type = (el: HTMLTextAreaElement | HTMLInputElement, value: string) => {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, "value")!.set!.call(el, value);
  el.dispatchEvent(new Event("input", { bubbles: true }));
};
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

/** A fetch answering by method and path; records what was sent. */
function serve(routes: Record<string, (init: RequestInit) => Response>) {
  const calls: { key: string; init: RequestInit }[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    const key = `${init.method ?? "GET"} ${url}`;
    calls.push({ key, init });
    const handler = routes[key];
    if (!handler) throw new Error(`unexpected ${key}`);
    return handler(init);
  });
  vi.stubGlobal("fetch", fetch);
  return calls;
}

const BODY = "# Origins\n\nA paragraph with a call.[^1]\n\n> A quotation.\n\n[^1]: The note.\n";
const converted = { name: "kim.md", format: "markdown", text: "raw", body: BODY, warnings: ["1 image was left out."], suggested: { title: "Origins", author: "Kim" } };

async function chooseFile(name: string) {
  const input = byLabel<HTMLInputElement>("Choose a file")!;
  Object.defineProperty(input, "files", { configurable: true, value: [new File(["raw"], name, { type: "text/markdown" })] });
  await act(async () => input.dispatchEvent(new Event("change", { bubbles: true })));
}

describe("ReadingForm", () => {
  it("converts a file, previews it, publishes and follows the job to the reading", async () => {
    let polls = 0;
    const calls = serve({
      "POST /api/readings/import": () => json(200, converted),
      "POST /api/readings": () => json(202, { job: "j1" }),
      "GET /api/jobs/j1": () =>
        json(200, { job: ++polls < 2 ? { id: "j1", stage: "placing", done: 0, total: 0 } : { id: "j1", stage: "done", done: 0, total: 0, result: { slug: "origins" } } }),
    });
    const { router } = await mount(<ReadingForm seminars={[{ id: "s1", name: "Korea" }, { id: "s2", name: "Other" }]} preselect="s1" />);
    await waitFor(() => byLabel("Choose a file"));
    await chooseFile("kim.md");
    await waitFor(() => byLabel<HTMLTextAreaElement>("Text of the reading")?.value === BODY);
    expect(calls[0].init.headers).toMatchObject({ "X-File-Name": "kim.md" });
    expect(byLabel<HTMLInputElement>("Title")!.value).toBe("Origins");
    expect(byLabel<HTMLInputElement>("Author")!.value).toBe("Kim");
    expect(document.body.textContent).toContain("1 image was left out.");
    const outline = await waitFor(() => document.querySelector('[aria-label="Outline"]'));
    expect(outline.textContent).toContain("1 heading");
    expect(outline.textContent).toContain("1 note call");
    expect(document.querySelector('[aria-label="The reading as it will look"] [data-block]')).not.toBeNull();

    await act(async () => button("Publish")!.click());
    await waitFor(() => router.push.mock.calls.length > 0);
    expect(router.push).toHaveBeenCalledWith("/read/origins");
    const sent = JSON.parse(calls.find((c) => c.key === "POST /api/readings")!.init.body as string);
    expect(sent).toMatchObject({ title: "Origins", author: "Kim", kind: "article", seminarIds: ["s1"], shared: false, upload: { name: "kim.md" } });
    expect(sessionStorage.getItem(DRAFT_KEY)).toBeNull();
  });

  it("keeps everything typed when the job fails, and says why", async () => {
    serve({
      "POST /api/readings": () => json(202, { job: "j2" }),
      "GET /api/jobs/j2": () => json(200, { job: { id: "j2", stage: "failed", done: 0, total: 0, error: { code: "bad_request", message: "Line 3 of the text: note call [^1] points at no note." } } }),
    });
    const { router } = await mount(<ReadingForm seminars={[{ id: "s1", name: "Korea" }]} preselect={null} />);
    const body = await waitFor(() => byLabel<HTMLTextAreaElement>("Text of the reading"));
    await act(async () => type(body, "Some words of the reading."));
    await act(async () => type(byLabel<HTMLInputElement>("Title")!, "A title"));
    await act(async () => type(byLabel<HTMLInputElement>("Author")!, "Someone"));
    await act(async () => button("Publish")!.click());
    const alert = await waitFor(() => document.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain("Line 3 of the text");
    expect(button("Go to line 3")).toBeDefined();
    expect(router.push).not.toHaveBeenCalled();
    expect(byLabel<HTMLTextAreaElement>("Text of the reading")!.value).toBe("Some words of the reading.");
    expect(JSON.parse(sessionStorage.getItem(DRAFT_KEY)!)).toMatchObject({ title: "A title", body: "Some words of the reading.", seminarIds: ["s1"] });
  });

  it("says what to fix before sending anything", async () => {
    const calls = serve({});
    await mount(<ReadingForm seminars={[{ id: "s1", name: "Korea" }]} preselect={null} />);
    await waitFor(() => button("Publish"));
    await act(async () => button("Publish")!.click());
    expect(document.querySelector('[role="alert"]')?.textContent).toBe("Give the reading a title.");
    expect(document.activeElement).toBe(byLabel("Title"));
    expect(calls).toEqual([]);
  });
});

const report: RevisionReport = {
  fromVersion: 1,
  toVersion: 2,
  blocks: { kept: 1, added: 1, removed: 0 },
  counts: {
    notes: { stays: 1, moves: 0, orphaned: 0 },
    replies: { stays: 0, moves: 0, orphaned: 0 },
    links: { stays: 0, moves: 0, orphaned: 0 },
    questions: { stays: 0, moves: 0, orphaned: 0 },
  },
  items: [],
};

describe("ReviseForm", () => {
  it("publishes only after a report for the text as it is, then opens the new version", async () => {
    serve({
      "POST /api/readings/x/revisions/report": () => json(200, { report }),
      "POST /api/readings/x/revisions": () => json(202, { job: "r1" }),
      "GET /api/jobs/r1": () => json(200, { job: { id: "r1", stage: "done", done: 1, total: 1, result: { slug: "x", version: 2, report, moved: {} } } }),
    });
    const { router } = await mount(<ReviseForm slug="x" version={1} body={"Para one.\n"} />);
    const publish = button("Publish version 2")!;
    expect(publish.disabled).toBe(true);
    const box = byLabel<HTMLTextAreaElement>("Text of the reading")!;
    await act(async () => type(box, "Para one.\n\nPara two.\n"));
    await act(async () => button("Check what changes")!.click());
    await waitFor(() => document.body.textContent?.includes("What version 2 changes"));
    expect(button("Publish version 2")!.disabled).toBe(false);

    await act(async () => type(box, "Para one.\n\nPara two, edited.\n"));
    expect(button("Publish version 2")!.disabled).toBe(true);
    expect(document.body.textContent).toContain("The text changed since the last check");
    await act(async () => button("Check what changes")!.click());
    await waitFor(() => !button("Publish version 2")!.disabled);
    await act(async () => button("Publish version 2")!.click());
    await waitFor(() => router.push.mock.calls.length > 0);
    expect(router.push).toHaveBeenCalledWith("/read/x?revised=2");
  });

  it("says the reading changed (409) and checks again against the current version", async () => {
    const sent: unknown[] = [];
    serve({
      "POST /api/readings/x/revisions/report": (init) => {
        const body = JSON.parse(init.body as string);
        sent.push(body);
        return body.baseVersion === 1
          ? json(409, { error: { code: "conflict", message: "This reading has changed since you started: version 2 is current now.", details: { currentVersion: 2 } } })
          : json(200, { report: { ...report, fromVersion: 2, toVersion: 3 } });
      },
    });
    await mount(<ReviseForm slug="x" version={1} body={"Para one.\n"} />);
    await act(async () => type(byLabel<HTMLTextAreaElement>("Text of the reading")!, "Changed.\n"));
    await act(async () => button("Check what changes")!.click());
    const again = await waitFor(() => button("Check my text against version 2"));
    expect(document.body.textContent).toContain("This reading changed while you were working on it: version 2 is current now");
    await act(async () => again.click());
    await waitFor(() => button("Publish version 3") && !button("Publish version 3")!.disabled);
    expect(sent.map((s) => (s as { baseVersion: number }).baseVersion)).toEqual([1, 2]);
  });
});

// @vitest-environment jsdom
/**
 * The notes panel rendered in jsdom: order, filters, the lazy editor and what a save
 * sends, with `fetch` answered by hand. Layout, focus rings and scrolling are for the
 * browser tests; jsdom lacks layout, so the few layout calls are stubbed.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { act, useState } from "react";
import { createRoot, hydrateRoot, type Root } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { NotesPanel, type NoteDraft, type NoteSpan } from "@/app/read/[slug]/notes/notes-panel";
import type { NoteView } from "@/lib/annotations/schema";
import type { NoteEntry } from "@/app/read/[slug]/notes/list-edits";
import { makeNote, makeReply, makeSummary } from "./make-note";
import { waitFor } from "../support/render";

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const rect = () => ({ x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON() {} }) as DOMRect;
  Element.prototype.scrollIntoView = () => {};
  Element.prototype.getClientRects = () => [] as unknown as DOMRectList;
  Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = rect;
  document.elementFromPoint = () => null;
});

const viewer = { id: "u1", name: "Ada", role: "student" as const };
const none = { edit: false, delete: false, hide: false, reply: false };
const sample: NoteView[] = [
  makeNote("a", 30, { tags: ["Stalin"], replies: [makeReply("r1", null, [makeReply("r1a", "r1")])], replyCount: 2 }),
  makeNote("b", 10, { motivation: "highlighting", body: null, visibility: "private", author: { id: "u2", name: "Bo", role: "instructor" }, permissions: none }),
  makeNote("c", 5),
  makeNote("d", 7, { deleted: true, author: null, body: null, permissions: none, replies: [makeReply("r2", null)] }),
];
const sampleSpans: Record<string, NoteSpan> = { a: { start: 30, end: 35 }, b: { start: 10, end: 15 }, c: null, d: { start: 7, end: 9 } };

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = "";
  vi.unstubAllGlobals();
});

/** The panel inside a tiny reader that keeps the list, as the lead's shell will. */
function Reader({ initial, draft, focusedId = null, onDraftDone = () => {} }: { initial: NoteEntry[]; draft?: NoteDraft; focusedId?: string | null; onDraftDone?: () => void }) {
  const [notes, setNotes] = useState(initial);
  const [open, setOpen] = useState<NoteDraft | null>(draft ?? null);
  return (
    <NotesPanel
      slug="kim" seminarId="s1" viewer={viewer} notes={notes} spans={sampleSpans} focusedId={focusedId}
      onFocusNote={() => {}} onNotesChange={setNotes} draft={open}
      onDraftDone={() => { setOpen(null); onDraftDone(); }}
    />
  );
}

async function mount(element: React.ReactElement) {
  const host = document.body.appendChild(document.createElement("div"));
  root = createRoot(host);
  await act(async () => root!.render(element));
  return host;
}

const button = (scope: ParentNode, name: string) =>
  [...scope.querySelectorAll("button")].find((b) => (b.getAttribute("aria-label") ?? b.textContent) === name);
const cardIds = (host: HTMLElement, selector = "[data-note-id]") => [...host.querySelectorAll(selector)].map((e) => e.getAttribute("data-note-id"));
const answer = (status: number, body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status }));

describe("NotesPanel", () => {
  it("lists found notes in document order and lost ones apart, with counts", async () => {
    const host = await mount(<Reader initial={sample} />);
    expect(host.querySelector("aside")?.getAttribute("aria-label")).toBe("Notes");
    expect(cardIds(host)).toEqual(["d", "b", "a", "c"]);
    const lost = [...host.querySelectorAll("section")].find((s) => s.textContent?.startsWith("Passage not found"))!;
    expect(cardIds(lost)).toEqual(["c"]);
    expect(lost.textContent).toContain("original c");
    expect(host.textContent).toContain("4 notes");
    expect(host.querySelector('[data-note-id="d"]')?.textContent).toContain("This note was deleted.");
    expect(host.querySelector('[data-note-id="b"]')?.textContent).toMatch(/BoInstructor.*Only me/);
    expect(button(host.querySelector('[data-note-id="c"]')!, "Show in text")).toBeUndefined();
  });

  it("filters, counts what is shown, and clears", async () => {
    const host = await mount(<Reader initial={sample} />);
    await act(async () => button(host, "Mine")!.click());
    expect(host.textContent).toContain("4 notes · 2 shown");
    expect(cardIds(host)).toEqual(["a", "c"]);
    const tag = host.querySelectorAll("select")[1];
    await act(async () => {
      tag.value = "Stalin";
      tag.dispatchEvent(new Event("change", { bubbles: true }));
    });
    expect(cardIds(host)).toEqual(["a"]);
    const author = host.querySelectorAll("select")[0];
    await act(async () => {
      author.value = "u2";
      author.dispatchEvent(new Event("change", { bubbles: true }));
    });
    expect(host.textContent).toContain("No notes match these filters");
    await act(async () => button(host, "Clear filters")!.click());
    expect(cardIds(host)).toHaveLength(4);
  });

  it("says how to start when there are no notes", async () => {
    const host = await mount(<Reader initial={[]} />);
    expect(host.textContent).toContain("No notes yet — select a passage to add one");
  });

  it("keeps the reader's text on a 409 and saves over the newer revision", async () => {
    const host = await mount(<Reader initial={sample} />);
    await act(async () => button(host.querySelector('[data-note-id="a"]')!, "Edit note")!.click());
    const editor = await waitFor(() => host.querySelector<HTMLElement>('[data-note-id="a"] [role="textbox"]'));
    expect(editor.getAttribute("aria-label")).toBe("Note");
    expect(editor.textContent).toBe("body of a");

    const current = { ...sample[0], revision: 5, body: { json: null, html: "<p>their text</p>", text: "their text" } };
    const fetchMock = answer(409, { error: { code: "conflict", message: "This note was changed since you started editing.", details: { current } } });
    vi.stubGlobal("fetch", fetchMock);
    await act(async () => button(host.querySelector('[data-note-id="a"]')!, "Save")!.click());
    await waitFor(() => host.querySelector('[data-note-id="a"] [role="alert"]'));
    expect(JSON.parse((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].body as string)).toMatchObject({ revision: 1, motivation: "commenting" });
    const card = host.querySelector('[data-note-id="a"]')!;
    expect(card.textContent).toContain("Someone changed this note while you were editing");
    expect(card.textContent).toContain("their text");
    expect(card.querySelector('[role="textbox"]')?.textContent).toBe("body of a");

    const saved = answer(200, { note: { ...current, revision: 6, body: { json: null, html: "<p>body of a</p>", text: "body of a" } } });
    vi.stubGlobal("fetch", saved);
    await act(async () => button(card, "Save")!.click());
    await waitFor(() => !host.querySelector('[data-note-id="a"] [role="textbox"]'));
    expect(JSON.parse((saved.mock.calls[0] as unknown as [string, RequestInit])[1].body as string)).toMatchObject({ revision: 5 });
    expect(host.querySelector("[aria-live]")?.textContent).toBe("Note saved");
    expect(document.activeElement?.getAttribute("data-note-id")).toBe("a");
  });

  it("shows the server's message and keeps the form when a call fails", async () => {
    const host = await mount(<Reader initial={sample} />);
    await act(async () => button(host.querySelector('[data-note-id="a"]')!, "Edit note")!.click());
    const box = await waitFor(() => host.querySelector<HTMLElement>('[data-note-id="a"] [role="textbox"]'));
    vi.stubGlobal("fetch", answer(413, { error: { code: "too_large", message: "A body can hold at most 20,000 characters." } }));
    await act(async () => box.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", ctrlKey: true, bubbles: true })));
    const alert = await waitFor(() => host.querySelector('[data-note-id="a"] [role="alert"]'));
    expect(alert.textContent).toBe("A body can hold at most 20,000 characters.");
    expect(host.querySelector('[data-note-id="a"] [role="textbox"]')?.textContent).toBe("body of a");
    expect(button(host.querySelector('[data-note-id="a"]')!, "Save")?.getAttribute("aria-disabled")).toBeNull();
  });

  it("refuses an empty reply before calling the server", async () => {
    const fetchMock = answer(500, {});
    vi.stubGlobal("fetch", fetchMock);
    const host = await mount(<Reader initial={sample} />);
    await act(async () => button(host.querySelector('[data-note-id="a"]')!, "Reply to note")!.click());
    const box = await waitFor(() => host.querySelector<HTMLElement>('[data-note-id="a"] [role="textbox"][aria-label="Reply"]'));
    await act(async () => box.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", ctrlKey: true, bubbles: true })));
    expect(host.textContent).toContain("Write something before saving.");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("saves a new note from a draft and hands back the new list", async () => {
    const done = vi.fn();
    const draft: NoteDraft = {
      versionId: "v1", quote: "war", motivation: "highlighting",
      selectors: [{ type: "TextQuoteSelector", exact: "war" }, { type: "TextPositionSelector", start: 4, end: 7 }],
    };
    const created = makeNote("new", 4);
    const fetchMock = answer(201, { note: { ...created, motivation: "highlighting", body: null } });
    vi.stubGlobal("fetch", fetchMock);
    const host = await mount(<Reader initial={sample} draft={draft} onDraftDone={done} />);
    const box = await waitFor(() => host.querySelector<HTMLElement>('[role="textbox"][aria-label="Comment (optional)"]'));
    expect(host.querySelector('section[aria-label="New highlight"]')?.textContent).toContain("war");
    await act(async () => box.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", ctrlKey: true, bubbles: true })));
    await waitFor(() => done.mock.calls.length > 0);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/readings/kim/notes?seminar=s1");
    expect(JSON.parse(init.body as string)).toEqual({ target: { versionId: "v1", selectors: draft.selectors }, motivation: "highlighting", tags: [], visibility: "seminar" });
    expect(cardIds(host)).toContain("new");
    expect(host.querySelector("[aria-live]")?.textContent).toBe("Highlight saved");
  });

  it("deletes after an in-place confirmation", async () => {
    const host = await mount(<Reader initial={sample} />);
    await act(async () => button(host.querySelector('[data-note-id="c"]')!, "Delete note")!.click());
    expect(host.querySelector('[role="group"][aria-label="Confirm deleting this note"]')).not.toBeNull();
    expect(document.activeElement?.textContent).toBe("Keep it");
    vi.stubGlobal("fetch", answer(200, { id: "c", outcome: "deleted" }));
    await act(async () => button(host.querySelector('[data-note-id="c"]')!, "Yes, delete")!.click());
    await waitFor(() => !host.querySelector('[data-note-id="c"]'));
    expect(host.querySelector("[aria-live]")?.textContent).toBe("Note deleted");
  });

  it("collapses and expands a reply's replies", async () => {
    const host = await mount(<Reader initial={sample} />);
    const toggle = button(host, "Hide replies")!;
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    await act(async () => toggle.click());
    expect(host.querySelector('[data-reply-id="r1a"]')).toBeNull();
    expect(button(host, "Show 1 reply")?.getAttribute("aria-expanded")).toBe("false");
  });

  it("marks and focuses the card whose highlight was clicked, clearing a filter that hid it", async () => {
    function Clicked() {
      const [focused, setFocused] = useState<string | null>(null);
      return (
        <>
          <button onClick={() => setFocused("b")}>click highlight b</button>
          <Reader initial={sample} focusedId={focused} />
        </>
      );
    }
    const host = await mount(<Clicked />);
    await act(async () => button(host, "Mine")!.click());
    expect(cardIds(host)).not.toContain("b");
    await act(async () => button(host, "click highlight b")!.click());
    await waitFor(() => document.activeElement?.getAttribute("data-note-id") === "b");
    expect(host.querySelector('[data-note-id="b"]')?.getAttribute("aria-current")).toBe("true");
  });

  it("shows a listed card's excerpt, then its card, fetched with the others shown in one request", async () => {
    const listed = sample.map((note) => makeSummary(note));
    let answerNow: () => void = () => {};
    const fetchMock = vi.fn(async (url: string) => {
      await new Promise<void>((resolve) => (answerNow = resolve));
      const wanted = new URL(url, "http://x").searchParams.get("ids")!.split(",");
      return new Response(JSON.stringify({ notes: sample.filter((n) => wanted.includes(n.id)) }), { status: 200 });
    });
    vi.stubGlobal("fetch", fetchMock);
    const host = await mount(<Reader initial={listed} />);
    const card = () => host.querySelector('[data-note-id="a"]')!;
    expect(card().textContent).toContain("start of a…");
    expect(card().querySelector('[aria-busy="true"]')).not.toBeNull();
    expect(card().textContent).toContain("Stalin");
    expect(button(card(), "Reply to note")).toBeDefined();
    expect(button(card(), "Show 2 replies")).toBeDefined();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const url = new URL((fetchMock.mock.calls[0] as unknown as [string])[0], "http://x");
    expect(url.pathname).toBe("/api/readings/kim/notes");
    expect(url.searchParams.get("seminar")).toBe("s1");
    expect(url.searchParams.get("ids")!.split(",").sort()).toEqual(["a", "b", "c", "d"]);
    await act(async () => answerNow());
    await waitFor(() => card().querySelector(".note-body p")?.textContent === "body of a");
    expect(card().querySelector('[aria-busy="true"]')).toBeNull();
    expect(host.querySelector('[data-note-id="c"]')?.textContent).toContain("body of c");
    expect(host.querySelector('[data-note-id="d"]')?.textContent).toContain("This note was deleted.");
    expect(host.querySelector('[data-note-id="d"] [data-reply-id="r2"]')).not.toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("opens the editor of a card still waiting for its body once the body is there", async () => {
    const listed = [makeSummary(sample[0])];
    let calls = 0;
    vi.stubGlobal("fetch", vi.fn(async () => {
      calls += 1;
      // The panel's own fetch of the shown cards fails; the editor asks again.
      if (calls === 1) return new Response(JSON.stringify({ error: { code: "x", message: "down" } }), { status: 503 });
      return new Response(JSON.stringify({ notes: [{ ...sample[0], revision: 2 }] }), { status: 200 });
    }));
    const host = await mount(<Reader initial={listed} />);
    await waitFor(() => calls === 1);
    await act(async () => button(host.querySelector('[data-note-id="a"]')!, "Edit note")!.click());
    const editor = await waitFor(() => host.querySelector<HTMLElement>('[data-note-id="a"] [role="textbox"]'));
    expect(editor.textContent).toBe("body of a");
  });

  it("hydrates the server's HTML without errors", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const host = document.body.appendChild(document.createElement("div"));
    host.innerHTML = renderToString(<Reader initial={sample} />);
    await act(async () => {
      root = hydrateRoot(host, <Reader initial={sample} />);
    });
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});

// @vitest-environment jsdom
/**
 * The reader's live client in jsdom with a hand-driven EventSource: the hook's
 * callbacks, reconnecting from the last id after the browser gives up, announcements
 * of others' writing (batched), the presence button and the badge's window event.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { act, useState } from "react";
import { createRoot, type Root } from "react-dom/client";
import { NOTIFICATION_EVENT } from "@/app/inbox/events";
import { LiveAnnouncer } from "@/app/read/[slug]/live/live-announcer";
import { describeLiveEvent, summarize, type LiveNoteEvent } from "@/app/read/[slug]/live/live-events";
import { PresenceIndicator } from "@/app/read/[slug]/live/presence";
import { useLiveNotes, type UseLiveNotesOptions } from "@/app/read/[slug]/live/use-live-notes";
import { makeNote, makeReply } from "../notes/make-note";
import { FakeEventSource } from "../support/event-source";

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
beforeEach(() => {
  FakeEventSource.all = [];
  vi.stubGlobal("EventSource", FakeEventSource);
  vi.useFakeTimers();
});
let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = "";
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function render(element: React.ReactElement) {
  const container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  act(() => root!.render(element));
  return container;
}

function Harness(props: Partial<UseLiveNotesOptions> & { log: string[] }) {
  const { log, ...rest } = props;
  const live = useLiveNotes({
    slug: "korea 1950",
    seminarId: "s1",
    viewerId: "me",
    onNote: (note, event) => log.push(`note ${event.type} ${note.id}`),
    onNoteRemoved: (id) => log.push(`removed ${id}`),
    onPresence: (names) => log.push(`presence ${names.join("+")}`),
    onReset: () => log.push("reset"),
    onEnd: (reason) => log.push(`end ${reason}`),
    ...rest,
  });
  return (
    <>
      <p data-status>{live.status}</p>
      <LiveAnnouncer announcement={live.announcement} />
    </>
  );
}

const other = { id: "ben", name: "Ben Okafor", role: "student" as const };
const me = { id: "me", name: "Me", role: "student" as const };

describe("useLiveNotes", () => {
  it("opens the reading's stream from the page's cursor and calls back per event", () => {
    const log: string[] = [];
    const container = render(<Harness log={log} since={1234} />);
    const es = FakeEventSource.all[0];
    expect(es.url).toBe("/api/readings/korea%201950/events?seminar=s1&lastEventId=1234");
    act(() => es.open());
    expect(container.querySelector("[data-status]")!.textContent).toBe("open");
    const notified = vi.fn();
    window.addEventListener(NOTIFICATION_EVENT, notified);
    act(() => {
      es.emit("note.created", { id: "1", type: "note.created", noteId: "n1", note: makeNote("n1", 0, { author: other }) }, "1");
      es.emit("reply.updated", { id: "2", type: "reply.updated", noteId: "n1", replyId: "r", note: makeNote("n1", 0) }, "2");
      es.emit("note.removed", { id: "3", type: "note.removed", cause: "note.hidden", noteId: "n2" }, "3");
      es.emit("presence", { type: "presence", names: ["Ben Okafor", "Me"], people: [] });
      es.emit("reset", { type: "reset" }, "9");
      es.emit("notification", { type: "notification.created" }, "10");
    });
    window.removeEventListener(NOTIFICATION_EVENT, notified);
    expect(log).toEqual(["note note.created n1", "note reply.updated n1", "removed n2", "presence Ben Okafor+Me", "reset"]);
    expect(notified).toHaveBeenCalledTimes(1);
  });

  it("reconnects with the last id when the browser gives up, with growing waits; stops for good on `end`", () => {
    const log: string[] = [];
    const container = render(<Harness log={log} />);
    const first = FakeEventSource.all[0];
    expect(first.url).toBe("/api/readings/korea%201950/events?seminar=s1");
    act(() => {
      first.open();
      first.emit("note.updated", { id: "77", type: "note.updated", noteId: "n1", note: makeNote("n1", 0) }, "77");
      first.fail();
    });
    expect(container.querySelector("[data-status]")!.textContent).toBe("reconnecting");
    act(() => vi.advanceTimersByTime(2_000));
    const second = FakeEventSource.all[1];
    expect(second.url).toContain("lastEventId=77");
    act(() => second.fail());
    act(() => vi.advanceTimersByTime(4_999));
    expect(FakeEventSource.all).toHaveLength(2);
    act(() => vi.advanceTimersByTime(1));
    const third = FakeEventSource.all[2];
    act(() => third.emit("end", { reason: "removed" }));
    expect(third.readyState).toBe(FakeEventSource.CLOSED);
    expect(log.at(-1)).toBe("end removed");
    act(() => vi.advanceTimersByTime(120_000));
    expect(FakeEventSource.all).toHaveLength(3);
  });

  it("closes its EventSource on unmount and opens none when disabled", () => {
    render(<Harness log={[]} enabled={false} />);
    expect(FakeEventSource.all).toHaveLength(0);
    act(() => root!.unmount());
    root = undefined;
    render(<Harness log={[]} />);
    act(() => root!.unmount());
    root = undefined;
    expect(FakeEventSource.all[0].readyState).toBe(FakeEventSource.CLOSED);
  });

  it("announces others' new notes and replies politely, one sentence per burst; not my own", () => {
    const container = render(<Harness log={[]} />);
    const es = FakeEventSource.all[0];
    const region = container.querySelector("[data-live-announcer]")!;
    expect(region.getAttribute("aria-live")).toBe("polite");
    act(() => {
      es.emit("note.created", { id: "1", type: "note.created", noteId: "a", note: makeNote("a", 0, { author: me }) });
      es.emit("note.created", { id: "2", type: "note.created", noteId: "b", note: makeNote("b", 0, { author: other }) });
    });
    act(() => vi.advanceTimersByTime(1_200));
    expect(region.textContent).toBe("Ben Okafor added a note");
    act(() => {
      const note = makeNote("a", 0, { author: me, replies: [makeReply("r1", null, [], { author: other })] });
      es.emit("reply.created", { id: "3", type: "reply.created", noteId: "a", replyId: "r1", note });
      es.emit("note.created", { id: "4", type: "note.created", noteId: "c", note: makeNote("c", 0, { author: other, motivation: "highlighting" }) });
    });
    act(() => vi.advanceTimersByTime(1_200));
    expect(region.textContent).toBe("Ben Okafor replied to your note, and 1 more change");
    act(() => vi.advanceTimersByTime(10_000));
    expect(region.textContent).toBe("");
  });
});

describe("describeLiveEvent and summarize", () => {
  const event = (over: Partial<LiveNoteEvent>): LiveNoteEvent => ({ id: "1", type: "note.created", noteId: "n", note: makeNote("n", 0, { author: other }), ...over });
  it("names who did what, and stays quiet about edits, moderation and placeholders", () => {
    expect(describeLiveEvent(event({}), "me")).toBe("Ben Okafor added a note");
    expect(describeLiveEvent(event({ type: "note.updated" }), "me")).toBeNull();
    expect(describeLiveEvent(event({ note: makeNote("n", 0, { author: null, deleted: true }) }), "me")).toBeNull();
    const thread = makeNote("n", 0, { author: other, replies: [makeReply("r", null, [], { placeholder: "hidden", author: null })] });
    expect(describeLiveEvent(event({ type: "reply.created", replyId: "r", note: thread }), "me")).toBeNull();
    expect(summarize([])).toBeNull();
    expect(summarize(["a", "b", "c"])).toBe("a, and 2 more changes");
  });
});

describe("PresenceIndicator", () => {
  const people = [
    { id: "ben", name: "Ben Okafor" },
    { id: "me", name: "Me" },
  ];
  it("says how many read now, names them for screen readers, and lists them on focus; Escape closes", () => {
    const container = render(<PresenceIndicator people={people} viewerId="me" />);
    const button = container.querySelector("button")!;
    expect(button.textContent).toContain("2 reading now");
    const description = document.getElementById(button.getAttribute("aria-describedby")!)!;
    expect(description.textContent).toBe("You, Ben Okafor");
    expect(button.getAttribute("aria-expanded")).toBe("false");
    act(() => button.focus());
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect([...container.querySelectorAll("li")].map((li) => li.textContent)).toEqual(["You", "Ben Okafor"]);
    act(() => document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" })));
    expect(container.querySelector("ul")).toBeNull();
  });

  it("alone: 'Only you are reading now'; nobody: nothing", () => {
    const container = render(<PresenceIndicator people={[{ id: "me", name: "Me" }]} viewerId="me" />);
    expect(container.textContent).toContain("Only you are reading now");
    function Empty() {
      const [list] = useState<{ id: string; name: string }[]>([]);
      return <PresenceIndicator people={list} />;
    }
    act(() => root!.render(<Empty />));
    expect(container.innerHTML).toBe("");
  });
});

// @vitest-environment jsdom
/**
 * Live links and questions in the reader, in jsdom: the stream's link and question
 * events fire the reader's window events and are announced politely; the markers and
 * tabs refetch their list once per burst and show it without a reload; a page opened
 * from the inbox opens the question it names. `fetch` and EventSource are stand-ins.
 */
import { act } from "react";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createRoot, type Root } from "react-dom/client";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { ConnectionsPanel } from "@/app/read/[slug]/links/connections-panel";
import { LinkMarkers } from "@/app/read/[slug]/links/link-markers";
import type { ReaderLinkEnd } from "@/app/read/[slug]/links/types";
import { LiveAnnouncer } from "@/app/read/[slug]/live/live-announcer";
import { describeLinkEvent, describeQuestionEvent, type LiveLinkEvent, type LiveQuestionEvent } from "@/app/read/[slug]/live/live-events";
import { LINKS_CHANGED, QUESTIONS_CHANGED, signalChange } from "@/app/read/[slug]/live/reader-events";
import { useLiveNotes } from "@/app/read/[slug]/live/use-live-notes";
import type { ReaderQuestionHere } from "@/app/read/[slug]/questions/here";
import { QuestionMarkers } from "@/app/read/[slug]/questions/question-markers";
import { QuestionsTab } from "@/app/read/[slug]/questions/questions-tab";
import { selectorsFor } from "@/lib/annotations/selectors";
import type { QuestionSummary } from "@/lib/questions/schema";
import { endView, fakeRouter, mount, stubLayout, summary, unmount } from "../links/support";
import { FakeEventSource } from "../support/event-source";
import { waitFor } from "../support/render";

beforeAll(stubLayout);
beforeEach(() => {
  FakeEventSource.all = [];
  window.history.replaceState(null, "", "/read/000?seminar=s1");
});
let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  vi.useRealTimers();
  unmount();
});

const TEXT = "The army of the North crossed the parallel.\n\nSeoul fell within days.";
/** The rendered reading "000", version v-000, as the reader page draws it. */
function renderReading() {
  const reading = document.body.appendChild(document.createElement("div"));
  reading.setAttribute("data-reading", "000");
  reading.setAttribute("data-version", "v-000");
  reading.innerHTML =
    '<p data-block="p1" data-start="0" data-end="43">The army of the North crossed the parallel.</p>' +
    '<p data-block="p2" data-start="45" data-end="68">Seoul fell within days.</p>';
  return reading;
}

/** Answers fetch by URL (a function: computed per call) and records every URL asked for. */
function fetchByUrl(routes: Record<string, unknown | (() => unknown)>) {
  const asked: string[] = [];
  vi.stubGlobal("fetch", async (url: string) => {
    asked.push(url);
    if (!(url in routes)) return new Response(JSON.stringify({ error: { code: "not_found", message: "No." } }), { status: 404 });
    const route = routes[url];
    return new Response(JSON.stringify(typeof route === "function" ? route() : route), { status: 200 });
  });
  return asked;
}

const change = () => signalChange(LINKS_CHANGED, { slug: "000", seminarId: "s1" });

describe("useLiveNotes: link and question events", () => {
  function Harness({ log }: { log: string[] }) {
    const live = useLiveNotes({
      slug: "000",
      seminarId: "s1",
      viewerId: "me",
      onNote: () => {},
      onNoteRemoved: () => {},
      onLink: (event) => log.push(`link ${event.type} ${event.linkId}`),
      onQuestion: (event) => log.push(`question ${event.type} ${event.questionId}`),
    });
    return <LiveAnnouncer announcement={live.announcement} />;
  }
  function render(log: string[]) {
    vi.useFakeTimers();
    vi.stubGlobal("EventSource", FakeEventSource);
    const host = document.body.appendChild(document.createElement("div"));
    root = createRoot(host);
    act(() => root!.render(<Harness log={log} />));
    return { host, es: FakeEventSource.all[0] };
  }
  const ana = { id: "ana", name: "Ana Lima", role: "student" as const };
  const link = (id: string, author = ana) => summary(id, "parallel", endView("000", "Seoul", 45), endView("001", "Stalin", 0), { author });

  it("fires the reader's window events with the reading and seminar, and calls back", () => {
    const log: string[] = [];
    const { es } = render(log);
    const heard: string[] = [];
    const onLinks = (event: Event) => heard.push(`links ${JSON.stringify((event as CustomEvent).detail)}`);
    const onQuestions = (event: Event) => heard.push(`questions ${JSON.stringify((event as CustomEvent).detail)}`);
    window.addEventListener(LINKS_CHANGED, onLinks);
    window.addEventListener(QUESTIONS_CHANGED, onQuestions);
    act(() => {
      es.emit("link.created", { id: "1", type: "link.created", linkId: "l1", link: link("l1") }, "1");
      es.emit("link.removed", { id: "2", type: "link.removed", cause: "link.hidden", linkId: "l2" }, "2");
      es.emit("question.answer.created", { id: "3", type: "question.answer.created", questionId: "q1", answerId: "a1", mine: false }, "3");
      es.emit("reset", { type: "reset" }, "9");
    });
    window.removeEventListener(LINKS_CHANGED, onLinks);
    window.removeEventListener(QUESTIONS_CHANGED, onQuestions);
    expect(log).toEqual(["link link.created l1", "link link.removed l2", "question question.answer.created q1"]);
    const detail = '{"slug":"000","seminarId":"s1"}';
    expect(heard).toEqual([`links ${detail}`, `links ${detail}`, `questions ${detail}`, `links ${detail}`, `questions ${detail}`]);
  });

  it("announces others' new links and questions in the polite region, one sentence per burst; not mine, not edits", () => {
    const { host, es } = render([]);
    const region = host.querySelector("[data-live-announcer]")!;
    act(() => {
      es.emit("link.created", { id: "1", type: "link.created", linkId: "l0", link: link("l0", { id: "me", name: "Me", role: "student" }) });
      es.emit("link.updated", { id: "2", type: "link.updated", linkId: "l1", link: link("l1") });
      es.emit("link.created", { id: "3", type: "link.created", linkId: "l1", link: link("l1") });
    });
    act(() => vi.advanceTimersByTime(1_200));
    expect(region.textContent).toBe("New link from Ana Lima");
    act(() => {
      es.emit("question.created", { id: "4", type: "question.created", questionId: "q0", title: "Mine", mine: true });
      es.emit("question.created", { id: "5", type: "question.created", questionId: "q1", title: "Who crossed first?", mine: false });
      es.emit("question.closed", { id: "6", type: "question.closed", questionId: "q1", title: "Who crossed first?", mine: false });
    });
    act(() => vi.advanceTimersByTime(1_200));
    expect(region.textContent).toBe("New question: Who crossed first?");
  });

  it("describes only new links and questions by others", () => {
    const event = (over: Partial<LiveLinkEvent>): LiveLinkEvent => ({ id: "1", type: "link.created", linkId: "l", link: link("l"), ...over });
    expect(describeLinkEvent(event({}), "me")).toBe("New link from Ana Lima");
    expect(describeLinkEvent(event({}), "ana")).toBeNull();
    expect(describeLinkEvent(event({ type: "link.reply.created" }), "me")).toBeNull();
    expect(describeLinkEvent(event({ type: "link.removed", link: undefined }), "me")).toBeNull();
    const question = (over: Partial<LiveQuestionEvent>): LiveQuestionEvent => ({ id: "1", type: "question.created", questionId: "q", title: "Why?", mine: false, ...over });
    expect(describeQuestionEvent(question({}))).toBe("New question: Why?");
    expect(describeQuestionEvent(question({ mine: true }))).toBeNull();
    expect(describeQuestionEvent(question({ type: "question.deleted", title: null }))).toBeNull();
  });
});

describe("links refetched live", () => {
  const initial: ReaderLinkEnd[] = [
    {
      key: "l1:a",
      linkId: "l1",
      relation: "parallel",
      side: "a",
      span: { start: 4, end: 21 },
      here: endView("000", "army of the North", 4),
      other: endView("001", "the northern army", 10),
      author: { id: "u1", name: "Ada", role: "student" },
      visibility: "seminar",
      hidden: false,
      replyCount: 0,
      href: "/compare?seminar=s1&link=l1&left=000",
    },
  ];
  const props = { slug: "000", seminarId: "s1", viewerId: "u1", suggestions: null, mapHref: "/seminars/s1/map" };
  const markerLabels = () => [...document.querySelectorAll("[data-link-markers] button")].map((b) => b.getAttribute("aria-label"));

  it("one request per burst updates the markers and the Connections tab; ends of another version are found in the rendered text", async () => {
    renderReading();
    const start = TEXT.indexOf("Seoul fell");
    const moved = endView("000", "Seoul fell", 0, { current: { versionId: "v-newer", start: 0, end: 10 }, selectors: selectorsFor(TEXT, start, start + 10) });
    const asked = fetchByUrl({
      "/api/readings/000/links?seminar=s1": {
        links: [summary("l2", "quotes", endView("002", "la chute de Séoul", 3), moved, { replyCount: 1, author: { id: "u2", name: "Ben", role: "student" } })],
      },
    });
    const host = await mount(
      <>
        <LinkMarkers ends={initial} />
        <ConnectionsPanel ends={initial} {...props} />
      </>,
    );
    expect(markerLabels()).toEqual(["Link: parallel to ‘the northern army’ in Title of 001"]);
    act(() => {
      change();
      change();
    });
    await waitFor(() => host.textContent?.includes("Title of 002"));
    expect(asked).toEqual(["/api/readings/000/links?seminar=s1"]);
    expect(markerLabels()).toEqual(["Link: quoted by ‘la chute de Séoul’ in Title of 002"]);
    expect(host.textContent).not.toContain("the northern army");
    expect(host.textContent).toContain("Ben · 1 reply");
    expect(host.textContent).not.toContain("Not found in this version"); // placed by the anchoring engine
  });

  it("a failed request leaves what is shown", async () => {
    renderReading();
    const asked = fetchByUrl({});
    const host = await mount(<ConnectionsPanel ends={initial} {...props} />);
    act(() => change());
    await waitFor(() => asked.length === 1);
    await act(async () => new Promise((r) => setTimeout(r, 20)));
    expect(host.querySelector("h2")!.textContent).toBe("Connections (1)");
    expect(host.textContent).toContain("the northern army");
  });

  it("new server props (another seminar, a refresh) win over an older refetch", async () => {
    renderReading();
    fetchByUrl({ "/api/readings/000/links?seminar=s1": { links: [summary("l2", "quotes", endView("002", "refetched", 3), endView("000", "Seoul fell", 45))] } });
    const host = document.body.appendChild(document.createElement("div"));
    root = createRoot(host);
    const router = fakeRouter() as unknown as AppRouterInstance;
    const show = (ends: ReaderLinkEnd[]) => (
      <AppRouterContext.Provider value={router}>
        <ConnectionsPanel ends={ends} {...props} />
      </AppRouterContext.Provider>
    );
    await act(async () => root!.render(show(initial)));
    act(() => change());
    await waitFor(() => host.textContent?.includes("refetched"));
    const fresh = [{ ...initial[0], key: "l9:a", linkId: "l9", other: endView("003", "from the server", 0) }];
    await act(async () => root!.render(show(fresh)));
    expect(host.textContent).toContain("from the server");
    expect(host.textContent).not.toContain("refetched");
  });
});

describe("questions refetched live", () => {
  const passage = (id: string, quote: string) => {
    const start = TEXT.indexOf(quote);
    return { id, slug: "000", readingTitle: "Reading", versionId: "v-000", selectors: selectorsFor(TEXT, start, start + quote.length), anchorStatus: "anchored" as const, quote, position: 0 };
  };
  const summaryOf = (id: string, title: string, over: Partial<QuestionSummary> = {}): QuestionSummary => ({
    id,
    seminarId: "s1",
    title,
    position: 0,
    dueAt: null,
    closedAt: null,
    status: "open",
    answerFirst: false,
    readings: [{ slug: "000", title: "Reading" }],
    passageCount: 1,
    rosterSize: 3,
    answeredCount: 0,
    myStatus: "not-yet",
    myAnsweredAt: null,
    revision: 1,
    permissions: { manage: false, answer: true, answerBlocked: null },
    ...over,
  });
  const prompt = { json: null, html: "<p>Think.</p>", text: "Think." };
  const here = (id: string, title: string, quote: string, over: Partial<QuestionSummary> = {}): ReaderQuestionHere => ({
    ...summaryOf(id, title, over),
    prompt,
    passages: [passage(`p-${id}`, quote)],
    href: `/seminars/s1/questions/${id}`,
    spans: { [`p-${id}`]: { start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length } },
    compare: [],
  });
  const initial = [here("q1", "Why cross?", "army"), here("q2", "Gone soon", "Seoul")];
  const titles = (host: Element) => [...host.querySelectorAll("li")].map((li) => li.querySelector("a")?.textContent);

  it("asks for the list and only new or edited questions' content; the tab and markers follow", async () => {
    renderReading();
    const asked = fetchByUrl({
      "/api/seminars/s1/questions": {
        seminar: { id: "s1", name: "S", role: "student" },
        rosterSize: 3,
        questions: [
          summaryOf("q1", "Why cross?", { myStatus: "answered" }),
          summaryOf("q3", "Who crossed first?"),
          summaryOf("q4", "Elsewhere", { readings: [{ slug: "001", title: "Other" }] }),
        ],
      },
      "/api/questions/q3": { question: { ...summaryOf("q3", "Who crossed first?"), prompt, passages: [passage("p-q3", "Seoul fell")] } },
    });
    const host = await mount(
      <>
        <QuestionMarkers questions={initial} />
        <QuestionsTab questions={initial} />
      </>,
    );
    expect(titles(host)).toEqual(["Why cross?", "Gone soon"]);
    act(() => signalChange(QUESTIONS_CHANGED, { slug: "000", seminarId: "s1" }));
    await waitFor(() => titles(host).includes("Who crossed first?"));
    expect(asked).toEqual(["/api/seminars/s1/questions", "/api/questions/q3"]);
    expect(titles(host)).toEqual(["Why cross?", "Who crossed first?"]);
    expect(host.querySelector("li")!.textContent).toContain("Answered");
    const markers = [...document.querySelectorAll("[data-question-marker] button")].map((b) => b.getAttribute("aria-label"));
    expect(markers.sort()).toEqual(["Question: Who crossed first?", "Question: Why cross?"]);
  });

  it("a page opened with ?question= opens that question's card", async () => {
    renderReading();
    window.history.replaceState(null, "", "/read/000?seminar=s1&question=q2");
    await mount(<QuestionMarkers questions={initial} />);
    const card = await waitFor(() => document.querySelector('[role="dialog"]'));
    expect(card.getAttribute("aria-label")).toBe("Question: Gone soon");
  });
});

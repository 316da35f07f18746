// @vitest-environment jsdom
/**
 * The questions' client pieces in jsdom: the reader's Questions tab and "?" markers,
 * the question form (draft kept in sessionStorage, passages from the reader merged,
 * what a save sends) and the answer form keeping a refused draft. `fetch` is answered
 * by hand; the app router is passed in through its context (no module mocking).
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { act } from "react";
import { QuestionsTab } from "@/app/read/[slug]/questions/questions-tab";
import { QuestionMarkers } from "@/app/read/[slug]/questions/question-markers";
import type { ReaderQuestionHere } from "@/app/read/[slug]/questions/load-questions";
import { QuestionForm } from "@/app/seminars/[id]/questions/question-form";
import { AnswerForm } from "@/app/seminars/[id]/questions/[questionId]/answer-form";
import { draftKey, newPassage, pickKey } from "@/app/seminars/[id]/questions/question-draft";
import { selectorsFor } from "@/lib/annotations/selectors";
import { cleanup, mount, waitFor } from "../support/render";

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const rect = (top = 0) => ({ x: 0, y: top, top, left: 0, right: 0, bottom: top + 10, width: 0, height: 10, toJSON() {} }) as DOMRect;
  Element.prototype.scrollIntoView = () => {};
  Element.prototype.getClientRects = () => [] as unknown as DOMRectList;
  Element.prototype.getBoundingClientRect = () => ({ ...rect(), left: 200 }) as DOMRect;
  Range.prototype.getBoundingClientRect = () => rect(50);
  Range.prototype.getClientRects = function (this: Range) {
    return [rect(100 + this.startOffset)] as unknown as DOMRectList;
  };
  document.elementFromPoint = () => null;
});

afterEach(cleanup);

const button = (scope: ParentNode, name: string) => [...scope.querySelectorAll("button")].find((b) => (b.getAttribute("aria-label") ?? b.textContent?.trim()) === name);
const answer = (status: number, body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status }));
const sentBody = (mock: ReturnType<typeof vi.fn>) => JSON.parse((mock.mock.calls[0] as unknown as [string, RequestInit])[1].body as string);

const TEXT = "On 25 June 1950 the army of the North crossed the thirty-eighth parallel.";
const base = {
  seminarId: "s1",
  title: "Why cross?",
  position: 0,
  dueAt: null,
  closedAt: null,
  status: "open" as const,
  answerFirst: false,
  readings: [{ slug: "korea", title: "Korea" }],
  passageCount: 1,
  rosterSize: 10,
  answeredCount: 4,
  myStatus: "not-yet" as const,
  myAnsweredAt: null,
  revision: 1,
  permissions: { manage: false, answer: true, answerBlocked: null },
  prompt: { json: null, html: "<p>Think about <em>the army</em>.</p>", text: "Think about the army." },
  passages: [],
  compare: [],
};
const questions: ReaderQuestionHere[] = [
  { ...base, id: "q1", href: "/seminars/s1/questions/q1", spans: { p1: { start: 16, end: 24 } } },
  {
    ...base,
    id: "q2",
    title: "Compare",
    myStatus: "answered",
    href: "/seminars/s1/questions/q2",
    spans: { p2: { start: 50, end: 60 }, p3: null },
    compare: [{ slug: "leaders", title: "Leaders", href: "/compare?seminar=s1&left=korea&right=leaders" }],
  },
];

describe("QuestionsTab", () => {
  it("lists the questions with my status, answer and compare links, and Show in text", async () => {
    const shown = vi.fn();
    const { host } = await mount(<QuestionsTab questions={questions} onShowPassage={shown} />);
    const items = [...host.querySelectorAll("li")];
    expect(items.map((li) => li.querySelector("a")?.textContent)).toEqual(["Why cross?", "Compare"]);
    expect(items[0].textContent).toContain("Not answered yet");
    expect(items[0].querySelector('a[href="/seminars/s1/questions/q1"]')).not.toBeNull();
    expect(items[1].textContent).toContain("Answered");
    expect(items[1].textContent).toContain("Passage not found in this version");
    const compare = [...items[1].querySelectorAll("a")].find((a) => a.getAttribute("href") === "/compare?seminar=s1&left=korea&right=leaders");
    expect(compare?.textContent).toBe("Compare passages");
    await act(async () => button(items[0], "Show in text")!.click());
    expect(shown).toHaveBeenCalledWith({ start: 16, end: 24 }, "q1");
  });
});

describe("QuestionMarkers", () => {
  it("puts a '?' marker per passage outside the text, opening a card with the prompt", async () => {
    const reading = document.body.appendChild(document.createElement("div"));
    reading.setAttribute("data-reading", "korea");
    reading.innerHTML = `<p data-block="b1" data-start="0" data-end="${TEXT.length}">${TEXT}</p>`;
    await mount(<QuestionMarkers questions={questions} />);
    const markers = [...document.querySelectorAll<HTMLButtonElement>("[data-noanchor] button")];
    expect(markers.map((m) => m.getAttribute("aria-label"))).toEqual(["Question: Why cross?", "Question: Compare"]);
    expect(reading.textContent).toBe(TEXT); // nothing added to the reading
    expect(markers[0].closest("[data-noanchor]")).not.toBeNull();
    await act(async () => markers[0].click());
    const card = document.querySelector('[role="dialog"]')!;
    expect(card.getAttribute("aria-label")).toBe("Question: Why cross?");
    expect(card.innerHTML).toContain("<em>the army</em>");
    expect(card.querySelector("a")?.textContent).toBe("Answer this question");
    await act(async () => document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" })));
    expect(document.querySelector('[role="dialog"]')).toBeNull();
  });
});

const picked = (quote: string) => {
  const start = TEXT.indexOf(quote);
  return newPassage({ slug: "korea", versionId: "v1", selectors: selectorsFor(TEXT, start, start + quote.length) }, "Korea");
};
const formProps = {
  seminarId: "s1",
  target: "new" as const,
  readings: [{ slug: "korea", title: "Korea" }],
  initial: { title: "", dueAt: null, answerFirst: false, prompt: null, passages: [] },
  picked: [picked("the army")],
  rejected: 0,
};

describe("QuestionForm", () => {
  it("restores the draft, merges the passage from the reader and sends it all", async () => {
    sessionStorage.setItem(draftKey("s1", "new"), JSON.stringify({ title: "Kept title", due: "2031-05-01T17:30", answerFirst: true, promptHtml: "<p>Kept prompt</p>", passages: [picked("the North")] }));
    const { host, router } = await mount(<QuestionForm {...formProps} />);
    const textbox = await waitFor(() => host.querySelector<HTMLElement>('[role="textbox"][aria-label="Prompt"]'));
    expect(textbox.textContent).toBe("Kept prompt");
    expect(host.textContent).toContain("Your unsaved draft was restored.");
    expect([...host.querySelectorAll("blockquote")].map((b) => b.textContent)).toEqual(["the North", "the army"]);
    expect(host.querySelector<HTMLInputElement>("input:not([type])")!.value).toBe("Kept title");

    const created = answer(201, { question: { id: "q9" } });
    vi.stubGlobal("fetch", created);
    await act(async () => button(host, "Save")!.click());
    await waitFor(() => created.mock.calls.length > 0);
    const sent = sentBody(created);
    expect(sent).toMatchObject({ title: "Kept title", answerFirst: true, dueAt: new Date(2031, 4, 1, 17, 30).toISOString() });
    expect(sent.prompt.json.content[0].content[0].text).toBe("Kept prompt");
    expect(sent.passages.map((p: { slug: string; selectors: { type: string; exact?: string }[] }) => p.selectors[0].exact)).toEqual(["the North", "the army"]);
    await waitFor(() => (router.push as ReturnType<typeof vi.fn>).mock.calls.length > 0);
    expect(router.push).toHaveBeenCalledWith("/seminars/s1/questions/q9");
    expect(sessionStorage.getItem(draftKey("s1", "new"))).toBeNull();
  });

  it("keeps everything when the server refuses, and shows why", async () => {
    sessionStorage.setItem(draftKey("s1", "new"), JSON.stringify({ title: "T", due: "", answerFirst: false, promptHtml: "<p>P</p>", passages: [] }));
    const { host } = await mount(<QuestionForm {...formProps} />);
    await waitFor(() => host.querySelector('[role="textbox"]'));
    vi.stubGlobal("fetch", answer(400, { error: { code: "bad_request", message: "The quote does not match the text at that position." } }));
    await act(async () => button(host, "Save")!.click());
    const alert = await waitFor(() => host.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain("does not match");
    expect(JSON.parse(sessionStorage.getItem(draftKey("s1", "new"))!).passages).toHaveLength(1);
  });

  it("sends a passage picked for a question being edited to that question's form", async () => {
    sessionStorage.setItem(pickKey("s1"), "q7");
    const { router } = await mount(<QuestionForm {...formProps} />);
    expect(router.replace).toHaveBeenCalledWith(expect.stringMatching(/^\/seminars\/s1\/questions\/q7\/edit/));
    expect(sessionStorage.getItem(pickKey("s1"))).toBeNull();
  });

  it("says what is missing before sending anything", async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
    sessionStorage.setItem(draftKey("s1", "new"), JSON.stringify({ title: " ", due: "", answerFirst: false, promptHtml: "<p>P</p>", passages: [] }));
    const { host } = await mount(<QuestionForm {...formProps} picked={[]} />);
    await waitFor(() => host.querySelector('[role="textbox"]'));
    await act(async () => button(host, "Save")!.click());
    expect((await waitFor(() => host.querySelector('[role="alert"]'))).textContent).toBe("Give the question a title.");
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe("AnswerForm", () => {
  it("keeps a refused answer (closed: 409) in the editor and in sessionStorage", async () => {
    sessionStorage.setItem("parallax:answer-draft:q1", "<p>My careful answer</p>");
    const { host } = await mount(<AnswerForm questionId="q1" answer={null} blocked={null} />);
    const textbox = await waitFor(() => host.querySelector<HTMLElement>('[role="textbox"][aria-label="Your answer"]'));
    expect(textbox.textContent).toBe("My careful answer");
    const refused = answer(409, { error: { code: "conflict", message: "This question is closed: answers can no longer be posted or changed." } });
    vi.stubGlobal("fetch", refused);
    await act(async () => button(host, "Save")!.click());
    const alert = await waitFor(() => host.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain("This question is closed");
    expect(host.querySelector('[role="textbox"]')?.textContent).toBe("My careful answer");
    expect(sessionStorage.getItem("parallax:answer-draft:q1")).toContain("My careful answer");
    expect(sentBody(refused).body.json.content[0].content[0].text).toBe("My careful answer");
  });
});

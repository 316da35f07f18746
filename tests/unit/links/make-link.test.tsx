// @vitest-environment jsdom
/**
 * Making a link in the compare view, in jsdom: a selection in the right reading becomes
 * the chosen passage, the form sends both ends' selectors, a failed save keeps what was
 * typed, and Escape clears the passage, then leaves.
 */
import { act } from "react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { MakeLink } from "@/app/compare/make-link";
import { answerFetch, fakeRouter, mount, stubLayout, unmount } from "./support";

beforeAll(stubLayout);
afterEach(() => {
  unmount();
  sessionStorage.clear();
});

const RIGHT = "Stalin told Kim to push on.\n\nMao hesitated.";
const from = {
  versionId: "v-left",
  selectors: [
    { type: "TextQuoteSelector" as const, exact: "the parallel", prefix: "crossed ", suffix: "." },
    { type: "TextPositionSelector" as const, start: 30, end: 42 },
  ],
};

function renderRight() {
  const pane = document.body.appendChild(document.createElement("div"));
  pane.setAttribute("data-compare-pane", "right");
  pane.tabIndex = 0;
  pane.innerHTML =
    '<div data-reading="001"><p data-block="r1" data-start="0" data-end="27">Stalin told Kim to push on.</p>' +
    '<p data-block="r2" data-start="29" data-end="43">Mao hesitated.</p></div>';
  return pane.querySelector("[data-reading]")!;
}

function select(root: Element, block: number, start: number, end: number) {
  const text = root.querySelectorAll("p")[block].firstChild!;
  const range = document.createRange();
  range.setStart(text, start);
  range.setEnd(text, end);
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  document.dispatchEvent(new Event("selectionchange"));
}

function type(field: HTMLTextAreaElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!.call(field, value);
  field.dispatchEvent(new Event("input", { bubbles: true }));
}

const props = {
  seminarId: "s1",
  left: { slug: "000", title: "Left" },
  right: { slug: "001", title: "Right", versionId: "v-right" },
  from,
  fromQuote: "the parallel",
  backHref: "/read/000?seminar=s1",
};

describe("MakeLink", () => {
  it("sends both passages, keeps everything typed when the save fails, and shows the new link when it works", async () => {
    const root = renderRight();
    const router = fakeRouter();
    const host = await mount(<MakeLink {...props} />, router);
    await act(async () => select(root, 0, 12, 26));
    expect(host.textContent).toContain("“Kim to push on”");
    await act(async () => host.querySelector<HTMLInputElement>('input[value="contradicts"]')!.click());
    await act(async () => type(host.querySelector("textarea")!, "Who pushed whom?"));
    await act(async () => host.querySelector<HTMLInputElement>('input[value="private"]')!.click());

    const calls = answerFetch({ status: 400, json: { error: { code: "bad_request", message: "The second passage: no." } } }, { status: 201, json: { link: { id: "new" } } });
    await act(async () => host.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    expect(host.querySelector('[role="alert"]')!.textContent).toBe("The second passage: no.");
    expect(host.querySelector("textarea")!.value).toBe("Who pushed whom?");
    expect(host.querySelector<HTMLInputElement>('input[value="contradicts"]')!.checked).toBe(true);
    expect(router.replace).not.toHaveBeenCalled();

    await act(async () => host.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    expect(calls[1].url).toBe("/api/seminars/s1/links");
    expect(calls[1].body).toEqual({
      a: { slug: "000", target: from },
      b: {
        slug: "001",
        target: {
          versionId: "v-right",
          selectors: [
            { type: "TextQuoteSelector", exact: "Kim to push on", prefix: "Stalin told ", suffix: ".\n\nMao hesitated." },
            { type: "TextPositionSelector", start: 12, end: 26 },
          ],
        },
      },
      relation: "contradicts",
      visibility: "private",
      body: { json: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Who pushed whom?" }] }] } },
    });
    expect(router.replace).toHaveBeenCalledWith("/compare?seminar=s1&link=new&left=000");
  });

  it("asks for the other passage before saving", async () => {
    renderRight();
    const host = await mount(<MakeLink {...props} />);
    const calls = answerFetch();
    await act(async () => host.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    expect(host.querySelector('[role="alert"]')!.textContent).toContain("First select the passage in “Right”");
    expect(calls).toEqual([]);
  });

  it("Escape clears the chosen passage first, then goes back to the reading; the draft survives a remount", async () => {
    const root = renderRight();
    const router = fakeRouter();
    const host = await mount(<MakeLink {...props} />, router);
    await act(async () => type(host.querySelector("textarea")!, "Kept"));
    await act(async () => select(root, 1, 0, 3));
    expect(host.textContent).toContain("“Mao”");
    await act(async () => document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true })));
    expect(host.textContent).not.toContain("“Mao”");
    expect(router.push).not.toHaveBeenCalled();
    await act(async () => document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true })));
    expect(router.push).toHaveBeenCalledWith("/read/000?seminar=s1");

    unmount();
    renderRight();
    const again = await mount(<MakeLink {...props} />);
    expect(again.querySelector("textarea")!.value).toBe("Kept");
  });
});

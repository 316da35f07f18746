// @vitest-environment jsdom
/**
 * The reader's link pieces in jsdom: margin markers (named, outside the anchored text,
 * a card on focus, the compare view on activation) and the connections panel (groups,
 * counts, suggestions for instructors).
 */
import { act } from "react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { TextIndex } from "@/lib/anchoring/dom";
import { ConnectionsPanel } from "@/app/read/[slug]/links/connections-panel";
import { LinkMarkers } from "@/app/read/[slug]/links/link-markers";
import type { ReaderLinkEnd } from "@/app/read/[slug]/links/types";
import { answerFetch, endView, fakeRouter, mount, stubLayout, suggestion, unmount } from "./support";

beforeAll(stubLayout);
afterEach(unmount);

const TEXT = "The army of the North crossed the parallel.\n\nSeoul fell within days.";
function renderReading() {
  const root = document.body.appendChild(document.createElement("div"));
  root.setAttribute("data-reading", "000");
  root.innerHTML =
    '<p data-block="p1" data-start="0" data-end="43">The army of the North crossed the parallel.<sup data-noanchor>1</sup></p>' +
    '<p data-block="p2" data-start="45" data-end="68">Seoul fell within days.</p>';
  return root;
}

function end(key: string, relation: ReaderLinkEnd["relation"], side: "a" | "b", span: { start: number; end: number } | null, otherSlug: string, otherQuote: string): ReaderLinkEnd {
  return {
    key,
    linkId: key.split(":")[0],
    relation,
    side,
    span,
    here: endView("000", span ? TEXT.slice(span.start, span.end) : "gone", span?.start ?? 0),
    other: endView(otherSlug, otherQuote, 10),
    author: { id: "u2", name: "Bo", role: "instructor" },
    visibility: "seminar",
    hidden: false,
    replyCount: 2,
    href: `/compare?seminar=s1&link=${key.split(":")[0]}&left=000`,
  };
}

const ends = [
  end("l1:a", "parallel", "a", { start: 4, end: 21 }, "001", "the northern army moved south"),
  end("l2:b", "quotes", "b", { start: 45, end: 55 }, "002", "Seoul fell"),
  end("l3:a", "cites", "a", null, "001", "lost here"),
];

describe("LinkMarkers", () => {
  it("puts one named button per placed end in a data-noanchor layer, leaving the anchored text as it was", async () => {
    const root = renderReading();
    const before = new TextIndex(root).text;
    await mount(<LinkMarkers ends={ends} />);
    const layer = root.querySelector("[data-link-markers]")!;
    expect(layer.hasAttribute("data-noanchor")).toBe(true);
    const buttons = [...layer.querySelectorAll("button")];
    expect(buttons.map((b) => b.getAttribute("aria-label"))).toEqual([
      "Link: parallel to ‘the northern army moved south’ in Title of 001",
      "Link: quoted by ‘Seoul fell’ in Title of 002",
    ]);
    expect(new TextIndex(root).text).toBe(before);
    expect(before).toBe(TEXT);
  });

  it("shows the other passage on focus and opens the compare view when activated", async () => {
    const root = renderReading();
    const router = fakeRouter();
    await mount(<LinkMarkers ends={ends} />, router);
    const button = root.querySelector<HTMLButtonElement>("[data-link-markers] button")!;
    await act(async () => button.focus());
    const card = root.querySelector('[role="tooltip"]')!;
    expect(card.textContent).toContain("the northern army moved south");
    expect(card.textContent).toContain("Title of 001 · Bo · 2 replies");
    expect(button.getAttribute("aria-describedby")).toBe(card.id);
    await act(async () => button.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true })));
    expect(root.querySelector('[role="tooltip"]')).toBeNull();
    await act(async () => button.click());
    expect(router.push).toHaveBeenCalledWith("/compare?seminar=s1&link=l1&left=000");
  });
});

describe("ConnectionsPanel", () => {
  it("groups by the other reading and relation, with counts and compare links", async () => {
    const host = await mount(<ConnectionsPanel slug="000" seminarId="s1" viewerId="u1" ends={ends} suggestions={null} mapHref="/seminars/s1/map" />);
    expect(host.querySelector("h2")!.textContent).toBe("Connections (3)");
    expect([...host.querySelectorAll("h3")].map((h) => h.textContent)).toEqual(["Title of 001 (2)", "Title of 002 (1)"]);
    expect([...host.querySelectorAll("h4")].map((h) => h.textContent)).toEqual(["Parallel (1)", "Cites (1)", "Quotes (1)"]);
    const compare = [...host.querySelectorAll("a")].filter((a) => a.textContent === "Compare side by side");
    expect(compare.map((a) => a.getAttribute("href"))).toContain("/compare?seminar=s1&link=l2&left=000");
    expect(host.textContent).toContain("Not found in this version");
    expect(host.textContent).not.toContain("Suggested parallels");
    // Only the author of a link whose end is lost here (or an instructor) is offered to re-attach it.
    const offered = (root: Element) => [...root.querySelectorAll("button")].filter((b) => b.textContent === "Re-attach").length;
    expect(offered(host)).toBe(0);
    const author = await mount(<ConnectionsPanel slug="000" seminarId="s1" viewerId="u2" ends={ends} suggestions={null} mapHref="/seminars/s1/map" />);
    expect(offered(author)).toBe(ends.filter((end) => !end.span).length);
  });

  it("lists pending suggestions for instructors and dismisses one through the API", async () => {
    const pending = [suggestion("sg1", endView("000", "Seoul fell", 45), endView("003", "the capital fell", 7))];
    const host = await mount(
      <ConnectionsPanel
        slug="000"
        viewerId="u1"
        seminarId="s1"
        ends={[]}
        suggestions={pending.map((s) => ({ suggestion: s, here: s.ends[0], other: s.ends[1], span: { start: 45, end: 55 } }))}
        mapHref="/seminars/s1/map"
      />,
    );
    expect(host.textContent).toContain("No links touch this reading yet.");
    expect(host.textContent).toContain("Suggested parallels (1)");
    const compare = [...host.querySelectorAll("a")].find((a) => a.textContent === "Compare side by side");
    expect(compare?.getAttribute("href")).toBe("/compare?seminar=s1&suggestion=sg1&left=000");
    const calls = answerFetch({ json: { id: "sg1", decision: "dismissed" } });
    await act(async () => host.querySelector<HTMLButtonElement>('button[aria-label^="Dismiss suggested parallel"]')!.click());
    expect(calls).toEqual([{ url: "/api/seminars/s1/suggestions/sg1/dismiss", method: "POST", body: undefined }]);
    expect(host.textContent).toContain("Suggested parallels (0)");
    expect(document.activeElement?.getAttribute("aria-label")).toBe("Suggestions to confirm or dismiss"); // focus stays in the panel
  });
});

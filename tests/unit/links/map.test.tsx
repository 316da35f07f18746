// @vitest-environment jsdom
/**
 * The connections map in jsdom: one focusable, named <a> per placed link, the legend's
 * checkboxes filtering lines, tooltips with both quotes, and the instructors'
 * suggestion list deciding through the API.
 */
import { act } from "react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ConnectionsMap } from "@/app/seminars/[id]/map/connections-map";
import { answerFetch, endView, fakeRouter, mount, stubLayout, suggestion, summary, unmount } from "./support";

beforeAll(stubLayout);
afterEach(unmount);

const readings = [
  { slug: "000", title: "Crossing the Parallel", author: "A", versionId: "v-000", length: 1000 },
  { slug: "001", title: "Who Wanted War", author: "B", versionId: "v-001", length: 500 },
];
const links = [
  summary("l1", "parallel", endView("000", "unhampered tactically and strategically", 100), endView("001", "We want you to feel unhampered", 50)),
  summary("l2", "contradicts", endView("001", "Stalin pushed", 300), endView("000", "Mao decided", 800)),
  summary("l3", "quotes", endView("000", "lost passage", 10, { current: null, anchorStatus: "orphaned" }), endView("001", "kept", 5)),
];

describe("ConnectionsMap", () => {
  it("draws one named, focusable link per placed link, in reading order, and lists the lost one", async () => {
    const host = await mount(<ConnectionsMap seminarId="s1" readings={readings} links={links} suggestions={null} />);
    const anchors = [...host.querySelectorAll("svg a")];
    expect(anchors.map((a) => a.getAttribute("aria-label"))).toEqual([
      "parallel: Title of 000 ‘unhampered tactically and strategically’ ↔ Title of 001 ‘We want you to feel unhampered’",
      "contradicts: Title of 001 ‘Stalin pushed’ ↔ Title of 000 ‘Mao decided’",
    ]);
    expect(anchors[0].getAttribute("href")).toBe("/compare?seminar=s1&link=l1&left=000");
    expect(host.textContent).toContain("Showing 2 of 3 links.");
    expect(host.textContent).toContain("One link has a passage that is no longer in its reading's current text");
    expect(host.querySelector("aside")).toBeNull(); // students: no suggestions
  });

  it("shows a tooltip with both quotes on focus, and opens the compare view on activation", async () => {
    const router = fakeRouter();
    const host = await mount(<ConnectionsMap seminarId="s1" readings={readings} links={links} suggestions={null} />, router);
    const first = host.querySelector("svg a")!;
    await act(async () => first.dispatchEvent(new FocusEvent("focus", { bubbles: false })));
    await act(async () => (first as unknown as HTMLElement).focus());
    const tooltip = host.querySelector("#map-tooltip");
    expect(tooltip?.textContent).toContain("unhampered tactically and strategically");
    expect(tooltip?.textContent).toContain("We want you to feel unhampered");
    expect(first.getAttribute("aria-describedby")).toBe("map-tooltip");
    await act(async () => first.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true })));
    expect(router.push).toHaveBeenCalledWith("/compare?seminar=s1&link=l1&left=000");
  });

  it("filters by relation (the legend) and by reading", async () => {
    const host = await mount(<ConnectionsMap seminarId="s1" readings={readings} links={links} suggestions={null} />);
    const box = (label: string) => [...host.querySelectorAll("label")].find((l) => l.textContent?.startsWith(label))!.querySelector("input")!;
    await act(async () => box("Parallel").click());
    expect([...host.querySelectorAll("svg a")].map((a) => a.getAttribute("aria-label")?.split(":")[0])).toEqual(["contradicts"]);
    await act(async () => box("Parallel").click());
    await act(async () => box("Who Wanted War").click());
    expect(host.querySelectorAll("svg a")).toHaveLength(0);
    expect(host.querySelectorAll("svg rect").length).toBeGreaterThan(0); // the remaining column's bar
    expect(host.textContent).toContain("Showing 0 of 3 links.");
  });

  it("with suggested lines switched off, still draws the one picked in the list", async () => {
    const pending = [suggestion("s-a", endView("000", "first suggested", 400), endView("001", "second suggested", 200)), suggestion("s-b", endView("000", "x", 1), endView("001", "y", 2))];
    const host = await mount(<ConnectionsMap seminarId="s1" readings={readings} links={links} suggestions={pending} />);
    const dashed = () => [...host.querySelectorAll("svg path[stroke-dasharray] title")].map((t) => t.textContent);
    expect(dashed()).toHaveLength(2);
    const box = [...host.querySelectorAll("label")].find((l) => l.textContent?.startsWith("Suggested"))!.querySelector("input")!;
    await act(async () => box.click());
    expect(dashed()).toEqual([]);
    const card = [...host.querySelectorAll("aside li")].find((li) => li.textContent?.includes("first suggested"))!;
    await act(async () => card.dispatchEvent(new MouseEvent("mouseover", { bubbles: true })));
    expect(dashed()).toEqual(["suggested parallel: Title of 000 ‘first suggested’ ↔ Title of 001 ‘second suggested’"]);
    await act(async () => card.dispatchEvent(new MouseEvent("mouseout", { bubbles: true })));
    expect(dashed()).toEqual([]);
  });

  it("gives instructors dashed suggestions with Confirm / Dismiss that call the API", async () => {
    const router = fakeRouter();
    const pending = [suggestion("s-a", endView("000", "first suggested", 400), endView("001", "second suggested", 200)), suggestion("s-b", endView("000", "x", 1), endView("001", "y", 2))];
    const host = await mount(<ConnectionsMap seminarId="s1" readings={readings} links={links} suggestions={pending} />, router);
    expect(host.querySelectorAll("path[stroke-dasharray]").length).toBeGreaterThanOrEqual(2);
    const compare = [...host.querySelectorAll("aside a")].map((a) => a.getAttribute("href"));
    expect(compare).toEqual(["/compare?seminar=s1&suggestion=s-a&left=000", "/compare?seminar=s1&suggestion=s-b&left=000"]);
    const calls = answerFetch({ json: { id: "s-a", decision: "dismissed" } }, { status: 201, json: { link: links[0] } });
    const dismiss = host.querySelector<HTMLButtonElement>('button[aria-label^="Dismiss suggested parallel: Title of 000 ‘first suggested’"]')!;
    await act(async () => dismiss.click());
    expect(calls[0]).toMatchObject({ method: "POST", url: "/api/seminars/s1/suggestions/s-a/dismiss" });
    expect(host.querySelector("aside")!.textContent).not.toContain("first suggested");
    // The keyboard stays in the list: on the next suggestion's Confirm, then on the list.
    expect(document.activeElement?.getAttribute("aria-label")).toMatch(/^Confirm suggested parallel: Title of 000 ‘x’/);
    await act(async () => host.querySelector<HTMLButtonElement>('button[aria-label^="Confirm suggested parallel"]')!.click());
    expect(document.activeElement?.getAttribute("aria-label")).toBe("Suggestions to confirm or dismiss");
    expect(calls[1]).toMatchObject({ method: "POST", url: "/api/seminars/s1/suggestions/s-b/confirm" });
    expect(router.refresh).toHaveBeenCalled();
    expect(host.textContent).toContain("Nothing waiting.");
  });
});

// @vitest-environment jsdom
/**
 * The compare view's link panel in jsdom: an edit that loses a race (409) keeps what
 * was typed and saves over the other version next time; replies post and reload.
 */
import { act } from "react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { LinkPanel } from "@/app/compare/link-panel";
import type { LinkView } from "@/lib/links/schema";
import { answerFetch, endView, mount, stubLayout, summary, unmount } from "./support";

beforeAll(stubLayout);
afterEach(unmount);

const base: LinkView = {
  ...summary("l1", "parallel", endView("000", "left quote", 10), endView("001", "right quote", 20, { anchorStatus: "orphaned", current: null })),
  body: { json: null, html: "<p>First note</p>", text: "First note" },
  replies: [],
};

function type(field: HTMLTextAreaElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!.call(field, value);
  field.dispatchEvent(new Event("input", { bubbles: true }));
}
const button = (host: HTMLElement, text: string) => [...host.querySelectorAll("button")].find((b) => b.textContent === text)!;

describe("LinkPanel", () => {
  it("says which passage is lost, and keeps an edit that lost a race, saving over the other version next", async () => {
    const host = await mount(<LinkPanel initialLink={base} ends={base.ends} backHref="/read/000" />);
    expect(host.textContent).toContain("The passage in “Title of 001” is no longer in its current text");
    await act(async () => button(host, "Edit link").click());
    const note = host.querySelector<HTMLTextAreaElement>("textarea")!;
    expect(note.value).toBe("First note");
    await act(async () => type(note, "My better note"));
    const theirs: LinkView = { ...base, revision: 2, relation: "cites", body: { json: null, html: "<p>Theirs</p>", text: "Theirs" } };
    const calls = answerFetch(
      { status: 409, json: { error: { code: "conflict", message: "changed", details: { current: theirs } } } },
      { json: { link: { ...theirs, revision: 3, body: { json: null, html: "<p>My better note</p>", text: "My better note" } } } },
    );
    await act(async () => button(host, "Save link").click());
    expect(host.querySelector('[role="alert"]')!.textContent).toContain("Someone changed this link while you were editing (now cites, note: “Theirs”)");
    expect(host.querySelector<HTMLTextAreaElement>("textarea")!.value).toBe("My better note");
    await act(async () => button(host, "Save link").click());
    expect(calls.map((c) => (c.body as { revision: number }).revision)).toEqual([1, 2]);
    expect(host.textContent).toContain("My better note");
    expect(host.querySelector("textarea")?.getAttribute("aria-label") ?? "").not.toBe("Edit reply");
  });

  it("posts a reply and shows the thread as the server returns it", async () => {
    const host = await mount(<LinkPanel initialLink={base} ends={base.ends} backHref="/read/000" />);
    const withReply: LinkView = {
      ...base,
      replyCount: 1,
      replies: [
        {
          id: "r1", linkId: "l1", parentId: null, placeholder: null, hidden: false,
          author: { id: "u2", name: "Bo", role: "student" }, body: { json: null, html: "<p>Agreed</p>", text: "Agreed" },
          revision: 1, createdAt: base.createdAt, updatedAt: base.createdAt,
          permissions: { edit: false, delete: false, hide: false, reply: true }, children: [],
        },
      ],
    };
    const calls = answerFetch({ status: 201, json: { reply: withReply.replies[0] } }, { json: { link: withReply } });
    const box = [...host.querySelectorAll("textarea")].at(-1)!;
    await act(async () => type(box, "Agreed"));
    await act(async () => button(host, "Post reply").click());
    expect(calls.map((c) => [c.method, c.url])).toEqual([
      ["POST", "/api/links/l1/replies"],
      ["GET", "/api/links/l1"],
    ]);
    expect(host.querySelector('article[aria-label="Reply by Bo"]')!.textContent).toContain("Agreed");
    expect(host.textContent).toContain("Discussion (1)");
  });
});

// Shared pieces of the links' jsdom tests: a stand-in App Router (so next/link and
// useRouter work outside Next), layout stubs, sample views, and a fetch answered by hand.
import type { ReactElement } from "react";
import { vi } from "vitest";
import type { LinkEndView, LinkSummary, SuggestionView } from "@/lib/links/schema";
import { fakeRouter, mount as mountWithRouter } from "../support/render";

// `unmount` leaves sessionStorage alone: a draft may have to survive a remount.
export { fakeRouter, unmount } from "../support/render";

/** jsdom has no layout: every range and element gets the same small box. */
export function stubLayout() {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const rect = { x: 40, y: 100, top: 100, left: 40, right: 240, bottom: 120, width: 200, height: 20, toJSON() {} } as DOMRect;
  Range.prototype.getClientRects = () => [rect] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => rect;
  window.scrollTo = () => {};
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}

/** Renders inside the stand-in router; returns the host element. */
export async function mount(element: ReactElement, router?: ReturnType<typeof fakeRouter>, host?: HTMLElement) {
  return (await mountWithRouter(element, router, host)).host;
}

/** Answers fetch calls in order with the given JSON bodies (status 200 unless given) and records the requests. */
export function answerFetch(...answers: { status?: number; json: unknown }[]) {
  const calls: { url: string; method: string; body: unknown }[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit = {}) => {
    calls.push({ url, method: init.method ?? "GET", body: init.body ? JSON.parse(String(init.body)) : undefined });
    const answer = answers.shift() ?? { json: {} };
    return new Response(JSON.stringify(answer.json), { status: answer.status ?? 200, headers: { "Content-Type": "application/json" } });
  });
  return calls;
}

export function endView(readingSlug: string, quote: string, start: number, extra: Partial<LinkEndView> = {}): LinkEndView {
  return {
    side: "a",
    readingSlug,
    readingTitle: `Title of ${readingSlug}`,
    versionId: `v-${readingSlug}`,
    originalVersionId: `v-${readingSlug}`,
    selectors: [],
    originalSelectors: [],
    anchorStatus: "anchored",
    quote,
    current: { versionId: `v-${readingSlug}`, start, end: start + quote.length },
    ...extra,
  };
}

export function summary(id: string, relation: LinkSummary["relation"], a: LinkEndView, b: LinkEndView, extra: Partial<LinkSummary> = {}): LinkSummary {
  return {
    id,
    seminarId: "s1",
    relation,
    ends: [{ ...a, side: "a" }, { ...b, side: "b" }],
    body: null,
    visibility: "seminar",
    hidden: false,
    deleted: false,
    author: { id: "u1", name: "Ada", role: "student" },
    fromSuggestion: false,
    revision: 1,
    createdAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-01T00:00:00.000Z",
    permissions: { edit: true, delete: true, hide: false, reply: true },
    replyCount: 0,
    ...extra,
  };
}

export function suggestion(id: string, a: LinkEndView, b: LinkEndView): SuggestionView {
  const end = (e: LinkEndView, side: "a" | "b") => ({ side, readingSlug: e.readingSlug, readingTitle: e.readingTitle, versionId: e.versionId, selectors: [], quote: e.quote, current: e.current });
  return { id, key: `k-${id}`, score: 0.87, why: ["shared phrase: “the parallel”"], ends: [end(a, "a"), end(b, "b")] };
}

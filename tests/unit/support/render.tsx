// Rendering pieces shared by the jsdom tests: a stand-in App Router (so next/link and
// useRouter work outside Next), one mounted root at a time, the cleanup after each
// test, and polling until the page shows something.
import { act, type ReactElement } from "react";
import { createRoot, type Root } from "react-dom/client";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { vi } from "vitest";

export function fakeRouter() {
  return {
    push: vi.fn(),
    replace: vi.fn(),
    refresh: vi.fn(),
    prefetch: vi.fn(),
    back: vi.fn(),
    forward: vi.fn(),
  } satisfies Partial<AppRouterInstance>;
}

let root: Root | undefined;

/** Renders inside the stand-in router, into a new div on the body unless a host is given. */
export async function mount(element: ReactElement, router = fakeRouter(), host: HTMLElement = document.body.appendChild(document.createElement("div"))) {
  root = createRoot(host);
  await act(async () => root!.render(<AppRouterContext.Provider value={router as unknown as AppRouterInstance}>{element}</AppRouterContext.Provider>));
  return { host, router };
}

/** Unmounts what `mount` rendered, empties the body and puts stubbed globals back. */
export function unmount() {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = "";
  vi.unstubAllGlobals();
}

/** `unmount`, and drafts kept in sessionStorage are forgotten too. For afterEach. */
export function cleanup() {
  unmount();
  sessionStorage.clear();
}

/** Polls `find` (letting React settle in between) until it gives something truthy. */
export async function waitFor<T>(find: () => T | null | undefined | false, { tries = 80, every = 50 } = {}): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const found = find();
    if (found) return found;
    await act(async () => new Promise((r) => setTimeout(r, every)));
  }
  throw new Error("timed out");
}

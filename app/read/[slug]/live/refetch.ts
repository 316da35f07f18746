"use client";

import { useEffect, useState } from "react";
import type { ReaderChange } from "./reader-events";

/** One list kept current for every piece of the reader that shows it. */
export type Refetcher<T> = { subscribe(listener: (value: T) => void): () => void };

/**
 * Refetches a list when a window event `name` says it changed: a burst of events
 * within `delayMs` makes one request, its answer goes to every listener, and an answer
 * overtaken by a newer request is dropped. A failed request leaves the list as it was
 * (the next change, or a reload, brings it up to date). Listens only while someone does.
 */
export function createRefetcher<T>(name: string, load: (change: ReaderChange) => Promise<T>, delayMs = 150): Refetcher<T> {
  const listeners = new Set<(value: T) => void>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let change: ReaderChange | null = null;
  let serial = 0;

  const run = async () => {
    if (!change) return;
    const mine = ++serial;
    try {
      const value = await load(change);
      if (mine === serial) for (const listener of [...listeners]) listener(value);
    } catch {
      // The list stays as it was.
    }
  };
  const onChange = (event: Event) => {
    change = (event as CustomEvent<ReaderChange>).detail ?? null;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), delayMs);
  };

  return {
    subscribe(listener) {
      if (listeners.size === 0) window.addEventListener(name, onChange);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        window.removeEventListener(name, onChange);
        clearTimeout(timer);
        serial++; // an answer still on its way is for nobody now
      };
    },
  };
}

/**
 * The list a piece of the reader shows: `initial` (from the server) until a refetch
 * after it replaces it. New server props (another reading or seminar, a refresh) win
 * over an older refetch.
 */
export function useRefetched<T>(initial: T, refetcher: Refetcher<T>): T {
  const [live, setLive] = useState<{ base: T; value: T } | null>(null);
  useEffect(() => refetcher.subscribe((value) => setLive({ base: initial, value })), [initial, refetcher]);
  return live !== null && live.base === initial ? live.value : initial;
}

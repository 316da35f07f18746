"use client";

import { useEffect, useState } from "react";

/**
 * A side tab's count kept live: the panel inside a tab says how many items it holds
 * now (after live events), and the tab's label follows. A window event, so the panels
 * (loaded lazily, in their own chunks) need no shared React state with the tabs.
 */

const EVENT = "parallax:tab-count";

type TabCount = { tab: string; count: number };

/** Tells the tab `tab` that its panel now holds `count` items. */
export function useReportTabCount(tab: string, count: number): void {
  useEffect(() => {
    window.dispatchEvent(new CustomEvent<TabCount>(EVENT, { detail: { tab, count } }));
  }, [tab, count]);
}

/** The latest counts the panels reported, by tab id (a tab not heard from keeps its first count). */
export function useTabCounts(): Record<string, number> {
  const [counts, setCounts] = useState<Record<string, number>>({});
  useEffect(() => {
    const onCount = (event: Event) => {
      const { tab, count } = (event as CustomEvent<TabCount>).detail;
      setCounts((known) => (known[tab] === count ? known : { ...known, [tab]: count }));
    };
    window.addEventListener(EVENT, onCount);
    return () => window.removeEventListener(EVENT, onCount);
  }, []);
  return counts;
}

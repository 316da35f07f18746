"use client";

import { useEffect, useState } from "react";
import { onSignal, sendSignal } from "./live/reader-events";

/**
 * A side tab's count kept live: the panel inside a tab says how many items it holds
 * now (after live events), and the tab's label follows, through the reader's window
 * events (live/reader-events.ts).
 */

const EVENT = "parallax:tab-count";

type TabCount = { tab: string; count: number };

/** Tells the tab `tab` that its panel now holds `count` items. */
export function useReportTabCount(tab: string, count: number): void {
  useEffect(() => {
    sendSignal<TabCount>(EVENT, { tab, count });
  }, [tab, count]);
}

/** The latest counts the panels reported, by tab id (a tab not heard from keeps its first count). */
export function useTabCounts(): Record<string, number> {
  const [counts, setCounts] = useState<Record<string, number>>({});
  useEffect(
    () => onSignal<TabCount>(EVENT, ({ tab, count }) => setCounts((known) => (known[tab] === count ? known : { ...known, [tab]: count }))),
    [],
  );
  return counts;
}

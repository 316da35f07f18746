"use client";

import { useEffect, useState } from "react";
import type { Announcement } from "./use-live-notes";

/**
 * A polite live region for what others do while you read ("Ben Okafor added a note").
 * Mounted once and kept in the page, so screen readers know it before it speaks; each
 * announcement is a new node (keyed by `serial`), so a repeated sentence is said again,
 * and it is cleared after a while so that it is not read out of context later.
 */
export function LiveAnnouncer({ announcement, clearAfterMs = 10_000 }: { announcement: Announcement | null; clearAfterMs?: number }) {
  const [shown, setShown] = useState<Announcement | null>(announcement);
  useEffect(() => {
    setShown(announcement);
    if (!announcement) return;
    const timer = setTimeout(() => setShown(null), clearAfterMs);
    return () => clearTimeout(timer);
  }, [announcement, clearAfterMs]);
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-live-announcer>
      {shown && <span key={shown.serial}>{shown.text}</span>}
    </div>
  );
}

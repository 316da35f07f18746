"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { NOTIFICATION_EVENT, READ_EVENT } from "./events";
const POLL_MS = 30_000;

/**
 * The header's link to the inbox with the unread count. Refreshed every 30 s while the
 * tab is visible, when the tab comes back, when the reader's stream reports a
 * notification, and when the inbox marks some read. Renders nothing signed out.
 */
export function InboxBadge({ initialUnread = null }: { initialUnread?: number | null }) {
  const [unread, setUnread] = useState<number | null>(initialUnread);
  const [signedOut, setSignedOut] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const response = await fetch("/api/notifications?limit=0", { credentials: "same-origin", cache: "no-store" });
      if (response.status === 401) return setSignedOut(true);
      if (response.ok) setUnread(((await response.json()) as { unread: number }).unread);
    } catch {
      // offline: keep the last count
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void refresh();
    }, POLL_MS);
    const onVisible = () => document.visibilityState === "visible" && void refresh();
    const onNotification = () => void refresh();
    const onRead = (event: Event) => {
      const count = (event as CustomEvent<{ unread?: number }>).detail?.unread;
      if (typeof count === "number") setUnread(count);
      else void refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener(NOTIFICATION_EVENT, onNotification);
    window.addEventListener(READ_EVENT, onRead);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener(NOTIFICATION_EVENT, onNotification);
      window.removeEventListener(READ_EVENT, onRead);
    };
  }, [refresh]);

  if (signedOut) return null;
  const count = unread ?? 0;
  const shown = count > 99 ? "99+" : String(count);
  return (
    // The name is the visible text ("Inbox 3") plus words only a screen reader needs.
    <Link href="/inbox" className="inline-flex items-center gap-1.5 text-grey-7 hover:text-grey-9">
      Inbox
      {count > 0 && (
        <span className="min-w-5 rounded-full bg-brand px-1.5 text-center text-xs font-semibold leading-5 text-white">
          {shown}
          <span className="sr-only"> unread</span>
        </span>
      )}
    </Link>
  );
}

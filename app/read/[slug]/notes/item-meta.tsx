"use client";

import { useSyncExternalStore } from "react";
import type { AuthorView } from "@/lib/annotations/schema";
import { formatFullDate, formatRelativeTime } from "./relative-time";

/**
 * The byline of a note or reply: author, an "Instructor" badge, and when it was
 * written, relative ("5 minutes ago") with the full date on hover and in `dateTime`.
 * "Edited" comes from the revision, not `updatedAt`, which hiding also moves.
 */
export function ItemMeta({ author, createdAt, edited }: { author: AuthorView | null; createdAt: string; edited: boolean }) {
  return (
    <p className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 text-xs text-grey-7">
      <span className="text-sm font-medium text-grey-9">{author?.name ?? "Former member"}</span>
      {author?.role === "instructor" && (
        <span className="rounded bg-grey-1 px-1.5 py-px text-[0.7rem] font-semibold uppercase tracking-wide text-grey-8">Instructor</span>
      )}
      <TimeAgo iso={createdAt} />
      {edited && <span>(edited)</span>}
    </p>
  );
}

/** `<time>` with the relative time as text and the full date as its title. */
export function TimeAgo({ iso }: { iso: string }) {
  const now = useSyncExternalStore(subscribeToClock, readClock, readClock);
  return (
    // Server and browser render at different moments and maybe in different time
    // zones; the browser's text wins without a hydration error.
    <time dateTime={iso} title={formatFullDate(iso)} suppressHydrationWarning>
      {formatRelativeTime(iso, now)}
    </time>
  );
}

// One shared clock for every <TimeAgo>, ticking once a minute while any is shown.
let clockNow = 0;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribeToClock(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    clockNow = Date.now();
    timer = setInterval(() => {
      clockNow = Date.now();
      listeners.forEach((notify) => notify());
    }, 60_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

function readClock(): number {
  // Not ticking (server, or before the first subscriber): now, steady within the minute,
  // so repeated reads in one render agree.
  if (!timer) clockNow = Math.floor(Date.now() / 60_000) * 60_000;
  return clockNow;
}

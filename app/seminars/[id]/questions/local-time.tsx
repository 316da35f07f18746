"use client";

import { formatFullDate } from "@/app/read/[slug]/notes/relative-time";

/**
 * A date and time in the reader's own time zone and words. The server renders it in
 * its zone; the browser's render replaces it (hydration warnings suppressed for it).
 */
export function LocalTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={iso} suppressHydrationWarning>
      {formatFullDate(iso)}
    </time>
  );
}

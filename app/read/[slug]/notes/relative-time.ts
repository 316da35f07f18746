/**
 * "5 minutes ago", "yesterday", "3 weeks ago": a small formatter over
 * Intl.RelativeTimeFormat, plus the full date for a tooltip. Pure: `now` is passed in.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Units from the largest down: the first that fits is used (months and years are approximate). */
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * DAY],
  ["month", 30 * DAY],
  ["week", 7 * DAY],
  ["day", DAY],
  ["hour", HOUR],
  ["minute", MINUTE],
];

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const full = new Intl.DateTimeFormat("en", { dateStyle: "long", timeStyle: "short" });

/** How long ago (or, for clock skew, how soon) `iso` is, from `now` in milliseconds. */
export function formatRelativeTime(iso: string, now: number): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return "";
  const delta = time - now;
  // Under a minute either way (a server clock slightly ahead included) reads as now.
  if (Math.abs(delta) < MINUTE) return "just now";
  for (const [unit, size] of units) {
    if (Math.abs(delta) >= size) return relative.format(Math.trunc(delta / size), unit);
  }
  return relative.format(Math.trunc(delta / MINUTE), "minute");
}

/** The full date and time, e.g. "March 3, 2025 at 2:05 PM", in the reader's time zone. */
export function formatFullDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? "" : full.format(time);
}

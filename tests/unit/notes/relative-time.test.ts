import { describe, expect, it } from "vitest";
import { formatFullDate, formatRelativeTime } from "@/app/read/[slug]/notes/relative-time";

const now = Date.parse("2025-06-15T12:00:00Z");
const ago = (ms: number) => new Date(now - ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("formatRelativeTime", () => {
  const cases: [string, string, string][] = [
    ["seconds ago", ago(30_000), "just now"],
    ["a clock slightly ahead", ago(-20_000), "just now"],
    ["one minute", ago(MIN), "1 minute ago"],
    ["minutes", ago(5 * MIN + 10_000), "5 minutes ago"],
    ["hours", ago(3 * HOUR), "3 hours ago"],
    ["one day", ago(DAY + HOUR), "yesterday"],
    ["days", ago(3 * DAY), "3 days ago"],
    ["weeks", ago(15 * DAY), "2 weeks ago"],
    ["months", ago(70 * DAY), "2 months ago"],
    ["years", ago(800 * DAY), "2 years ago"],
    ["the future", ago(-2 * HOUR), "in 2 hours"],
    ["not a date", "nonsense", ""],
  ];
  for (const [name, iso, expected] of cases) it(name, () => expect(formatRelativeTime(iso, now)).toBe(expected));
});

describe("formatFullDate", () => {
  it("names the day and the time", () => expect(formatFullDate("2025-06-15T12:00:00Z")).toMatch(/June 1[45], 2025 at \d{1,2}:\d{2}/));
  it("is empty for a bad date", () => expect(formatFullDate("nope")).toBe(""));
});

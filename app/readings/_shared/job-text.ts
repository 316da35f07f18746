import type { JobState } from "@/lib/revisions/jobs";

/**
 * What a running add or revision says about itself, pure: the words beside the
 * progress bar and the bar's value (null: indeterminate, while nothing can be counted).
 */

const number = (n: number) => n.toLocaleString("en-US");

/** The stage in words: "Reading the text…", "Placing notes 120 of 1,000…", "Saving…". */
export function jobText(job: Pick<JobState, "stage" | "done" | "total">): string {
  switch (job.stage) {
    case "queued":
      return "Waiting to start…";
    case "parsing":
      return "Reading the text…";
    case "placing":
      return job.total > 0 ? `Placing notes ${number(Math.min(job.done, job.total))} of ${number(job.total)}…` : "Checking the text…";
    case "saving":
      return job.total > 0 ? `Saving… (${number(Math.min(job.done, job.total))} of ${number(job.total)} moved)` : "Saving…";
    case "done":
      return "Done.";
    case "failed":
      return "Stopped: nothing was changed.";
  }
}

/** The progress bar's value and maximum; `value` null draws an indeterminate bar. */
export function jobProgress(job: Pick<JobState, "stage" | "done" | "total">): { value: number | null; max: number } {
  if (job.stage === "done") return { value: 1, max: 1 };
  if ((job.stage === "placing" || job.stage === "saving") && job.total > 0) return { value: Math.min(job.done, job.total), max: job.total };
  return { value: null, max: 1 };
}

/** The line a parse error names ("Line 12 of the text: …"), or null. */
export function errorLine(message: string): number | null {
  const match = /^Line (\d+) of the text\b/.exec(message);
  return match ? Number(match[1]) : null;
}

/**
 * The offsets of line `line` of a body as the server counts it (1-based, the blank lines
 * that open the body not counted), to select it in the textarea; null past the end.
 */
export function lineSpan(text: string, line: number): { start: number; end: number } | null {
  if (!Number.isInteger(line) || line < 1) return null;
  let start = /^(?:[ \t]*\n)*/.exec(text)![0].length;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf("\n", start);
    if (next === -1) return null;
    start = next + 1;
  }
  const end = text.indexOf("\n", start);
  return { start, end: end === -1 ? text.length : end };
}

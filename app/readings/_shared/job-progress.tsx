"use client";

import { useId } from "react";
import type { JobState } from "@/lib/revisions/jobs";
import { jobProgress, jobText } from "./job-text";

/** A running add or revision: a real progress bar and its stage in words, read out politely. */
export function JobProgress({ job, label }: { job: JobState | null; label: string }) {
  const id = useId();
  const state = job ?? { stage: "queued" as const, done: 0, total: 0 };
  const { value, max } = jobProgress(state);
  return (
    <div className="rounded border border-grey-3 bg-white px-4 py-3">
      <p id={id} className="text-sm font-medium text-grey-8">
        {label}
      </p>
      <progress aria-labelledby={id} className="mt-2 h-2 w-full accent-brand" max={max} {...(value === null ? {} : { value })} />
      <p aria-live="polite" className="mt-1 text-sm text-grey-7">
        {jobText(state)}
      </p>
    </div>
  );
}

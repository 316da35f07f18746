import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";

/**
 * Long-running work (adding or revising a reading) runs as a job in this process: the
 * request that starts it answers at once with the job's id, and the page polls the
 * job for its stage and progress. A job's outcome is in the database; the job itself
 * only reports, so losing one on restart loses nothing (its transaction either
 * committed or did not).
 */

export type JobStage = "queued" | "parsing" | "placing" | "saving" | "done" | "failed";

export type JobState = {
  id: string;
  stage: JobStage;
  /** Items placed so far, of `total` (0 of 0 while there is nothing to count). */
  done: number;
  total: number;
  /** Set once the job is done: what the page opens next. */
  result?: unknown;
  /** Set when it failed: the error as the API answers it. */
  error?: { code: string; message: string };
};

type Job = JobState & { ownerId: string; finishedAt?: number };

/** Finished jobs are kept this long for a page that polls late. */
const KEEP_FINISHED_MS = 10 * 60_000;

const globalForJobs = globalThis as unknown as { parallaxJobs?: Map<string, Job> };
const jobs = (globalForJobs.parallaxJobs ??= new Map<string, Job>());

/** What a running job may report. */
export type JobReporter = (update: Partial<Pick<JobState, "stage" | "done" | "total">>) => void;

/** Starts `work` as a job owned by `ownerId`; returns its id at once. */
export function startJob(ownerId: string, work: (report: JobReporter) => Promise<unknown>): string {
  sweep();
  const job: Job = { id: randomUUID(), ownerId, stage: "queued", done: 0, total: 0 };
  jobs.set(job.id, job);
  const report: JobReporter = (update) => Object.assign(job, update);
  // Next tick: the request that started the job answers before the work begins.
  setImmediate(() => {
    work(report).then(
      (result) => Object.assign(job, { stage: "done", result, finishedAt: Date.now() }),
      (error: unknown) => Object.assign(job, { stage: "failed", error: describe(error), finishedAt: Date.now() }),
    );
  });
  return job.id;
}

/** A job's state, for its owner only (anyone else gets 404, as for an unknown id). */
export function getJob(id: string, ownerId: string): JobState {
  const job = jobs.get(id);
  if (!job || job.ownerId !== ownerId) throw new AppError("not_found", "No such job: it finished long ago or never existed.");
  const { ownerId: _owner, finishedAt: _finished, ...state } = job;
  return state;
}

function describe(error: unknown): { code: string; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  console.error(error);
  return { code: "internal", message: "Something went wrong while saving the reading; nothing was changed." };
}

function sweep() {
  const now = Date.now();
  for (const [id, job] of jobs) if (job.finishedAt && now - job.finishedAt > KEEP_FINISHED_MS) jobs.delete(id);
}

import { ApiError, callApi } from "@/lib/http/client";
import type { JobState } from "@/lib/revisions/jobs";
import type { RevisionReport } from "@/lib/revisions/report";
import type { AddReadingInput, ReviseReadingInput } from "@/lib/revisions/schema";
import type { ConvertedUpload } from "@/lib/revisions/upload";

/**
 * The browser's calls for adding and revising readings: converting a file (or a paste),
 * starting the add or the revision, and following its job until it ends. Errors arrive
 * as `ApiError` with the server's message.
 */

const reading = (slug: string) => `/api/readings/${encodeURIComponent(slug)}`;

/** POST /api/readings/import: the file's bytes, its name in X-File-Name. */
export async function importFile(file: Blob, name: string): Promise<ConvertedUpload> {
  let response: Response;
  try {
    response = await fetch("/api/readings/import", {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream", "X-File-Name": encodeURIComponent(name) },
      body: file,
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "network", "Could not reach the server. Check your connection and try again.");
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = data?.error;
    const fallback = response.status === 413 ? "This file is larger than 5 MB." : `The file could not be read (${response.status}).`;
    throw new ApiError(response.status, error?.code ?? "internal", error?.message ?? fallback, error?.details);
  }
  return data as ConvertedUpload;
}

/** A pasted text, converted as a file named pasted.txt or pasted.md would be. */
export function importPaste(text: string, format: "text" | "markdown"): Promise<ConvertedUpload> {
  const name = format === "markdown" ? "pasted.md" : "pasted.txt";
  return importFile(new Blob([text], { type: "text/plain;charset=utf-8" }), name);
}

/** POST /api/readings → the job that stores the reading. */
export async function startAddReading(input: AddReadingInput): Promise<string> {
  return (await callApi<{ job: string }>("POST", "/api/readings", input)).job;
}

/** POST …/revisions/report: what publishing this text would do, without changing anything. */
export async function checkRevision(slug: string, input: ReviseReadingInput): Promise<RevisionReport> {
  return (await callApi<{ report: RevisionReport }>("POST", `${reading(slug)}/revisions/report`, input)).report;
}

/** POST …/revisions → the job that stores the new version and moves everything onto it. */
export async function startRevision(slug: string, input: ReviseReadingInput): Promise<string> {
  return (await callApi<{ job: string }>("POST", `${reading(slug)}/revisions`, input)).job;
}

const POLL_MS = 400;
/** Polls that may fail in a row (a blip in the connection) before giving up. */
const MAX_MISSES = 5;

/**
 * Polls a job every 400 ms, reporting each state, until it is done (its result) or
 * failed (an ApiError with its code and message). Stops quietly when `signal` aborts.
 */
export async function followJob<T>(id: string, onState: (job: JobState) => void, signal?: AbortSignal): Promise<T> {
  let misses = 0;
  for (;;) {
    if (signal?.aborted) throw new ApiError(0, "aborted", "Stopped following the job.");
    try {
      const { job } = await callApi<{ job: JobState }>("GET", `/api/jobs/${encodeURIComponent(id)}`);
      misses = 0;
      onState(job);
      if (job.stage === "done") return job.result as T;
      if (job.stage === "failed") throw new ApiError(statusOf(job.error?.code), job.error?.code ?? "internal", job.error?.message ?? "Saving failed; nothing was changed.");
    } catch (error) {
      if (error instanceof ApiError && error.code !== "network" && error.status !== 0) throw error;
      if (++misses >= MAX_MISSES) throw new ApiError(0, "network", "Lost touch with the server while saving. Reload the page to see whether it finished.");
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

const statuses: Record<string, number> = { bad_request: 400, forbidden: 403, not_found: 404, conflict: 409, too_large: 413 };
const statusOf = (code: string | undefined) => (code ? (statuses[code] ?? 500) : 500);

/** The message to show for a failed call. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return "Could not reach the server. Check your connection and try again.";
}

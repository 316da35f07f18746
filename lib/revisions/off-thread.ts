import path from "node:path";
import { Worker } from "node:worker_threads";
import { AppError, type ErrorCode } from "@/lib/errors";
import { DocumentParseError } from "@/lib/documents/parse";
import { convertUpload, type ConvertedUpload } from "@/lib/revisions/upload";
import { suggestParallels } from "@/lib/links/suggest";
import { prepareVersion, prepareVersionInSteps, type PrepareInput, type PrepareProgress, type PreparedVersion } from "@/lib/revisions/prepare";

/**
 * Runs the CPU-heavy work of adding and revising readings where it does not hold up
 * the server: `prepareVersion` for small texts on the server's thread in short steps
 * (a worker costs more to start than they take), large texts and `suggestParallels` in
 * a worker thread. If the worker cannot start (no tsx in this install), the work runs
 * inline rather than fail.
 */

/** Sources up to this size are prepared on the server's thread, in steps (parsing one takes a few tens of ms). */
const INLINE_SOURCE_CHARS = 200_000;

type WorkerMessage =
  | { type: "progress"; progress: PrepareProgress }
  | { type: "done"; result: unknown }
  | { type: "parse-error"; file: string; line: number; reason: string }
  | { type: "app-error"; code: ErrorCode; message: string }
  | { type: "error"; message: string };

/** Prepares a version, reporting progress; rejects with the parser's error for a malformed source. */
export async function runPrepare(input: PrepareInput, onProgress?: (progress: PrepareProgress) => void): Promise<PreparedVersion> {
  if (input.source.length <= INLINE_SOURCE_CHARS) return prepareVersionInSteps(input, onProgress);
  return orInline(() => inWorker<PreparedVersion>({ task: "prepare", input }, onProgress), () => prepareVersion(input, onProgress));
}

/** Uploads up to this size are converted on the server's thread. */
const INLINE_UPLOAD_BYTES = 200_000;

/** Converts an upload (lib/revisions/upload.ts), a large one in a worker thread; its refusals keep their code. */
export function convertOffThread(bytes: Uint8Array, fileName: string | null): Promise<ConvertedUpload> {
  if (bytes.byteLength <= INLINE_UPLOAD_BYTES) return Promise.resolve().then(() => convertUpload(bytes, fileName));
  return orInline(() => inWorker({ task: "convert", input: [bytes, fileName] }), () => convertUpload(bytes, fileName));
}

/** `suggestParallels` in a worker thread: minutes of work on a large library never stall the server. */
export function suggestInWorker(...input: Parameters<typeof suggestParallels>): Promise<ReturnType<typeof suggestParallels>> {
  return orInline(() => inWorker({ task: "suggest", input }), () => suggestParallels(...input));
}

async function orInline<T>(inWorkerThread: () => Promise<T>, inline: () => T): Promise<T> {
  try {
    return await inWorkerThread();
  } catch (error) {
    if (!(error instanceof WorkerStartError)) throw error;
    console.warn(`parallax: working inline, the worker did not start (${error.message})`);
    return inline();
  }
}

class WorkerStartError extends Error {}

function inWorker<T>(task: object, onProgress?: (progress: PrepareProgress) => void): Promise<T> {
  // The worker loads the TypeScript sources through tsx, as the scripts do.
  const root = process.cwd();
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(path.join(root, "scripts", "worker-entry.mjs"), {
      workerData: { module: path.join(root, "lib", "revisions", "worker.ts"), ...task },
    });
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "progress") onProgress?.(message.progress);
      else if (message.type === "done") settle(() => resolve(message.result as T));
      else if (message.type === "parse-error") settle(() => reject(new DocumentParseError(message.file, message.line, message.reason)));
      else if (message.type === "app-error") settle(() => reject(new AppError(message.code, message.message)));
      else settle(() => reject(new Error(message.message)));
    });
    worker.on("error", (error) => settle(() => reject(new WorkerStartError(error.message))));
    worker.on("exit", (code) => settle(() => reject(new WorkerStartError(`worker exited with code ${code}`))));
  });
}

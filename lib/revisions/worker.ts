import { parentPort, workerData } from "node:worker_threads";
import { DocumentParseError } from "@/lib/documents/parse";
import { suggestParallels } from "@/lib/links/suggest";
import { AppError } from "@/lib/errors";
import { prepareVersion, type PrepareInput } from "@/lib/revisions/prepare";
import { convertUpload } from "@/lib/revisions/upload";

/**
 * The worker thread behind lib/revisions/off-thread.ts: runs one CPU-heavy task
 * ("prepare" a version, "convert" an upload, or "suggest" parallels) and posts progress, then the result or
 * the error (a parse error keeps its file, line and reason).
 */
type Task =
  | { task: "prepare"; input: PrepareInput }
  | { task: "suggest"; input: Parameters<typeof suggestParallels> }
  | { task: "convert"; input: Parameters<typeof convertUpload> };

function run() {
  const data = workerData as Task;
  try {
    const result =
      data.task === "prepare"
        ? prepareVersion(data.input, (progress) => parentPort!.postMessage({ type: "progress", progress }))
        : data.task === "convert"
          ? convertUpload(...data.input)
          : suggestParallels(...data.input);
    parentPort!.postMessage({ type: "done", result });
  } catch (error) {
    if (error instanceof AppError) {
      parentPort!.postMessage({ type: "app-error", code: error.code, message: error.message });
    } else if (error instanceof DocumentParseError) {
      parentPort!.postMessage({ type: "parse-error", file: error.file, line: error.line, reason: error.reason });
    } else {
      parentPort!.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) });
    }
  }
}

run();

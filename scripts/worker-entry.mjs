// Entry of Parallax's worker threads: loads the TypeScript module named in
// `workerData.module` through tsx, so the server (built by Next) and the scripts (run
// by tsx) share one worker source in lib/.
import { workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

await tsImport(workerData.module, import.meta.url);

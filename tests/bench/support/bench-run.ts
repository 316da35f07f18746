import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../../support/paths";
import { removeDatabase } from "./bench-db";
import { staleBuildNote } from "./build-info";
import { startServer, type BenchServer } from "./server";

const buildStamp = path.join(repoRoot, ".next", "BUILD_ID");
const stamp = () => (fs.existsSync(buildStamp) ? fs.statSync(buildStamp).mtimeMs : 0);
const building = () => spawnSync("pgrep", ["-f", "next build"]).status === 0;

/**
 * Waits while someone's `next build` runs: on two shared cores a build beside a
 * benchmark slows the figures, and when it ends it swaps the build being served.
 */
export async function waitWhileBuilding(log: (message: string) => void = console.error): Promise<void> {
  let told = false;
  while (building()) {
    if (!told) log("waiting for a running `next build` to finish…");
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

const ATTEMPTS = 3;

/**
 * Runs `measure` against a fresh server on its own database, deleted afterwards. Others
 * build in this tree: a build that lands mid-run rewrites `.next` under the running
 * server (it breaks, or serves a mix), so such a run is thrown away and started again
 * once the build is done, up to three times; after that the figures are kept with a
 * warning. Before returning it says if app/ or lib/ changed after the build served.
 */
export async function withServer<T>(
  options: { port: number; database: string },
  measure: (server: BenchServer) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    await waitWhileBuilding();
    const before = stamp();
    const stale = staleBuildNote();
    removeDatabase(options.database);
    const server = await startServer(options);
    try {
      const result = await measure(server);
      if (stamp() !== before || building()) {
        if (attempt < ATTEMPTS) {
          console.error("someone's `next build` replaced the app during the run; starting again");
          continue;
        }
        console.log("Warning: the app was rebuilt during this run; the figures may mix two builds.\n");
      }
      if (stale) console.log(`${stale}\n`);
      return result;
    } catch (error) {
      if ((stamp() !== before || building()) && attempt < ATTEMPTS) {
        console.error(`someone's \`next build\` replaced the app during the run (${String(error).split("\n")[0]}); starting again`);
        continue;
      }
      if (server.exited()) console.error(`The server stopped during the run. Its last output:\n${server.output().slice(-4000)}`);
      throw error;
    } finally {
      await server.stop();
      removeDatabase(options.database);
    }
  }
}

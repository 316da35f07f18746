import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { repoRoot } from "../../support/paths";

export type BenchServer = {
  url: string;
  stop: () => Promise<void>;
  /** Everything the server printed so far (to explain a failure). */
  output: () => string;
  /** True once the server process has exited. */
  exited: () => boolean;
};

/**
 * Starts Parallax the way `npm start` does (migrations, readings, build when needed) on
 * a loopback port with its own database file, and waits until it answers.
 */
export async function startServer({ port, database }: { port: number; database: string }): Promise<BenchServer> {
  const child: ChildProcess = spawn(process.execPath, [path.join(repoRoot, "scripts", "start.mjs")], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: database, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout?.on("data", (chunk) => (log += chunk));
  child.stderr?.on("data", (chunk) => (log += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited early:\n${log}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    output: () => log,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    stop: async () => {
      // A server killed by a signal has a null exitCode: waiting for "exit" would hang.
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid!, "SIGTERM");
      await exited;
    },
  };
}

#!/usr/bin/env node
// `npm run bench`: runs every tests/bench/*.bench.ts in turn (or those named on the
// command line) and stops at the first that fails.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = path.join(root, "tests", "bench");
const wanted = process.argv.slice(2);
const benches = fs
  .readdirSync(dir)
  .filter((name) => name.endsWith(".bench.ts"))
  .filter((name) => wanted.length === 0 || wanted.some((w) => name.includes(w)))
  .sort();

for (const name of benches) {
  console.log(`\n## ${name}\n`);
  const result = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), [path.join(dir, name)], {
    stdio: "inherit",
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

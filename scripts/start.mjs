#!/usr/bin/env node
// `npm start`: prepares the embedded database (migrations, readings, demo data), builds
// the app when the build is missing or older than the code, and serves it.
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.DATABASE_URL ??= "file:./data/parallax.db";
fs.mkdirSync(path.join(root, "data"), { recursive: true });

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`parallax: '${[cmd, ...args].join(" ")}' failed`);
    process.exit(result.status ?? 1);
  }
}

const bin = (name) => path.join(root, "node_modules", ".bin", name);

run(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"]);
run(bin("tsx"), ["scripts/ingest.ts"]);
run(bin("tsx"), ["scripts/seed.ts"]);
// PARALLAX_REUSE_BUILD=1 serves the existing build as it is (benchmarks run beside
// someone editing the code); normally a stale build is rebuilt first.
const reuse = process.env.PARALLAX_REUSE_BUILD === "1" && fs.existsSync(path.join(root, ".next", "BUILD_ID"));
if (!reuse && needsBuild()) run(bin("next"), ["build"]);

const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "0.0.0.0";
const server = spawn(bin("next"), ["start", "-p", port, "-H", host], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

/** True when there is no build, or a source file is newer than the build. */
function needsBuild() {
  const stamp = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  const watched = ["app", "lib", "next.config.js", "package.json", "postcss.config.mjs", "prisma/schema.prisma"];
  return watched.some((entry) => newerThan(path.join(root, entry), built));
}

function newerThan(file, time) {
  if (!fs.existsSync(file)) return false;
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs > time;
  if (file.endsWith(`${path.sep}generated`)) return false;
  return fs.readdirSync(file).some((name) => newerThan(path.join(file, name), time));
}

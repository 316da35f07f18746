#!/usr/bin/env node
// `npm test`: unit and integration tests (Vitest), then browser tests (Playwright), and
// one closing line that adds up both runners: "N passed, N failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const reports = path.join(root, "test-results");
fs.mkdirSync(reports, { recursive: true });
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

const vitestReport = path.join(reports, "vitest.json");
const playwrightReport = path.join(reports, "playwright.json");
fs.rmSync(vitestReport, { force: true });
fs.rmSync(playwrightReport, { force: true });

const typecheck = spawnSync(bin("tsc"), ["--noEmit"], { stdio: "inherit", cwd: root, env });
if (typecheck.status !== 0) {
  console.error("\nThe type check failed.\n0 passed, 1 failed");
  process.exit(1);
}

const vitest = spawnSync(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`], {
  stdio: "inherit",
  cwd: root,
  env,
});
// Browser tests start from a fresh database: the readings and demo data, nothing else.
for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(path.join(root, "data", `e2e.db${suffix}`), { force: true });
const playwright = spawnSync(bin("playwright"), ["test"], {
  stdio: "inherit",
  cwd: root,
  env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
});

const totals = { passed: 0, failed: 0, skipped: 0 };
const v = readJson(vitestReport);
if (v) {
  totals.passed += v.numPassedTests;
  // A file that failed without a failing test (it did not load) counts once too.
  const brokenFiles = (v.testResults ?? []).filter(
    (file) => file.status === "failed" && !(file.assertionResults ?? []).some((test) => test.status === "failed"),
  ).length;
  totals.failed += v.numFailedTests + brokenFiles;
  totals.skipped += v.numPendingTests + v.numTodoTests;
} else if (vitest.status !== 0) totals.failed += 1;
const p = readJson(playwrightReport);
if (p) {
  totals.passed += p.stats.expected + p.stats.flaky;
  totals.failed += p.stats.unexpected;
  totals.skipped += p.stats.skipped;
} else if (playwright.status !== 0) totals.failed += 1;

const ok = vitest.status === 0 && playwright.status === 0 && totals.failed === 0;
if (!ok && totals.failed === 0) totals.failed = 1; // a runner crashed before reporting
console.log(`\n${totals.passed} passed, ${totals.failed} failed` + (totals.skipped ? `, ${totals.skipped} skipped` : ""));
process.exit(ok ? 0 : 1);

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../../support/paths";

function newestUnder(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  if (entry.endsWith(`${path.sep}generated`)) return 0;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestUnder(path.join(entry, name))));
}

/**
 * With PARALLAX_REUSE_BUILD=1 the server serves whatever build is there; this says so
 * when app/ or lib/ changed after it, since those changes are then not what is measured.
 */
export function staleBuildNote(): string | null {
  const stamp = path.join(repoRoot, ".next", "BUILD_ID");
  if (process.env.PARALLAX_REUSE_BUILD !== "1" || !fs.existsSync(stamp)) return null;
  const built = fs.statSync(stamp).mtimeMs;
  const changed = ["app", "lib"].filter((dir) => newestUnder(path.join(repoRoot, dir)) > built);
  if (changed.length === 0) return null;
  return `Note: serving the build of ${new Date(built).toISOString()}; ${changed.join(" and ")} changed since, and those changes are not measured here.`;
}

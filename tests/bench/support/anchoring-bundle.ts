import path from "node:path";
import { build } from "esbuild";
import { repoRoot } from "../../support/paths";

/**
 * The browser half of anchoring as one IIFE script: the reader exposes nothing global,
 * so a benchmark bundles the modules the reader's client code imports (`anchor`,
 * `Highlighter`, `TextIndex`) with its own page-side code (`highlights-page.ts`, which
 * sets `window.parallaxBench`) and injects it with `page.addScriptTag`. Minified, as
 * the production build is. Bundling page code also keeps it clear of the helpers tsx
 * adds to functions, which break functions passed to `page.evaluate` as source.
 */
export async function bundleAnchoring(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, "highlights-page.ts")],
    tsconfig: path.join(repoRoot, "tsconfig.json"),
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

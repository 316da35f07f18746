/** @type {import('next').NextConfig} */
const nextConfig = {
  // The reader is server-rendered; a smaller client bundle matters more than dev niceties.
  reactStrictMode: true,
  poweredByHeader: false,
  // tsx (and its esbuild) load the worker threads' TypeScript at run time
  // (lib/revisions/off-thread.ts): required from node_modules, never bundled.
  serverExternalPackages: ["better-sqlite3", "tsx", "esbuild"],
  // `npm test` type-checks the whole project once (tsc --noEmit) before anything else;
  // repeating it inside every build only slows `npm start` down.
  typescript: { ignoreBuildErrors: true },
};

module.exports = nextConfig;

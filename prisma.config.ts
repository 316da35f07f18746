import path from "node:path";
import fs from "node:fs";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// Prisma's CLI only checks that these engine files exist; the JS/WASM engines do the
// work, so a placeholder keeps every command offline.
const placeholder = path.join(__dirname, "prisma", "engine-placeholder");
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= placeholder;
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= placeholder;
if (fs.existsSync(".env")) process.loadEnvFile(".env");
process.env.DATABASE_URL ??= "file:./data/parallax.db";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! }),
});

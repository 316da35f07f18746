import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";

const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

export type TestDatabase = { db: PrismaClient; file: string; close: () => Promise<void> };

/**
 * A fresh SQLite file in a temporary folder with every migration applied, and a Prisma
 * client on it. `close` disconnects and deletes the file.
 */
export function createTestDatabase(): TestDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-test-"));
  const file = path.join(dir, "test.db");
  const sqlite = new Database(file);
  for (const migration of fs.readdirSync(migrationsDir).filter((name) => !name.endsWith(".toml")).sort()) {
    sqlite.exec(fs.readFileSync(path.join(migrationsDir, migration, "migration.sql"), "utf8"));
  }
  sqlite.close();
  const db = createPrismaClient(`file:${file}`);
  return {
    db,
    file,
    close: async () => {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/db/url";

/** Builds a Prisma client on the embedded SQLite file (or any `file:` URL). */
export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

const globalForPrisma = globalThis as unknown as { parallaxPrisma?: PrismaClient };

/** The process-wide client; kept on globalThis so dev reloads do not open new handles. */
export const prisma: PrismaClient = (globalForPrisma.parallaxPrisma ??= createPrismaClient());

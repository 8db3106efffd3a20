// The only Prisma client. Kept on globalThis so dev rebuilds do not open a new connection each time.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { env } from "./env.server";

export function createPrismaClient(url: string): PrismaClient {
  const adapter = new PrismaBetterSQLite3({ url, timeout: 15_000 }, { timestampFormat: "unixepoch-ms" });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { __apoiaDb?: PrismaClient };

export const db: PrismaClient = globalForDb.__apoiaDb ?? (globalForDb.__apoiaDb = createPrismaClient(env.DATABASE_URL));

export type Db = PrismaClient;
/** A client or an interactive transaction: domain functions accept either. */
export type DbOrTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

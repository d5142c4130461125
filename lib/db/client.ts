import "server-only";
import type pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { readEnv } from "@/lib/env.js";
import { AtlasPool } from "./atlas-pool";
import { toPoolConfig } from "./pool-config";
import { markConnectionLost } from "@/lib/errors/to-database-failure";

type Db = { pool: pg.Pool; prisma: PrismaClient };

// One pool per process. Kept on globalThis so Next's dev reloads do not leak pools.
const holder = globalThis as typeof globalThis & { __atlasDb?: Db };

function connectionString(): string {
  const { DATABASE_URL } = readEnv();
  if (!DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set. Run `npm start` (it starts the embedded database) or point DATABASE_URL at Postgres.",
    );
  }
  return DATABASE_URL;
}

function open(): Db {
  const env = readEnv();
  const pool = new AtlasPool(toPoolConfig(connectionString(), env), env.ATLAS_DB_CONNECT_TIMEOUT_MS);
  // A client losing its connection (idle in the pool, or checked out mid-query) must not crash
  // the server: the query in flight rejects with the same error, marked so the API answers 503,
  // and the pool discards the client.
  pool.on("error", (err) => {
    markConnectionLost(err);
    console.error("postgres pool error:", err.message);
  });
  pool.on("connect", (client) =>
    client.on("error", (err) => {
      markConnectionLost(err);
      console.error("postgres connection error:", err.message);
    }),
  );
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { pool, prisma };
}

function db(): Db {
  holder.__atlasDb ??= open();
  return holder.__atlasDb;
}

/** The pg pool behind Prisma, for bulk SQL (unnest inserts) that Prisma is slow at. */
export function getPool(): pg.Pool {
  return db().pool;
}

export function getPrisma(): PrismaClient {
  return db().prisma;
}

export async function closeDb(): Promise<void> {
  const current = holder.__atlasDb;
  holder.__atlasDb = undefined;
  if (!current) return;
  await current.prisma.$disconnect();
  await current.pool.end();
}

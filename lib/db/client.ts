import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { readEnv } from "@/lib/env.js";
import { AtlasPool } from "./atlas-pool";
import { toPoolConfig } from "./pool-config";
import { markConnectionLost } from "@/lib/errors/to-database-failure";

type Connection = { pool: pg.Pool; prisma: PrismaClient };
type Db = Connection & { replica: Connection | null };

// One pool per process (and one to the read replica, if any). Kept on globalThis so Next's dev reloads do not leak pools.
const holder = globalThis as typeof globalThis & { __atlasDb?: Db };
// Set while a read route runs (lib/api/define-route.ts): its queries may go to the replica.
const onReplica = new AsyncLocalStorage<true>();

function connectionString(): string {
  const { DATABASE_URL } = readEnv();
  if (!DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set. Run `npm start` (it starts the embedded database) or point DATABASE_URL at Postgres.",
    );
  }
  return DATABASE_URL;
}

function openPool(url: string): pg.Pool {
  const env = readEnv();
  const pool = new AtlasPool(toPoolConfig(url, env), env.ATLAS_DB_CONNECT_TIMEOUT_MS);
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
  return pool;
}

function open(): Db {
  const { DATABASE_READ_URL, ATLAS_DATABASE_KIND } = readEnv();
  const replica = DATABASE_READ_URL && ATLAS_DATABASE_KIND === "postgres" ? connect(DATABASE_READ_URL) : null;
  return { ...connect(connectionString()), replica };
}

function connect(url: string): Connection {
  const pool = openPool(url);
  return { pool, prisma: new PrismaClient({ adapter: new PrismaPg(pool) }) };
}

/** The connection for this query: the replica's inside `readingFromReplica` when there is one, else the primary's. */
function current(): Connection {
  const { replica, ...primary } = db();
  return (onReplica.getStore() && replica) || primary;
}

function db(): Db {
  holder.__atlasDb ??= open();
  return holder.__atlasDb;
}

/**
 * The pg pool behind Prisma, for bulk SQL (unnest inserts) that Prisma is slow at.
 * Inside `readingFromReplica` (a read route), the read replica's pool when
 * DATABASE_READ_URL is set; the primary's otherwise and everywhere else.
 */
export function getPool(): pg.Pool {
  return current().pool;
}

/**
 * Runs a read route's work with its queries on the read replica (DATABASE_READ_URL),
 * if there is one. What it reads may lag the primary by the replica's delay; writes
 * and the checks that guard them (tokens, rate budgets) always run on the primary.
 */
export function readingFromReplica<T>(work: () => Promise<T>): Promise<T> {
  return onReplica.run(true, work);
}

export function getPrisma(): PrismaClient {
  return current().prisma;
}

export async function closeDb(): Promise<void> {
  const open = holder.__atlasDb;
  holder.__atlasDb = undefined;
  if (!open) return;
  for (const c of [open, open.replica]) {
    if (!c) continue;
    await c.prisma.$disconnect();
    await c.pool.end();
  }
}

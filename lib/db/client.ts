import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { readEnv } from "@/lib/env.js";

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
  // The embedded PGlite is one session shared by every socket: pglite-socket interleaves the
  // extended-protocol messages of concurrent connections outside transactions (seen as
  // "unnamed prepared statement does not exist"), so a process talks to it over one connection.
  const max = readEnv().ATLAS_DATABASE_KIND === "embedded" ? 1 : 8;
  const pool = new pg.Pool({ connectionString: connectionString(), max });
  // A client losing its connection (idle in the pool, or checked out mid-query) must not crash
  // the server: the query in flight rejects, and the pool discards the client.
  pool.on("error", (err) => console.error("postgres pool error:", err.message));
  pool.on("connect", (client) => client.on("error", (err) => console.error("postgres connection error:", err.message)));
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

import "server-only";
// Embedded Postgres for machines without a Postgres server: PGlite 0.4.6
// (PostgreSQL 17.5 compiled to wasm, in-process) with its data persisted in a
// folder, served over TCP (pglite-socket's protocol handler, our scheduler in
// ./embedded-socket-server) so that `pg`, Prisma's adapter-pg
// and the Prisma CLI (`migrate deploy` through scripts/prisma.mjs) use it like
// any Postgres server.
//
// Limits, by construction of PGlite:
//  - One backend: queries from all connections are SERIALISED, and while one
//    connection has a transaction open every other connection waits for it.
//  - COPY (FROM STDIN / TO STDOUT) is NOT supported over the socket (it wedges
//    the server): bulk-load with `INSERT ... SELECT FROM unnest($1::int[], ...)`.
//  - Only the one database (`postgres`) exists in practice; `migrate dev`
//    needs a real Postgres or another PGlite as SHADOW_DATABASE_URL.
//  - Clients must not ask for TLS (the url carries sslmode=disable).
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { serveEmbedded } from "./embedded-socket-server";

export type EmbeddedPostgresOptions = {
  /** Folder holding the database files; created if missing. */
  dataDir: string;
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; 127.0.0.1 by default (never expose it). */
  host?: string;
  /** Concurrent client connections accepted. */
  maxConnections?: number;
};

export type EmbeddedPostgres = {
  /** postgresql://postgres@HOST:PORT/postgres?sslmode=disable, with the real port. */
  url: string;
  stop(): Promise<void>;
};

export async function startEmbeddedPostgres({
  dataDir,
  port = 0,
  host = "127.0.0.1",
  maxConnections = 8,
}: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir });
  let server: Awaited<ReturnType<typeof serveEmbedded>>;
  try {
    server = await serveEmbedded(db, host, port, maxConnections);
  } catch (error) {
    await db.close();
    throw error;
  }
  const url = `postgresql://postgres@${host}:${server.port}/postgres?sslmode=disable`;

  let stopped: Promise<void> | null = null;
  return {
    url,
    stop() {
      stopped ??= (async () => {
        await server.stop();
        // PGlite's close() resets process.exitCode to 0 (its emscripten runtime
        // exits), which would turn a failed test run or CLI into a success.
        const exitCode = process.exitCode;
        await db.close(); // flushes the data to dataDir
        process.exitCode = exitCode;
      })();
      return stopped;
    },
  };
}

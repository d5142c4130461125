import "server-only";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { readEnv } from "@/lib/env.js";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { installJobEngine } from "./job-engine";

export type OpenDatabase = { url: string; kind: "postgres" | "embedded"; stop: () => Promise<void> };

/** While `npm start` serves the embedded database, other processes (ingest) use it through this file. */
function runningFile(dataDir: string): string {
  return path.join(path.dirname(path.resolve(dataDir)), "embedded-server.json");
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Which server a URL reaches: PGlite reports a wasm32 build in version(), which the pool's rules depend on. */
async function serverKind(url: string): Promise<OpenDatabase["kind"]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: readEnv().ATLAS_DB_CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
    const { rows } = await client.query<{ version: string }>("SELECT version()");
    return /wasm32|emscripten/i.test(rows[0].version) ? "embedded" : "postgres";
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Applies the committed migrations through the project's offline Prisma wrapper, then installs the job engine's schema (pg-boss). */
export async function migrateDeploy(url: string): Promise<void> {
  await prismaMigrateDeploy(url);
  await installJobEngine(url);
}

function prismaMigrateDeploy(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve("scripts/prisma.mjs"), "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed:\n${output}`))));
  });
}

/**
 * Points this process's database client (lib/db/client.ts) at `db`: its URL, and
 * its kind, on which the pool's rules depend (one connection to the embedded
 * database, as the server keeps; timeouts on Postgres). Child processes inherit it.
 */
function connectTo(db: OpenDatabase): OpenDatabase {
  process.env.DATABASE_URL = db.url;
  process.env.ATLAS_DATABASE_KIND = db.kind;
  return db;
}

/**
 * The database for this process, which every script and the launcher open the
 * same way: DATABASE_URL when set; otherwise the embedded PGlite in
 * ATLAS_DATA_DIR (joining the one `npm start` is serving, if any). Migrations are
 * applied either way, and the process's client is pointed at it. `serve`
 * publishes the embedded server for other processes to join.
 */
export async function openDatabase(opts: { serve?: boolean; port?: number } = {}): Promise<OpenDatabase> {
  const env = readEnv();
  if (env.DATABASE_URL) {
    await migrateDeploy(env.DATABASE_URL);
    // the URL may be an embedded server's (a child of a process on it): the server says which it is
    return connectTo({ url: env.DATABASE_URL, kind: await serverKind(env.DATABASE_URL), stop: async () => undefined });
  }
  const published = runningFile(env.ATLAS_DATA_DIR);
  if (!opts.serve && existsSync(published)) {
    const { url } = JSON.parse(readFileSync(published, "utf8")) as { url: string };
    if (await answers(url)) return connectTo({ url, kind: "embedded", stop: async () => undefined });
  }
  mkdirSync(env.ATLAS_DATA_DIR, { recursive: true });
  const embedded = await startEmbeddedPostgres({ dataDir: env.ATLAS_DATA_DIR, port: opts.port ?? 0 });
  await migrateDeploy(embedded.url);
  if (opts.serve) writeFileSync(published, JSON.stringify({ url: embedded.url, pid: process.pid }));
  return connectTo({
    url: embedded.url,
    kind: "embedded",
    stop: async () => {
      if (opts.serve) rmSync(published, { force: true });
      await embedded.stop();
    },
  });
}

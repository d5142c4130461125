// Issue 10: every process on the embedded database (the server, `npm run ingest`, `npm run token`) keeps
// the single-connection rule, because openDatabase points the process's client at the database and its kind.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { closeDb, getPool } from "./client";
import { openDatabase, type OpenDatabase } from "./open-database";

const saved = { DATABASE_URL: process.env.DATABASE_URL, ATLAS_DATABASE_KIND: process.env.ATLAS_DATABASE_KIND, ATLAS_DATA_DIR: process.env.ATLAS_DATA_DIR };
const dir = mkdtempSync(path.join(tmpdir(), "atlas-open-db-"));
let served: OpenDatabase | undefined;

afterAll(async () => {
  await closeDb();
  await served?.stop();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe("openDatabase", () => {
  it("with DATABASE_URL: the process's client uses it with the pool its server calls for, whatever kind was left in the environment", async () => {
    // the server says what it is: Postgres, or an embedded PGlite's socket (a CLI started by the tests or by npm start)
    const kind = inject("databaseKind");
    process.env.ATLAS_DATABASE_KIND = kind === "postgres" ? "embedded" : "postgres";
    const db = await openDatabase();
    expect([db.kind, process.env.ATLAS_DATABASE_KIND, process.env.DATABASE_URL]).toEqual([kind, kind, inject("databaseUrl")]);
    await closeDb();
    expect(getPool().options.max).toBe(kind === "postgres" ? 8 : 1);
    await closeDb();
  });

  it("on the embedded database, served or joined (as `npm run ingest` joins `npm start`): one connection", async () => {
    delete process.env.DATABASE_URL;
    process.env.ATLAS_DATA_DIR = path.join(dir, "pglite");
    served = await openDatabase({ serve: true });
    expect([served.kind, process.env.ATLAS_DATABASE_KIND, process.env.DATABASE_URL]).toEqual(["embedded", "embedded", served.url]);

    // another process: nothing set but the data folder, which names the running server
    delete process.env.DATABASE_URL;
    process.env.ATLAS_DATABASE_KIND = "postgres";
    const joined = await openDatabase();
    expect([joined.kind, joined.url, process.env.ATLAS_DATABASE_KIND]).toEqual(["embedded", served.url, "embedded"]);
    await closeDb();
    expect(getPool().options.max).toBe(1);
    expect((await getPool().query<{ n: number }>("SELECT 1 AS n")).rows[0].n).toBe(1);
  });
});

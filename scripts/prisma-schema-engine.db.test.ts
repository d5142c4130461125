// Drives the real Prisma CLI through scripts/prisma.mjs (and so through the
// wasm schema-engine shim) against the local Postgres and an embedded PGlite,
// then checks the integrity rules of the hand-written migration.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
// The server of the test database (DATABASE_URL); this file makes and drops its own database there.
const onPostgres = inject("databaseKind") === "postgres";
const SERVER = onPostgres ? inject("databaseUrl").replace(/\/[^/?]*(\?.*)?$/, "") : "";
// Named after the test database, so test runs on different *_test databases of one server do not collide.
const DB = onPostgres ? `${decodeURIComponent(new URL(inject("databaseUrl")).pathname.slice(1)).replace(/_test$/, "")}_engine_test` : "";
const URL_ = `${SERVER}/${DB}`;
const TABLES = [
  "_prisma_migrations", "analysis_queue", "api_token", "checkpoint", "checkpoint_result_count", "curve_analysis", "metric",
  "model", "model_alias", "model_edit", "model_family", "rate_limit", "result", "result_count", "result_item", "result_superseded",
  "task", "task_metric", "upload", "upload_deletion", "upload_idempotency",
];

async function prisma(url: string, ...args: string[]) {
  const started = Date.now();
  const { stdout, stderr } = await run(process.execPath, [path.join(root, "scripts/prisma.mjs"), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
  });
  return { stdout, stderr, ms: Date.now() - started };
}

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function tablesOf(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  );
  return rows.map((r) => r.table_name);
}

/** Fixtures: one checkpoint, one task, a metric bounded to [0, 1]. */
async function seed(client: pg.ClientBase) {
  const one = async (sql: string) => (await client.query(sql)).rows[0].id as number;
  const model = await one(`INSERT INTO model (name) VALUES ('pythia-70m') RETURNING id`);
  const checkpoint = await one(`INSERT INTO checkpoint (model_id, revision) VALUES (${model}, 'final') RETURNING id`);
  const task = await one(`INSERT INTO task (name) VALUES ('arc_easy') RETURNING id`);
  const metric = await one(`INSERT INTO metric (name, lower_bound, upper_bound) VALUES ('acc', 0, 1) RETURNING id`);
  return { checkpoint, task, metric };
}

async function sqlState(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: string; message: string };
    return { code: e.code, message: e.message };
  }
  throw new Error("expected the statement to fail");
}

// Needs a real Postgres server: runs whenever the db tests run on one (CI always does).
describe.runIf(onPostgres)("prisma CLI over the wasm schema engine, on Postgres", () => {
  let client: pg.Client;
  let ids: Awaited<ReturnType<typeof seed>>;
  const insert = (value: string, extra: { stderr?: string; shots?: string; n?: string } = {}) =>
    client.query(
      `INSERT INTO result (checkpoint_id, task_id, metric_id, shots, value, stderr, n)
       VALUES ($1, $2, $3, ${extra.shots ?? "NULL"}, ${value}, ${extra.stderr ?? "NULL"}, ${extra.n ?? "NULL"})`,
      [ids.checkpoint, ids.task, ids.metric],
    );

  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${DB}`);
  });

  afterAll(async () => {
    await client?.end();
    await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  });

  it("migrate deploy applies every migration, then migrate status is clean", async () => {
    const deploy = await prisma(URL_, "migrate", "deploy");
    console.log(`migrate deploy on Postgres: ${deploy.ms} ms`);
    expect(deploy.stdout).toContain("All migrations have been successfully applied.");
    expect(deploy.stdout).toMatch(/_init/);
    expect(deploy.stdout).toMatch(/_integrity/);

    const status = await prisma(URL_, "migrate", "status");
    expect(status.stdout).toContain("Database schema is up to date!");

    const again = await prisma(URL_, "migrate", "deploy");
    expect(again.stdout).toContain("No pending migrations to apply.");

    client = new pg.Client({ connectionString: URL_ });
    await client.connect();
    expect(await tablesOf(client)).toEqual(TABLES);
    ids = await seed(client);
  });

  it("accepts a valid result", async () => {
    await insert("0.5", { stderr: "0.01", shots: "0", n: "100" });
  });

  it("rejects NaN and ±Infinity values", async () => {
    for (const v of ["'NaN'::float8", "'Infinity'::float8", "'-Infinity'::float8"]) {
      const e = await sqlState(insert(v, { shots: "1" }));
      expect(e.code).toBe("23514");
      expect(e.message).toContain("result_value_finite");
    }
  });

  it("rejects a negative or non-finite stderr, n <= 0 and negative shots", async () => {
    expect((await sqlState(insert("0.5", { stderr: "-0.1", shots: "2" }))).code).toBe("23514");
    expect((await sqlState(insert("0.5", { stderr: "'NaN'::float8", shots: "2" }))).code).toBe("23514");
    expect((await sqlState(insert("0.5", { n: "0", shots: "2" }))).code).toBe("23514");
    expect((await sqlState(insert("0.5", { shots: "-1" }))).code).toBe("23514");
  });

  it("rejects a value outside its metric's bounds, on INSERT and on UPDATE", async () => {
    const e = await sqlState(insert("1.5", { shots: "3" }));
    expect(e.code).toBe("23514");
    expect(e.message).toBe('result value 1.5 is outside the bounds [0, 1] of metric "acc"');
    // one bad row fails the whole multi-row statement
    const bulk = await sqlState(
      client.query(
        `INSERT INTO result (checkpoint_id, task_id, metric_id, shots, value)
         SELECT $1, $2, $3, s, CASE WHEN s = 999 THEN -0.5 ELSE 0.5 END FROM generate_series(10, 1009) AS s`,
        [ids.checkpoint, ids.task, ids.metric],
      ),
    );
    expect(bulk.code).toBe("23514");
    expect(bulk.message).toContain("-0.5");
    const upd = await sqlState(client.query(`UPDATE result SET value = 2 WHERE metric_id = $1`, [ids.metric]));
    expect(upd.code).toBe("23514");
    // a metric's bounds themselves must be ordered and finite
    expect((await sqlState(client.query(`INSERT INTO metric (name, lower_bound, upper_bound) VALUES ('x', 1, 0)`))).code).toBe("23514");
    expect((await sqlState(client.query(`INSERT INTO metric (name, upper_bound) VALUES ('y', 'Infinity')`))).code).toBe("23514");
  });

  it("a bulk insert within bounds passes the statement-level trigger", async () => {
    const { rowCount } = await client.query(
      `INSERT INTO result (checkpoint_id, task_id, metric_id, shots, filter, value)
       SELECT $1, $2, $3, NULL, 'f' || s, 0.5 FROM generate_series(1, 20000) AS s`,
      [ids.checkpoint, ids.task, ids.metric],
    );
    expect(rowCount).toBe(20000);
  });

  it("treats NULL shots as equal in the natural key (re-ingesting conflicts)", async () => {
    await insert("0.25"); // shots NULL, filter 'none'
    const e = await sqlState(insert("0.30"));
    expect(e.code).toBe("23505");
    expect(e.message).toContain("result_natural_key");
    // and ON CONFLICT on the natural key updates instead
    await client.query(
      `INSERT INTO result (checkpoint_id, task_id, metric_id, shots, filter, value) VALUES ($1, $2, $3, NULL, 'none', 0.75)
       ON CONFLICT (checkpoint_id, task_id, metric_id, shots, filter) DO UPDATE SET value = excluded.value`,
      [ids.checkpoint, ids.task, ids.metric],
    );
    const { rows } = await client.query(`SELECT value FROM result WHERE shots IS NULL AND filter = 'none'`);
    expect(rows).toEqual([{ value: 0.75 }]);
  });

  it("checks model and checkpoint scale facts", async () => {
    expect((await sqlState(client.query(`INSERT INTO model (name, parameters) VALUES ('m0', 0)`))).code).toBe("23514");
    expect((await sqlState(client.query(`INSERT INTO model (name, training_flops) VALUES ('m1', 'NaN')`))).code).toBe("23514");
    expect((await sqlState(client.query(`INSERT INTO model (name, tokens_per_step) VALUES ('m2', 'Infinity')`))).code).toBe("23514");
    const { rows } = await client.query(`SELECT id FROM model LIMIT 1`);
    expect((await sqlState(client.query(`INSERT INTO checkpoint (model_id, revision, step) VALUES ($1, 's', -1)`, [rows[0].id]))).code).toBe("23514");
    expect((await sqlState(client.query(`INSERT INTO checkpoint (model_id, revision, tokens_seen) VALUES ($1, 't', 'Infinity')`, [rows[0].id]))).code).toBe("23514");
  });
});

describe("prisma CLI over the wasm schema engine, on embedded PGlite", () => {
  let dataDir: string;
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>>;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "atlas-pglite-"));
    embedded = await startEmbeddedPostgres({ dataDir });
  });

  afterAll(async () => {
    await embedded?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("migrate deploy and migrate status work over the PGlite socket", async () => {
    const deploy = await prisma(embedded.url, "migrate", "deploy");
    console.log(`migrate deploy on PGlite: ${deploy.ms} ms`);
    expect(deploy.stdout).toContain("All migrations have been successfully applied.");
    const status = await prisma(embedded.url, "migrate", "status");
    expect(status.stdout).toContain("Database schema is up to date!");

    const client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    try {
      expect(await tablesOf(client)).toEqual(TABLES);
      const ids = await seed(client);
      const e = await sqlState(
        client.query(`INSERT INTO result (checkpoint_id, task_id, metric_id, value) VALUES ($1, $2, $3, 7)`, [
          ids.checkpoint,
          ids.task,
          ids.metric,
        ]),
      );
      expect(e.code).toBe("23514");
    } finally {
      await client.end();
    }
  });
});

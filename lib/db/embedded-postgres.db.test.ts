import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-postgres";

describe("startEmbeddedPostgres", () => {
  const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), "atlas-embedded-")), "data"); // created on start
  afterAll(() => rmSync(path.dirname(dataDir), { recursive: true, force: true }));

  /** A fresh embedded database with two connected clients, all closed afterwards. */
  async function withTwoClients(name: string, work: (a: pg.Client, b: pg.Client) => Promise<void>): Promise<void> {
    const db = await startEmbeddedPostgres({ dataDir: `${dataDir}-${name}` });
    const [a, b] = [new pg.Client({ connectionString: db.url }), new pg.Client({ connectionString: db.url })];
    try {
      await Promise.all([a.connect(), b.connect()]);
      await work(a, b);
    } finally {
      await Promise.allSettled([a.end(), b.end()]);
      await db.stop();
    }
  }

  it("serves PGlite over TCP, with several pooled connections, and persists across restarts", async () => {
    const first = await startEmbeddedPostgres({ dataDir });
    expect(first.url).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres\?sslmode=disable$/);
    expect(first.url).not.toContain(":0/");
    const pool = new pg.Pool({ connectionString: first.url, max: 4 });
    try {
      await pool.query("CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)");
      await pool.query("INSERT INTO note VALUES (1, 'kept'), (2, 'also kept')");
      // four clients at once: the socket server accepts them and serialises their queries
      const clients = await Promise.all([1, 2, 3, 4].map(() => pool.connect()));
      const counts = await Promise.all(clients.map((c) => c.query("SELECT count(*)::int AS n FROM note")));
      clients.forEach((c) => c.release());
      expect(counts.map((r) => r.rows[0].n)).toEqual([2, 2, 2, 2]);
    } finally {
      await pool.end();
      await first.stop();
    }

    const second = await startEmbeddedPostgres({ dataDir });
    const client = new pg.Client({ connectionString: second.url });
    try {
      await client.connect();
      const { rows } = await client.query("SELECT id, body FROM note ORDER BY id");
      expect(rows).toEqual([
        { id: 1, body: "kept" },
        { id: 2, body: "also kept" },
      ]);
    } finally {
      await client.end();
      await second.stop();
    }
  });

  it("keeps each connection's extended-protocol messages together, so an error on one never answers another", async () => {
    await withTwoClients("interleave", async (failing, reading) => {
      const errors: unknown[] = [];
      failing.on("error", (e) => errors.push(e));
      reading.on("error", (e) => errors.push(e));
      // Parse/Bind/Execute/Sync from two connections at once, one of them failing
      // inside a transaction, at Bind (a folded constant) or at Execute (a row):
      // each answer must come back to the connection that asked, once
      await failing.query("CREATE TABLE positive (v int CHECK (v > 0))");
      await failing.query(`CREATE TABLE refused (v int);
        CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql SET work_mem = '64MB' AS $$ BEGIN IF (SELECT min(v) FROM new_rows) = 0 THEN RAISE EXCEPTION 'refused by its trigger'; END IF; RETURN NULL; END $$;
        CREATE TRIGGER refuse AFTER INSERT ON refused REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse()`);
      const failures = [
        { sql: "SELECT 1 / $1::int AS v", error: "division by zero" }, // at Bind
        { sql: "INSERT INTO positive VALUES (1), (1 / $1::int)", error: "division by zero" }, // at Execute
        { sql: "INSERT INTO positive VALUES ($1)", error: 'new row for relation "positive" violates check constraint "positive_v_check"' },
        { sql: "INSERT INTO refused VALUES ($1)", error: "refused by its trigger" }, // raised in PL/pgSQL
      ];
      const rounds = Array.from({ length: 60 }, (_, i) => i);
      const failLoop = async () => {
        const failed: string[] = [];
        for (const round of rounds) {
          await failing.query("BEGIN");
          await failing.query("INSERT INTO refused VALUES ($1)", [1]); // a statement that succeeds first
          const { sql } = failures[round % failures.length];
          failed.push(await failing.query(sql, [0]).then(() => "answered", (e: Error) => e.message));
          await failing.query("ROLLBACK");
        }
        return failed;
      };
      const readLoop = async () => {
        const read: number[] = [];
        for (const i of rounds) read.push((await reading.query("SELECT $1::int AS v", [i])).rows[0].v);
        return read;
      };
      const [failed, read_] = await Promise.all([failLoop(), readLoop()]);
      expect(failed).toEqual(rounds.map((round) => failures[round % failures.length].error));
      expect(read_).toEqual(rounds);
      expect(errors).toEqual([]);
      expect((await failing.query("SELECT 2 AS v")).rows).toEqual([{ v: 2 }]);
    });
  });

  it("rolls back what a vanished connection left open, and the others go on", async () => {
    await withTwoClients("vanish", async (leaving, staying) => {
      await staying.query("CREATE TABLE kept (v int)");
      await leaving.query("BEGIN");
      await leaving.query("INSERT INTO kept VALUES ($1)", [1]);
      // the other connection waits for the open transaction, then runs once it is gone
      const waiting = staying.query("SELECT count(*)::int AS n FROM kept WHERE v = $1", [1]);
      const cut = leaving.query("SELECT $1::int AS v", [2]).catch((e: Error) => e.message);
      await leaving.end();
      expect(await cut).toMatch(/terminated/);
      expect((await waiting).rows).toEqual([{ n: 0 }]);
    });
  });

  it("leaves the process exit code alone when it stops (PGlite's close resets it to 0)", async () => {
    const db = await startEmbeddedPostgres({ dataDir: `${dataDir}-exit` });
    const before = process.exitCode;
    process.exitCode = 7;
    try {
      await db.stop();
      expect(process.exitCode).toBe(7);
    } finally {
      process.exitCode = before;
    }
  });
});

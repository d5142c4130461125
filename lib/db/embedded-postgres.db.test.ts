import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-postgres";

describe("startEmbeddedPostgres", () => {
  const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), "atlas-embedded-")), "data"); // created on start
  afterAll(() => rmSync(path.dirname(dataDir), { recursive: true, force: true }));

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

import { beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { ingestFile } from "@/lib/services/ingest/ingest-file";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { longCsv, uniqueName } from "@/lib/testing/factories";
import type { RegistryLookup } from "@/lib/ingest/plan-types";
import type { CopyColumns } from "@/lib/ingest/to-copy-text";
import { withTransaction } from "./with-transaction";
import { writeResults } from "./write-results";

// result has no row-level foreign keys (prisma/migrations/*_lean_result_writes): these
// tests hold the statement-level triggers to the guarantees the foreign keys gave.

let registry: RegistryLookup;
beforeAll(async () => {
  registry = await buildRegistry();
});

type Ids = { checkpoint: number; task: number; metric: number; upload: number };

/** One stored result of a fresh task, through the real ingest path; its ids. */
async function storedResult(): Promise<Ids & { taskName: string }> {
  const taskName = uniqueName("task");
  const outcome = await ingestFile({ fileName: `${taskName}.csv`, bytes: longCsv([{ model: "pythia-70m", task: taskName, metric: "acc", value: 0.4, shots: 0 }]), registry });
  if (!outcome.ok) throw new Error(outcome.error);
  const { rows } = await getPool().query<Ids>(
    `SELECT r.checkpoint_id AS checkpoint, r.task_id AS task, r.metric_id AS metric, r.upload_id AS upload
     FROM result r JOIN task t ON t.id = r.task_id WHERE t.name = $1`,
    [taskName],
  );
  expect(rows).toHaveLength(1);
  return { ...rows[0], taskName };
}

const insertRow = (ids: Ids, shots: number) =>
  getPool().query(
    "INSERT INTO result (checkpoint_id, task_id, metric_id, shots, filter, value, upload_id) VALUES ($1, $2, $3, $4, 'none', 0.5, $5)",
    [ids.checkpoint, ids.task, ids.metric, shots, ids.upload],
  );

async function resultsOfTask(taskId: number): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM result WHERE task_id = $1", [taskId]);
  return rows[0].n;
}

describe("result references without row-level foreign keys", () => {
  it.each([
    ["checkpoint", /missing checkpoint/],
    ["task", /missing task/],
    ["metric", /missing metric/],
    ["upload", /missing upload/],
  ] as const)("refuses a row whose %s does not exist, and stores nothing of the statement", async (parent, message) => {
    const ids = await storedResult();
    const broken = { ...ids, [parent]: 2_000_000_000 };
    const attempt = getPool().query(
      `INSERT INTO result (checkpoint_id, task_id, metric_id, shots, filter, value, upload_id)
       VALUES ($1, $2, $3, 1, 'none', 0.5, $4), ($5, $6, $7, 2, 'none', 0.5, $8)`,
      [ids.checkpoint, ids.task, ids.metric, ids.upload, broken.checkpoint, broken.task, broken.metric, broken.upload],
    );
    await expect(attempt).rejects.toMatchObject({ code: "23503", message: expect.stringMatching(message) });
    expect(await resultsOfTask(ids.task)).toBe(1);
  });

  it("refuses an update that points a row at a missing upload (its key never changes: result_key_fixed)", async () => {
    const ids = await storedResult();
    await expect(getPool().query("UPDATE result SET upload_id = 2000000000 WHERE task_id = $1", [ids.task])).rejects.toMatchObject({ code: "23503" });
    const { rows } = await getPool().query<{ upload_id: number }>("SELECT upload_id FROM result WHERE task_id = $1", [ids.task]);
    expect(rows).toEqual([{ upload_id: ids.upload }]);
  });

  it("a row with no upload is allowed, as the nullable foreign key allowed it", async () => {
    const ids = await storedResult();
    await insertRow({ ...ids, upload: null as unknown as number }, 3);
    expect(await resultsOfTask(ids.task)).toBe(2);
  });

  it("deleting a task deletes its results; deleting an upload keeps its results without it", async () => {
    const ids = await storedResult();
    await getPool().query("DELETE FROM upload WHERE id = $1", [ids.upload]);
    const { rows } = await getPool().query<{ upload_id: number | null }>("SELECT upload_id FROM result WHERE task_id = $1", [ids.task]);
    expect(rows).toEqual([{ upload_id: null }]);
    await getPool().query("DELETE FROM task WHERE id = $1", [ids.task]);
    expect(await resultsOfTask(ids.task)).toBe(0);
  });

  it("deleting a checkpoint (here through its model) deletes its results", async () => {
    const ids = await storedResult();
    const model = uniqueName("model");
    const { rows } = await getPool().query<{ id: number }>(
      `WITH m AS (INSERT INTO model (name) VALUES ($1) RETURNING id)
       INSERT INTO checkpoint (model_id, revision) SELECT id, 'final' FROM m RETURNING id`,
      [model],
    );
    await insertRow({ ...ids, checkpoint: rows[0].id }, 4);
    expect(await resultsOfTask(ids.task)).toBe(2);
    await getPool().query("DELETE FROM model WHERE name = $1", [model]);
    expect(await resultsOfTask(ids.task)).toBe(1);
  });

  it("refuses to delete a metric that still has results", async () => {
    const ids = await storedResult();
    const metric = uniqueName("metric");
    const { rows } = await getPool().query<{ id: number }>("INSERT INTO metric (name) VALUES ($1) RETURNING id", [metric]);
    await insertRow({ ...ids, metric: rows[0].id }, 5);
    await expect(getPool().query("DELETE FROM metric WHERE id = $1", [rows[0].id])).rejects.toMatchObject({ code: "23503" });
    await getPool().query("DELETE FROM result WHERE metric_id = $1", [rows[0].id]);
    await getPool().query("DELETE FROM metric WHERE id = $1", [rows[0].id]);
  });

  it("refuses to renumber a parent", async () => {
    const ids = await storedResult();
    await expect(getPool().query("UPDATE task SET id = 2000000001 WHERE id = $1", [ids.task])).rejects.toMatchObject({ code: "23503" });
  });
});

describe("the bulk write path", () => {
  it("merges a file whose first row is new but a later row is stored (COPY conflict falls back to the stage)", async () => {
    const task = uniqueName("task");
    const row = (model: string, value: number) => ({ model, task, metric: "acc", value, stderr: 0.01, shots: 0 });
    const first = await ingestFile({ fileName: "a.csv", bytes: longCsv([row("pythia-410m", 0.5), row("pythia-1b", 0.6)]), registry });
    expect(first).toMatchObject({ ok: true, inserted: 2, updated: 0, skipped: 0 });
    const second = await ingestFile({
      fileName: "b.csv",
      bytes: longCsv([row("pythia-70m", 0.3), row("pythia-410m", 0.5), row("pythia-1b", 0.65)]),
      registry,
    });
    expect(second).toMatchObject({ ok: true, inserted: 1, updated: 1, skipped: 1 });
    const { rows } = await getPool().query<{ model: string; value: number; file: string }>(
      `SELECT m.name AS model, r.value, u.file_name AS file FROM result r JOIN task t ON t.id = r.task_id
       JOIN checkpoint c ON c.id = r.checkpoint_id JOIN model m ON m.id = c.model_id JOIN upload u ON u.id = r.upload_id
       WHERE t.name = $1 ORDER BY m.parameters`,
      [task],
    );
    expect(rows).toEqual([
      { model: "pythia-70m", value: 0.3, file: "b.csv" },
      { model: "pythia-410m", value: 0.5, file: "a.csv" },
      { model: "pythia-1b", value: 0.65, file: "b.csv" },
    ]);
  });

  it("writes every row of more than one COPY chunk, and none when the last row refers to a missing checkpoint", async () => {
    const ids = await storedResult();
    const count = 12_001;
    const columns = (lastCheckpoint: number): CopyColumns => ({
      checkpointId: Array.from({ length: count }, (_, i) => (i === count - 1 ? lastCheckpoint : ids.checkpoint)),
      taskId: Array<number>(count).fill(ids.task),
      metricId: Array<number>(count).fill(ids.metric),
      shots: Array.from({ length: count }, (_, i) => i + 1),
      filter: Array<string>(count).fill("none"),
      value: Array<number>(count).fill(0.5),
      stderr: Array<number | null>(count).fill(null),
      n: Array<number | null>(count).fill(null),
    });
    const write = (c: CopyColumns) => withTransaction((client) => writeResults(client, c, ids.upload));
    // the refusal is the statement's answer and nothing more: no stray message reaches
    // the connection afterwards (the embedded PGlite once sent a second ReadyForQuery)
    const connectionErrors: Error[] = [];
    const onError = (e: Error) => connectionErrors.push(e);
    getPool().on("error", onError);
    try {
      await expect(write(columns(2_000_000_000))).rejects.toMatchObject({ code: "23503" });
      expect(await resultsOfTask(ids.task)).toBe(1);
    } finally {
      getPool().off("error", onError);
    }
    expect(connectionErrors).toEqual([]);
    await expect(write(columns(ids.checkpoint))).resolves.toEqual({ inserted: count, updated: 0 });
    expect(await resultsOfTask(ids.task)).toBe(1 + count);
  });
});

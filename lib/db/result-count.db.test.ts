import { beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { ingestFile } from "@/lib/services/ingest/ingest-file";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { longCsv, uniqueName, type LongRow } from "@/lib/testing/factories";
import type { RegistryLookup } from "@/lib/ingest/plan-types";
import { longCsvSource } from "@/lib/services/ingest/result-source";
import { listTasks } from "./tasks";
import { withTransaction } from "./with-transaction";

// result_count (prisma/migrations/*_result_counts) is kept by triggers; every test
// compares the whole table with the aggregate it stands for, computed from result.

let registry: RegistryLookup;
beforeAll(async () => {
  registry = await buildRegistry();
});

async function expectCountsMatchResults(): Promise<void> {
  const { rows } = await getPool().query<{ kept: string | null; actual: string | null }>(
    `WITH actual AS (
       SELECT r.task_id, r.metric_id, r.shots, r.filter, c.model_id, count(*)::int AS results,
              (count(*) FILTER (WHERE c.tokens_seen IS NOT NULL))::int AS placed
       FROM result r JOIN checkpoint c ON c.id = r.checkpoint_id GROUP BY 1, 2, 3, 4, 5
     ), kept AS (SELECT task_id, metric_id, shots, filter, model_id, results, placed FROM result_count)
     SELECT (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM actual) d)::text AS kept,
            (SELECT count(*) FROM (SELECT * FROM actual EXCEPT SELECT * FROM kept) d)::text AS actual`,
  );
  expect(rows[0]).toEqual({ kept: "0", actual: "0" });
  const perCheckpoint = await getPool().query<{ differ: string }>(
    `WITH actual AS (SELECT checkpoint_id, count(*)::int AS results FROM result GROUP BY 1),
          kept AS (SELECT checkpoint_id, results FROM checkpoint_result_count)
     SELECT (SELECT count(*) FROM ((SELECT * FROM kept EXCEPT SELECT * FROM actual) UNION ALL (SELECT * FROM actual EXCEPT SELECT * FROM kept)) d)::text AS differ`,
  );
  expect(perCheckpoint.rows[0].differ).toBe("0");
}

/** A new model (no tokens per step) with one result on a new task, at step 100: not placed. */
async function modelWithOneUnplacedResult(): Promise<{ task: string; model: string }> {
  const task = uniqueName("task");
  const model = uniqueName("model");
  await getPool().query("INSERT INTO model (name, parameters) VALUES ($1, 1e9)", [model]);
  await ingest([{ model, revision: "step100", task, metric: "acc", value: 0.3, shots: 0 }]);
  return { task, model };
}

async function ingest(rows: LongRow[], fileName = `${uniqueName("f")}.csv`) {
  const outcome = await ingestFile({ fileName, bytes: longCsv(rows), registry });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome;
}

async function countsOf(task: string) {
  const { rows } = await getPool().query<{ model: string; shots: number | null; results: number; placed: number }>(
    `SELECT m.name AS model, rc.shots, rc.results, rc.placed FROM result_count rc
     JOIN task t ON t.id = rc.task_id JOIN model m ON m.id = rc.model_id WHERE t.name = $1 ORDER BY m.name, rc.shots NULLS LAST`,
    [task],
  );
  return rows;
}

describe("result_count, kept by triggers", () => {
  it("counts an ingest per view and model (placed: checkpoints with tokens seen), unchanged by a revision", async () => {
    const task = uniqueName("task");
    const rows: LongRow[] = [
      { model: "pythia-70m", revision: "step1000", task, metric: "acc", value: 0.3, shots: 0 },
      { model: "pythia-70m", revision: "step2000", task, metric: "acc", value: 0.35, shots: 0 },
      { model: "pythia-70m", task, metric: "acc", value: 0.4, shots: 0 },
      { model: "pythia-160m", task, metric: "acc", value: 0.5 },
    ];
    await ingest(rows);
    expect(await countsOf(task)).toEqual([
      { model: "pythia-160m", shots: null, results: 1, placed: 1 },
      { model: "pythia-70m", shots: 0, results: 3, placed: 3 },
    ]);
    await ingest([{ ...rows[0], value: 0.31 }, ...rows.slice(1)]);
    expect((await countsOf(task)).map((c) => c.results)).toEqual([1, 3]);
    await expectCountsMatchResults();
  });

  it("follows deletes of results, of checkpoints (through their model) and of tasks", async () => {
    const task = uniqueName("task");
    const model = uniqueName("model");
    await getPool().query("INSERT INTO model (name, parameters) VALUES ($1, 1e9)", [model]);
    const first = await ingest([
      { model, task, metric: "acc", value: 0.3, shots: 0 },
      { model: "pythia-70m", task, metric: "acc", value: 0.3, shots: 0 },
      { model: "pythia-70m", task, metric: "acc", value: 0.3, shots: 5 },
    ]);
    await getPool().query("DELETE FROM result WHERE upload_id = $1 AND shots = 5", [first.uploadId]);
    expect((await countsOf(task)).map((c) => [c.model, c.shots])).toEqual([[model, 0], ["pythia-70m", 0]].sort());
    await getPool().query("DELETE FROM model WHERE name = $1", [model]);
    expect((await countsOf(task)).map((c) => c.model)).toEqual(["pythia-70m"]);
    await expectCountsMatchResults();
    await getPool().query("DELETE FROM task WHERE name = $1", [task]);
    expect(await countsOf(task)).toEqual([]);
    await expectCountsMatchResults();
  });

  it("moves a checkpoint's results into `placed` when its tokens seen become known", async () => {
    const { task, model } = await modelWithOneUnplacedResult();
    expect(await countsOf(task)).toEqual([{ model, shots: 0, results: 1, placed: 0 }]);
    await getPool().query("UPDATE checkpoint SET tokens_seen = 2e8 WHERE model_id = (SELECT id FROM model WHERE name = $1)", [model]);
    expect(await countsOf(task)).toEqual([{ model, shots: 0, results: 1, placed: 1 }]);
    await expectCountsMatchResults();
  });

  it("refuses to change a result's key", async () => {
    const task = uniqueName("task");
    await ingest([{ model: "pythia-70m", task, metric: "acc", value: 0.3, shots: 0 }]);
    await expect(
      getPool().query("UPDATE result SET shots = 3 WHERE task_id = (SELECT id FROM task WHERE name = $1)", [task]),
    ).rejects.toMatchObject({ code: "23001" });
    expect(await countsOf(task)).toEqual([{ model: "pythia-70m", shots: 0, results: 1, placed: 1 }]);
  });
});

describe("result_count, deferred by the bulk writer to the end of its file", () => {
  const rowsOf = (task: string): LongRow[] =>
    ["step1000", "step2000", "step3000", undefined].flatMap((revision, i) =>
      ["pythia-70m", "pythia-160m"].flatMap((model) => [0, 5].map((shots) => ({ model, revision, task, metric: "acc", value: 0.3 + i / 100, shots }))),
    );

  it("adds up a file written in many COPY statements once, and a revision merged later", async () => {
    const task = uniqueName("task");
    const rows = rowsOf(task);
    const fileName = `${uniqueName("f")}.csv`;
    const text = new TextDecoder().decode(longCsv(rows));
    // 3 rows a statement: 6 statements, each adding to counters the ones before it also touched
    const outcome = await ingestFile({ fileName, bytes: longCsv(rows), source: longCsvSource(fileName, text, 3), registry });
    expect(outcome).toMatchObject({ ok: true, inserted: 16 });
    expect((await countsOf(task)).map((c) => c.results)).toEqual([4, 4, 4, 4]);
    await ingest([{ ...rows[0], value: 0.5 }, { ...rows[0], task: `${task}-more` }]);
    await expectCountsMatchResults();
  });

  it("ends with a rolled-back savepoint: later inserts of the same transaction are counted at once", async () => {
    const task = uniqueName("task");
    await withTransaction(async (client) => {
      await client.query("SAVEPOINT file");
      const bad = [...rowsOf(task), { model: "pythia-70m", task, metric: "acc", value: 7 }];
      const fileName = `${uniqueName("bad")}.csv`;
      const refused = await ingestFile({ fileName, bytes: longCsv(bad), source: longCsvSource(fileName, new TextDecoder().decode(longCsv(bad)), 4), registry, transaction: client });
      expect(refused.ok).toBe(false);
      await client.query("ROLLBACK TO SAVEPOINT file");
      const { rows: setting } = await client.query<{ deferred: string | null }>("SELECT current_setting('atlas.result_counts_deferred', true) AS deferred");
      expect(setting[0].deferred ?? "").not.toBe("on");
      const written = await ingestFile({ fileName: `${uniqueName("good")}.csv`, bytes: longCsv(rowsOf(task)), registry, transaction: client });
      expect(written.ok).toBe(true);
      await client.query(
        `INSERT INTO result (checkpoint_id, task_id, metric_id, shots, filter, value)
         SELECT c.id, t.id, m.id, 1, 'none', 0.5 FROM checkpoint c, task t, metric m
         WHERE c.model_id = (SELECT id FROM model WHERE name = 'pythia-70m') AND c.revision = 'step1000' AND t.name = $1 AND m.name = 'acc'`,
        [task],
      );
    });
    expect((await countsOf(task)).map((c) => [c.model, c.shots, c.results])).toEqual([
      ["pythia-160m", 0, 4], ["pythia-160m", 5, 4], ["pythia-70m", 0, 4], ["pythia-70m", 1, 1], ["pythia-70m", 5, 4],
    ]);
    await expectCountsMatchResults();
  });

  it("folds pending counters before a delete or a checkpoint's new tokens seen adjust them", async () => {
    const { task, model } = await modelWithOneUnplacedResult();
    await withTransaction(async (client) => {
      await client.query("SELECT result_counts_defer()");
      await client.query(
        `INSERT INTO result (checkpoint_id, task_id, metric_id, shots, filter, value)
         SELECT r.checkpoint_id, r.task_id, r.metric_id, s, r.filter, 0.4 FROM result r, generate_series(1, 3) s
         WHERE r.task_id = (SELECT id FROM task WHERE name = $1)`,
        [task],
      );
      await client.query("DELETE FROM result WHERE task_id = (SELECT id FROM task WHERE name = $1) AND shots = 2", [task]);
      await client.query("UPDATE checkpoint SET tokens_seen = 2e8 WHERE model_id = (SELECT id FROM model WHERE name = $1)", [model]);
      await client.query("SELECT result_counts_end()");
    });
    expect((await countsOf(task)).map((c) => [c.shots, c.results, c.placed])).toEqual([[0, 1, 1], [1, 1, 1], [3, 1, 1]]);
    await expectCountsMatchResults();
  });
});

describe("listTasks from the counts", () => {
  it("describes every task as an aggregate over its results would, one page at a time", async () => {
    const task = uniqueName("task");
    await ingest([
      { model: "pythia-70m", revision: "step1000", task, metric: "acc", value: 0.3, shots: 0 },
      { model: "pythia-70m", task, metric: "acc", value: 0.4, shots: 0 },
      { model: "pythia-160m", task, metric: "acc_norm", value: 0.5, shots: 5 },
    ]);
    const { rows: expected } = await getPool().query(
      `SELECT t.name, t.suite, t.chance, t.is_group AS "isGroup", array_agg(DISTINCT me.name ORDER BY me.name) AS metrics,
              count(DISTINCT m.family_id)::int AS families, count(DISTINCT m.id)::int AS models, count(*)::int AS results
       FROM task t JOIN result r ON r.task_id = t.id JOIN metric me ON me.id = r.metric_id
       JOIN checkpoint c ON c.id = r.checkpoint_id JOIN model m ON m.id = c.model_id
       GROUP BY t.id ORDER BY t.name`,
    );
    const all = await listTasks();
    expect(all.total).toBe(expected.length);
    expect(all.tasks.map((t) => ({ ...t, verdicts: undefined }))).toEqual(expected.map((t) => ({ ...t, verdicts: undefined })));
    expect(all.tasks.find((t) => t.name === task)).toMatchObject({ metrics: ["acc", "acc_norm"], models: 2, results: 3 });
    const paged = [];
    for (let offset = 0; offset < expected.length; offset += 3) paged.push(...(await listTasks({ limit: 3, offset })).tasks);
    expect(paged).toEqual(all.tasks);
    expect(await listTasks({ limit: 3, offset: expected.length + 10 })).toEqual({ tasks: [], total: expected.length });
  });
});

import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { RegistryLookup } from "@/lib/ingest/plan-types";
import { enqueueAnalysis, requeueWaitingViews } from "@/lib/db/analysis-queue";
import { drainAnalysisQueue } from "@/lib/services/analysis/drain";
import { nudgeAnalysisWorkers, startAnalysisWorker } from "@/lib/services/analysis/analysis-worker";
import { getPool } from "./client";
import { getJobStatus } from "./job-status";
import { ingestFile } from "@/lib/services/ingest/ingest-file";
import { getAnalysis } from "./analysis";
import { listOverview } from "./overview";
import { refreshAnalyses } from "@/lib/services/analysis/refresh-analyses";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { longCsv, uniqueName } from "@/lib/testing/factories";

const SIZES = ["pythia-70m", "pythia-160m", "pythia-410m", "pythia-1b", "pythia-1.4b", "pythia-2.8b", "pythia-6.9b", "pythia-12b"];
const LINE = [0.25, 0.3, 0.36, 0.42, 0.47, 0.53, 0.6, 0.65];
const OVERVIEW = { x: "params", sort: "evidence", limit: 1, offset: 0 } as const;
const STEP = [0.25, 0.25, 0.26, 0.25, 0.8, 0.81, 0.8, 0.82];
let registry: RegistryLookup;
beforeAll(async () => {
  registry = await buildRegistry();
});

async function ingestCurve(task: string, values: number[]) {
  const rows = SIZES.map((model, i) => ({ model, task, metric: "acc", value: values[i], stderr: 0.01, shots: 0 }));
  const outcome = await ingestFile({ fileName: `${task}-${values.join("_")}.csv`, bytes: longCsv(rows), registry });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome;
}

/** The queue tickets of the task's views; `db` is the caller's checked-out client when it holds one (the embedded pool has one connection). */
async function queued(task: string, db: Pick<pg.Pool, "query"> = getPool()): Promise<string[]> {
  const { rows } = await db.query<{ ticket: string }>(
    "SELECT q.ticket::text AS ticket FROM analysis_queue q JOIN task t ON t.id = q.task_id WHERE t.name = $1",
    [task],
  );
  return rows.map((r) => r.ticket);
}

/** The task's analysis jobs by state, e.g. { created: 1 }. */
async function jobStates(task: string): Promise<Record<string, number>> {
  const { rows } = await getPool().query<{ state: string; n: number }>(
    `SELECT j.state, count(*)::int AS n FROM pgboss.job j JOIN task t ON j.singleton_key LIKE t.id || '|%' WHERE j.name = 'analysis' AND t.name = $1 GROUP BY j.state`,
    [task],
  );
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/** Lets the engine's retry delay pass for the task's failed jobs (as time would). */
async function skipRetryDelay(task: string): Promise<void> {
  await getPool().query(
    `UPDATE pgboss.job j SET start_after = now() FROM task t WHERE j.singleton_key LIKE t.id || '|%' AND j.name = 'analysis' AND j.state = 'retry' AND t.name = $1`,
    [task],
  );
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting: ${what}`);
}

/** The values each stored params-axis analysis of the task was computed from. */
async function analysedValues(task: string): Promise<number[][]> {
  const { rows } = await getPool().query<{ analysis: { points: { value: number }[] } }>(
    "SELECT analysis FROM curve_analysis a JOIN task t ON t.id = a.task_id WHERE t.name = $1 AND a.axis = 'params'",
    [task],
  );
  return rows.map((r) => r.analysis.points.map((p) => p.value));
}

describe("the analysis queue", () => {
  it("is written with the ingest's transaction, one job per view, and emptied by a drain that stores the analysis", async () => {
    const task = uniqueName("queue_task");
    const outcome = await ingestCurve(task, LINE);
    expect(outcome.ok && outcome.touched).toHaveLength(1);
    expect(await queued(task)).toHaveLength(1);
    expect(await jobStates(task)).toEqual({ created: 1 });
    expect(await analysedValues(task)).toEqual([]);
    const pendingBefore = (await listOverview(OVERVIEW)).pendingViews;
    expect(pendingBefore).toBeGreaterThanOrEqual(1);
    const drained = await drainAnalysisQueue();
    expect(drained.batches).toBeGreaterThanOrEqual(1);
    expect(await queued(task)).toEqual([]);
    expect(await jobStates(task)).toEqual({ completed: 1 });
    expect(await analysedValues(task)).toEqual([LINE]);
    // store-wide: other test files' views (a job parked after its retries, say) may still count
    expect((await listOverview(OVERVIEW)).pendingViews).toBeLessThan(pendingBefore);
  });

  it("drains in batches, and a refresh rewrites only the views it touched, never the rest of the store", async () => {
    const [a, b, c] = [uniqueName("queue_task"), uniqueName("queue_task"), uniqueName("queue_task")];
    await ingestCurve(a, STEP);
    await ingestCurve(b, LINE);
    await drainAnalysisQueue({ batchSize: 1 });
    const stored = async (task: string) =>
      (await getPool().query(
        "SELECT a.id, a.verdict, a.p_value, a.computed_at FROM curve_analysis a JOIN task t ON t.id = a.task_id WHERE t.name = $1 ORDER BY a.id",
        [task],
      )).rows;
    const [beforeA, beforeB] = [await stored(a), await stored(b)];
    expect(beforeA.length).toBeGreaterThan(0);
    await ingestCurve(c, LINE.map((v) => v * 0.5));
    const drained = await drainAnalysisQueue({ batchSize: 1 });
    expect(drained.batches).toBe(1);
    for (const task of [a, b, c]) expect(await queued(task)).toEqual([]);
    expect(await stored(a)).toEqual(beforeA);
    expect(await stored(b)).toEqual(beforeB);
    expect(await analysedValues(c)).toEqual([LINE.map((v) => v * 0.5)]);
  });

  it("keeps nothing queued from a rolled-back transaction, and one row with a new ticket per view queued twice", async () => {
    const task = uniqueName("queue_task");
    const outcome = await ingestCurve(task, LINE);
    await drainAnalysisQueue();
    const group = outcome.ok ? outcome.touched[0] : null;
    const client = await getPool().connect();
    try {
      await client.query("BEGIN");
      await enqueueAnalysis(client, [group!]);
      await client.query("ROLLBACK");
      expect(await queued(task, client)).toEqual([]);
      await enqueueAnalysis(client, [group!]);
      const [first] = await queued(task, client);
      await enqueueAnalysis(client, [group!]);
      const again = await queued(task, client);
      expect(again).toHaveLength(1);
      expect(BigInt(again[0])).toBeGreaterThan(BigInt(first));
    } finally {
      client.release();
    }
    // the view waits once: the engine's job key kept the second queueing from adding a job
    expect(await jobStates(task)).toEqual({ completed: 1, created: 1 });
    await drainAnalysisQueue();
    expect(await queued(task)).toEqual([]);
  });

  it("is run by an in-process worker woken by the change, and a worker's start queues jobs for views the ledger holds without one", async () => {
    const [a, b] = [uniqueName("queue_task"), uniqueName("queue_task")];
    const worker = await startAnalysisWorker({ concurrency: 1 });
    try {
      await ingestCurve(a, STEP);
      nudgeAnalysisWorkers();
      await until(async () => (await queued(a)).length === 0, "the worker analyses the view");
      expect(await analysedValues(a)).toEqual([STEP]);
    } finally {
      await worker.stop();
    }
    // a database queued before the job engine (or a lost job): the ledger row alone
    await ingestCurve(b, LINE);
    await getPool().query("DELETE FROM pgboss.job WHERE name = 'analysis' AND state = 'created'");
    expect(await drainAnalysisQueue()).toMatchObject({ batches: 0 });
    expect(await requeueWaitingViews()).toBeGreaterThanOrEqual(1);
    expect(await requeueWaitingViews()).toBe(0);
    await drainAnalysisQueue();
    expect(await queued(b)).toEqual([]);
    expect(await analysedValues(b)).toEqual([LINE]);
  });

  it("a worker whose job's completion fails (the connection lost as it completes) keeps working; the job waits for its expiry", async () => {
    const [a, b] = [uniqueName("queue_task"), uniqueName("queue_task")];
    await ingestCurve(a, STEP);
    const taskId = (await getPool().query<{ id: number }>("SELECT id FROM task WHERE name = $1", [a])).rows[0].id;
    // the database refuses the statement that records the job's completion, as a dropped connection would
    await getPool().query(`CREATE OR REPLACE FUNCTION atlas_test_refuse_completion() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'completion refused by the test'; END $$`);
    await getPool().query(`CREATE TRIGGER atlas_test_refuse_completion BEFORE UPDATE ON pgboss.job FOR EACH ROW
      WHEN (NEW.state = 'completed' AND NEW.singleton_key LIKE '${taskId}|%') EXECUTE FUNCTION atlas_test_refuse_completion()`);
    const worker = await startAnalysisWorker({ concurrency: 1 });
    try {
      nudgeAnalysisWorkers();
      await until(async () => (await queued(a)).length === 0, "the worker analyses the view");
      expect(await analysedValues(a)).toEqual([STEP]);
      await new Promise((r) => setTimeout(r, 300)); // its completion is refused meanwhile
      expect(await jobStates(a)).toEqual({ active: 1 }); // pg-boss gives it back when it expires; the ledger says it is done
      await getPool().query("DROP TRIGGER atlas_test_refuse_completion ON pgboss.job");
      await ingestCurve(b, LINE);
      nudgeAnalysisWorkers();
      await until(async () => (await queued(b)).length === 0, "the same worker analyses the next view");
      expect(await analysedValues(b)).toEqual([LINE]);
      await until(async () => (await jobStates(b)).completed === 1, "the next job completes");
    } finally {
      await getPool().query("DROP TRIGGER IF EXISTS atlas_test_refuse_completion ON pgboss.job");
      await worker.stop();
    }
  });

  it("an idle worker gives a job to a view the ledger holds without one (its job ended unparked), within its maintenance interval", async () => {
    const task = uniqueName("queue_task");
    await ingestCurve(task, LINE);
    await drainAnalysisQueue();
    const maintenance = process.env.ATLAS_JOB_MAINTENANCE_SECONDS;
    process.env.ATLAS_JOB_MAINTENANCE_SECONDS = "1";
    const worker = await startAnalysisWorker({ concurrency: 1 });
    try {
      // the ledger says waiting, the engine has no open job for it (as after a job failed by expiry on its last attempt)
      await getPool().query(
        `INSERT INTO analysis_queue (task_id, metric_id, shots, filter) SELECT DISTINCT r.task_id, r.metric_id, r.shots, r.filter
         FROM result r JOIN task t ON t.id = r.task_id WHERE t.name = $1`,
        [task],
      );
      expect(await queued(task)).toHaveLength(1);
      await until(async () => (await queued(task)).length === 0, "the worker queues and runs a job for the view");
      expect(await jobStates(task)).toEqual({ completed: 2 });
    } finally {
      await worker.stop();
      if (maintenance === undefined) delete process.env.ATLAS_JOB_MAINTENANCE_SECONDS;
      else process.env.ATLAS_JOB_MAINTENANCE_SECONDS = maintenance;
    }
  });

  it("retries a view whose analysis exceeds its budget, parks it with the reason after its last attempt, and queues it again when it changes", async () => {
    const task = uniqueName("queue_task");
    await ingestCurve(task, STEP);
    const budget = process.env.ATLAS_ANALYSIS_BUDGET_MS;
    process.env.ATLAS_ANALYSIS_BUDGET_MS = "1";
    try {
      await drainAnalysisQueue();
      expect(await jobStates(task)).toEqual({ retry: 1 });
      expect(await queued(task)).toHaveLength(1);
      for (let attempt = 0; attempt < 2; attempt++) {
        await skipRetryDelay(task);
        await drainAnalysisQueue();
      }
      expect(await jobStates(task)).toEqual({ failed: 1 });
      const status = await getJobStatus();
      expect(status.parked).toBeGreaterThanOrEqual(1);
      expect(status.failures.find((f) => f.task === task)).toMatchObject({
        metric: "acc", shots: 0, filter: "none", error: "the analysis took longer than its budget of 0.001 s",
      });
    } finally {
      if (budget === undefined) delete process.env.ATLAS_ANALYSIS_BUDGET_MS;
      else process.env.ATLAS_ANALYSIS_BUDGET_MS = budget;
    }
    const { rows } = await getPool().query(
      "SELECT q.failed_at IS NOT NULL AS failed, q.error FROM analysis_queue q JOIN task t ON t.id = q.task_id WHERE t.name = $1",
      [task],
    );
    expect(rows).toEqual([{ failed: true, error: "the analysis took longer than its budget of 0.001 s" }]);
    expect(await analysedValues(task)).toEqual([]);
    const view = await getAnalysis({ task, metric: "acc", x: "params" });
    expect(view).toMatchObject({ pending: false, failed: "the analysis took longer than its budget of 0.001 s" });
    // parked: not retried by later drains ...
    await skipRetryDelay(task);
    expect((await drainAnalysisQueue()).batches).toBe(0);
    expect(await queued(task)).toHaveLength(1);
    // ... until its results change: then analysed again, within the normal budget
    await ingestCurve(task, LINE);
    await drainAnalysisQueue();
    expect(await queued(task)).toEqual([]);
    expect(await analysedValues(task)).toEqual([LINE]);
  });

  // PGlite is one session: an advisory lock held "elsewhere" would be its own and not block.
  it.runIf(inject("databaseKind") === "postgres")("leaves a view queued when its results change while its refresh runs", async () => {
    const task = uniqueName("queue_task");
    await ingestCurve(task, LINE);
    await drainAnalysisQueue();
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    const outcome = await ingestCurve(task, LINE.map((v) => v + 0.01)); // a change: queued
    let refresh: Promise<unknown>;
    try {
      await blocker.query("SELECT pg_advisory_lock(7245001)");
      refresh = refreshAnalyses(outcome.ok ? outcome.touched : []);
      // let the drain read the queue and the results, then stop at the lock
      for (let i = 0; i < 100; i++) {
        const { rows } = await blocker.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
        if (rows.length > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await ingestCurve(task, STEP); // a new ticket for the same view
    } finally {
      await blocker.query("SELECT pg_advisory_unlock(7245001)");
      await blocker.end();
    }
    await refresh!;
    // the refresh stored what it read (the shifted line) and left the newer ticket queued
    expect(await analysedValues(task)).toEqual([LINE.map((v) => v + 0.01)]);
    expect(await queued(task)).toHaveLength(1);
    await drainAnalysisQueue();
    expect(await queued(task)).toEqual([]);
    expect(await analysedValues(task)).toEqual([STEP]);
  });
});

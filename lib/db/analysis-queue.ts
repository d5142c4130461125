import "server-only";
import type pg from "pg";
import type PgBoss from "pg-boss";
import { getPool } from "./client";
import { ANALYSIS_QUEUE, getJobEngine, toBossDb } from "./job-engine";
import { groupKey, type CurveGroup } from "./view-rows";

// Two records per queued task view, written in the change's own transaction:
//  - a row of `analysis_queue` (the view's ledger: its latest change's ticket, and the error if its
//    job was parked), which the pages read ("pending", "failed") and which keeps an older job from
//    overwriting a newer one's analysis (lib/services/analysis/refresh-analyses.ts);
//  - a pg-boss job keyed by the view (lib/db/job-engine.ts), which the workers run.

const sortViews = (groups: CurveGroup[]) =>
  [...groups].sort(
    (a, b) => a.taskId - b.taskId || a.metricId - b.metricId || (a.shots ?? -1) - (b.shots ?? -1) || a.filter.localeCompare(b.filter),
  );

/**
 * Queues task views for re-analysis inside the caller's transaction, so the queue
 * commits or rolls back with the change that caused it. Sorted so two transactions
 * queueing overlapping views lock them in the same order. A view already waiting
 * (not yet taken by a worker) keeps its one job: its row is locked here, so no
 * worker takes it before this change commits and the job then reads the change.
 */
export async function enqueueAnalysis(client: pg.PoolClient, groups: CurveGroup[]): Promise<void> {
  if (groups.length === 0) return;
  const sorted = sortViews(groups);
  await client.query(
    `INSERT INTO analysis_queue AS q (task_id, metric_id, shots, filter)
     SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[])
     ON CONFLICT (task_id, metric_id, shots, filter) DO UPDATE
       SET ticket = nextval(pg_get_serial_sequence('analysis_queue', 'ticket')), enqueued_at = now(), failed_at = NULL, error = NULL`,
    [sorted.map((g) => g.taskId), sorted.map((g) => g.metricId), sorted.map((g) => g.shots), sorted.map((g) => g.filter)],
  );
  await addJobs(client, sorted);
}

/** One pg-boss job per view (its key deduplicates a view already waiting), through `client`'s transaction. */
async function addJobs(client: pg.ClientBase, groups: CurveGroup[]): Promise<void> {
  const keys = groups.map(groupKey);
  await client.query(
    `SELECT id FROM pgboss.job WHERE name = $1 AND state = 'created' AND singleton_key = ANY($2::text[]) ORDER BY singleton_key FOR UPDATE`,
    [ANALYSIS_QUEUE, keys],
  );
  const jobs: PgBoss.JobInsert<CurveGroup>[] = groups.map((g, i) => ({
    name: ANALYSIS_QUEUE,
    data: { taskId: g.taskId, metricId: g.metricId, shots: g.shots, filter: g.filter },
    singletonKey: keys[i],
  }));
  await getJobEngine().insert(jobs, { db: toBossDb(client) });
}

/**
 * At a worker's start: a job for every view the ledger says is waiting (a database
 * queued before the job engine, or any job lost), and every view of a store that has
 * results but no stored analyses. Views already waiting keep their one job.
 */
export async function requeueWaitingViews(): Promise<number> {
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO analysis_queue (task_id, metric_id, shots, filter)
       SELECT DISTINCT task_id, metric_id, shots, filter FROM result
       WHERE NOT EXISTS (SELECT 1 FROM curve_analysis) AND NOT EXISTS (SELECT 1 FROM analysis_queue)
       ON CONFLICT DO NOTHING`,
    );
    const { rows } = await client.query<CurveGroup>(
      `SELECT task_id AS "taskId", metric_id AS "metricId", shots, filter FROM analysis_queue q
       WHERE failed_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = $1 AND j.state < 'completed'
                           AND j.singleton_key = q.task_id || '|' || q.metric_id || '|' || COALESCE(q.shots::text, '') || '|' || q.filter)`,
      [ANALYSIS_QUEUE],
    );
    if (rows.length > 0) await addJobs(client, sortViews(rows));
    await client.query("COMMIT");
    return rows.length;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Task views waiting for analysis (not those whose job was parked): all of them, or those of one task. */
export async function countQueuedViews(taskName?: string): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>(
    taskName === undefined
      ? "SELECT count(*)::int AS n FROM analysis_queue WHERE failed_at IS NULL"
      : "SELECT count(*)::int AS n FROM analysis_queue q JOIN task t ON t.id = q.task_id WHERE t.name = $1 AND q.failed_at IS NULL",
    taskName === undefined ? [] : [taskName],
  );
  return rows[0].n;
}

/** A view whose job failed its last attempt: marked failed with the reason (shown on its task page) until its results change. */
export async function parkAnalysis(group: CurveGroup, reason: string): Promise<void> {
  await getPool().query(
    "UPDATE analysis_queue SET failed_at = now(), error = $5 WHERE task_id = $1 AND metric_id = $2 AND shots IS NOT DISTINCT FROM $3::int AND filter = $4",
    [group.taskId, group.metricId, group.shots, group.filter, reason],
  );
}

import "server-only";
import type pg from "pg";
import { getPool } from "./client";
import type { CurveGroup } from "./view-rows";

/**
 * Marks task views as needing re-analysis, inside the caller's transaction, so the
 * mark commits or rolls back with the change that caused it. Sorted so two
 * transactions queueing overlapping views lock them in the same order.
 */
export async function enqueueAnalysis(client: pg.PoolClient, groups: CurveGroup[]): Promise<void> {
  if (groups.length === 0) return;
  const sorted = [...groups].sort(
    (a, b) => a.taskId - b.taskId || a.metricId - b.metricId || (a.shots ?? -1) - (b.shots ?? -1) || a.filter.localeCompare(b.filter),
  );
  await client.query(
    `INSERT INTO analysis_queue AS q (task_id, metric_id, shots, filter)
     SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[])
     ON CONFLICT (task_id, metric_id, shots, filter) DO UPDATE
       SET ticket = nextval(pg_get_serial_sequence('analysis_queue', 'ticket')), enqueued_at = now(), failed_at = NULL, error = NULL`,
    [sorted.map((g) => g.taskId), sorted.map((g) => g.metricId), sorted.map((g) => g.shots), sorted.map((g) => g.filter)],
  );
}

/** The oldest queued task views not marked failed, at most `size`. */
export async function nextBatch(size: number): Promise<CurveGroup[]> {
  const { rows } = await getPool().query<CurveGroup>(
    `SELECT task_id AS "taskId", metric_id AS "metricId", shots, filter
     FROM analysis_queue WHERE failed_at IS NULL ORDER BY ticket LIMIT $1`,
    [size],
  );
  return rows;
}

/** Task views waiting for analysis (not those whose analysis failed): all of them, or those of one task. */
export async function countQueuedViews(taskName?: string): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>(
    taskName === undefined
      ? "SELECT count(*)::int AS n FROM analysis_queue WHERE failed_at IS NULL"
      : "SELECT count(*)::int AS n FROM analysis_queue q JOIN task t ON t.id = q.task_id WHERE t.name = $1 AND q.failed_at IS NULL",
    taskName === undefined ? [] : [taskName],
  );
  return rows[0].n;
}

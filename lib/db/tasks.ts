import "server-only";
import { getPool } from "./client";
import type { TaskSummary, TasksQuery } from "@/lib/schemas/tasks";

type TaskRow = Omit<TaskSummary, "verdicts"> & { verdicts: TaskSummary["verdicts"] | null };

/**
 * Tasks with results, by name, one page at a time (all of them without a limit),
 * with what a list needs to describe each: counts come from result_count (kept at
 * write time, one row per task view and model), verdicts from curve_analysis by
 * its key; no result row is read.
 */
export async function listTasks(query: TasksQuery = {}): Promise<{ tasks: TaskSummary[]; total: number }> {
  const { rows } = await getPool().query<TaskRow & { total: number }>(
    `WITH listed AS (
       SELECT t.id, t.name, t.suite, t.chance, t.is_group FROM task t
       WHERE EXISTS (SELECT 1 FROM result_count c WHERE c.task_id = t.id)
     ), page AS (
       SELECT * FROM listed ORDER BY name LIMIT $1 OFFSET $2
     )
     SELECT p.name, p.suite, p.chance, p.is_group AS "isGroup",
            (SELECT array_agg(me.name ORDER BY me.name) FROM metric me
              WHERE me.id IN (SELECT c.metric_id FROM result_count c WHERE c.task_id = p.id)) AS metrics,
            (SELECT count(DISTINCT m.family_id)::int FROM model m
              WHERE m.id IN (SELECT c.model_id FROM result_count c WHERE c.task_id = p.id)) AS families,
            (SELECT count(DISTINCT c.model_id)::int FROM result_count c WHERE c.task_id = p.id) AS models,
            (SELECT sum(c.results)::int FROM result_count c WHERE c.task_id = p.id) AS results,
            (SELECT jsonb_object_agg(v.verdict, v.n) FROM (
               SELECT verdict, count(*)::int AS n FROM curve_analysis
               WHERE task_id = p.id AND axis = 'params' GROUP BY verdict) v) AS verdicts,
            (SELECT count(*)::int FROM listed) AS total
     FROM page p
     ORDER BY p.name`,
    [query.limit ?? null, query.offset ?? 0],
  );
  const total = rows[0]?.total ?? (query.offset ? await countTasks() : 0);
  return {
    tasks: rows.map((r) => ({
      name: r.name, suite: r.suite, chance: r.chance, isGroup: r.isGroup, metrics: r.metrics, families: r.families, models: r.models, results: r.results,
      verdicts: r.verdicts ?? {},
    })),
    total,
  };
}

async function countTasks(): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>("SELECT count(DISTINCT task_id)::int AS n FROM result_count");
  return rows[0].n;
}

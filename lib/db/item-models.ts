import "server-only";
import { getPool } from "./client";
import { shotsCondition } from "./shots-condition";

export type ItemView = { task: string; metric: string; shots: number | null; filter: string };

/**
 * How many models of a task view have per-item outputs stored (result_item): the
 * paired tests between adjacent sizes need them. One index probe per checkpoint
 * of the view's models (result_item_natural_key starts with checkpoint, task, metric,
 * shots, filter), never a scan of the items.
 */
export async function countItemModels(view: ItemView): Promise<number> {
  const params: unknown[] = [view.task, view.metric, view.filter];
  const itemShots = shotsCondition("i.shots", view.shots, params);
  const countShots = shotsCondition("rc.shots", view.shots, params);
  const { rows } = await getPool().query<{ n: number }>(
    `SELECT count(DISTINCT c.model_id)::int AS n
     FROM task t JOIN metric me ON me.name = $2
     JOIN result_count rc ON rc.task_id = t.id AND rc.metric_id = me.id AND rc.filter = $3 AND ${countShots}
     JOIN checkpoint c ON c.model_id = rc.model_id
     WHERE t.name = $1 AND EXISTS (
       SELECT 1 FROM result_item i
       WHERE i.checkpoint_id = c.id AND i.task_id = t.id AND i.metric_id = me.id AND ${itemShots} AND i.filter = $3)`,
    params,
  );
  return rows[0].n;
}

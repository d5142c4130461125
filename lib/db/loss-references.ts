import "server-only";
import { getPool } from "./client";

export type LossReference = { task: string; metric: string; models: number };

/**
 * The loss-type results (metric names matching `pattern`) measured on any of these models,
 * most models first: the references a view can be placed on. From result_count, never a
 * scan of results.
 */
export async function listLossReferences(models: string[], pattern: RegExp): Promise<LossReference[]> {
  if (models.length === 0) return [];
  const { rows } = await getPool().query<LossReference>(
    `SELECT t.name AS task, me.name AS metric, count(DISTINCT rc.model_id)::int AS models
     FROM result_count rc
     JOIN model m ON m.id = rc.model_id
     JOIN task t ON t.id = rc.task_id
     JOIN metric me ON me.id = rc.metric_id
     WHERE m.name = ANY($1::text[]) AND me.name ~* $2
     GROUP BY t.name, me.name
     ORDER BY models DESC, t.name, me.name
     LIMIT 50`,
    [models, pattern.source],
  );
  return rows;
}

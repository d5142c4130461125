import "server-only";
import { getPool } from "./client";
import type { TaskView } from "./curves";
import { shotsCondition } from "./shots-condition";

export type PointRow = {
  model: string;
  family: string | null;
  parameters: number | null;
  training_tokens: number | null;
  training_flops: number | null;
  flops_estimated: boolean;
  tokens_seen: number | null;
  value: number;
  stderr: number | null;
  n: number | null;
  upload_id: number | null;
  file_name: string | null;
};

/** The view's condition on result r: every column of the natural key's prefix, so the index finds the rows. */
function viewCondition({ task, metric, shots, filter }: TaskView, params: unknown[]): string {
  params.push(task.id, metric.id, filter);
  return `r.task_id = $${params.length - 2} AND r.metric_id = $${params.length - 1} AND r.filter = $${params.length} AND ${shotsCondition("r.shots", shots, params)}`;
}

/**
 * Every model's final checkpoint on a task view: the points of the scale axes.
 * Driven from the final checkpoints (one natural-key probe each), not from the
 * view's results, which hold every training checkpoint too.
 */
export async function finalRows(view: TaskView): Promise<PointRow[]> {
  const params: unknown[] = [];
  const where = viewCondition(view, params);
  const { rows } = await getPool().query<PointRow>(
    `SELECT m.name AS model, f.name AS family, m.parameters, m.training_tokens, m.training_flops,
            m.flops_estimated, c.tokens_seen, r.value, r.stderr, r.n, r.upload_id, u.file_name
     FROM checkpoint c
     JOIN result r ON r.checkpoint_id = c.id
     JOIN model m ON m.id = c.model_id
     LEFT JOIN model_family f ON f.id = m.family_id
     LEFT JOIN upload u ON u.id = r.upload_id
     WHERE c.is_final AND ${where}
     ORDER BY f.name NULLS LAST, m.name`,
    params,
  );
  return rows;
}

/** One model's checkpoints on a task view, one series named after the model, each point named by its step. */
export async function checkpointRows(view: TaskView, model: string): Promise<PointRow[]> {
  const params: unknown[] = [model];
  const where = viewCondition(view, params);
  const { rows } = await getPool().query<PointRow>(
    `SELECT m.name || ' @ ' || COALESCE('step ' || c.step, c.revision) AS model, m.name AS family,
            m.parameters, m.training_tokens, m.training_flops, m.flops_estimated, c.tokens_seen,
            r.value, r.stderr, r.n, r.upload_id, u.file_name
     FROM model m
     JOIN checkpoint c ON c.model_id = m.id
     JOIN result r ON r.checkpoint_id = c.id
     LEFT JOIN upload u ON u.id = r.upload_id
     WHERE m.name = $1 AND ${where}
     ORDER BY c.tokens_seen NULLS LAST`,
    params,
  );
  return rows;
}

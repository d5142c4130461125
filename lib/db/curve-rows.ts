import "server-only";
import { getPrisma } from "./client";
import type { TaskView } from "./curves";

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

/** Every model's final checkpoint on a task view: the points of the scale axes. */
export function finalRows({ task, metric, shots, filter }: TaskView): Promise<PointRow[]> {
  return getPrisma().$queryRaw<PointRow[]>`
    SELECT m.name AS model, f.name AS family, m.parameters, m.training_tokens, m.training_flops,
           m.flops_estimated, c.tokens_seen, r.value, r.stderr, r.n, r.upload_id, u.file_name
    FROM result r
    JOIN checkpoint c ON c.id = r.checkpoint_id AND c.is_final
    JOIN model m ON m.id = c.model_id
    LEFT JOIN model_family f ON f.id = m.family_id
    LEFT JOIN upload u ON u.id = r.upload_id
    WHERE r.task_id = ${task.id} AND r.metric_id = ${metric.id} AND r.shots IS NOT DISTINCT FROM ${shots}::int
      AND r.filter = ${filter}
    ORDER BY f.name NULLS LAST, m.name`;
}

/** One model's checkpoints on a task view, one series named after the model, each point named by its step. */
export function checkpointRows({ task, metric, shots, filter }: TaskView, model: string): Promise<PointRow[]> {
  return getPrisma().$queryRaw<PointRow[]>`
    SELECT m.name || ' @ ' || COALESCE('step ' || c.step, c.revision) AS model, m.name AS family,
           m.parameters, m.training_tokens, m.training_flops, m.flops_estimated, c.tokens_seen,
           r.value, r.stderr, r.n, r.upload_id, u.file_name
    FROM result r
    JOIN checkpoint c ON c.id = r.checkpoint_id
    JOIN model m ON m.id = c.model_id AND m.name = ${model}
    LEFT JOIN upload u ON u.id = r.upload_id
    WHERE r.task_id = ${task.id} AND r.metric_id = ${metric.id} AND r.shots IS NOT DISTINCT FROM ${shots}::int
      AND r.filter = ${filter}
    ORDER BY c.tokens_seen NULLS LAST`;
}

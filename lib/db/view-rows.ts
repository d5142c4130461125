import "server-only";
import type { CurvePointRow } from "@/lib/emergence/to-curve-inputs";
import { getPool } from "./client";
import { NO_FAMILY } from "@/lib/domain/no-family";

/** A task view whose curves a change touched: one task × metric × shots × filter, every axis and family. */
export type CurveGroup = { taskId: number; metricId: number; shots: number | null; filter: string };

/** The key of a task view, for maps and as its analysis job's key (lib/db/analysis-queue.ts spells it in SQL too). */
export const groupKey = (g: CurveGroup) => `${g.taskId}|${g.metricId}|${g.shots ?? ""}|${g.filter}`;

const POINTS_SQL = `
  SELECT t.name AS task, me.name AS metric, r.shots, r.filter, t.chance,
         tm.chance AS "taskMetricChance", tm.chance_source AS "taskMetricChanceSource",
         COALESCE(tm.higher_is_better, me.higher_is_better) AS "higherIsBetter",
         me.lower_bound AS "lowerBound", me.upper_bound AS "upperBound", me.kind,
         COALESCE(f.name, '${NO_FAMILY}') AS family, m.name AS model, m.parameters,
         m.training_tokens AS "trainingTokens", m.training_flops AS "trainingFlops", r.value, r.stderr,
         -- no n in the file: the task's item count, which the registry checked against the scores
         COALESCE(r.n, t.item_count) AS n,
         r.task_id AS "taskId", r.metric_id AS "metricId"
  FROM result r
  JOIN checkpoint c ON c.id = r.checkpoint_id AND c.is_final
  JOIN model m ON m.id = c.model_id
  LEFT JOIN model_family f ON f.id = m.family_id
  JOIN task t ON t.id = r.task_id
  JOIN metric me ON me.id = r.metric_id
  LEFT JOIN task_metric tm ON tm.task_id = r.task_id AND tm.metric_id = r.metric_id`;

export type ViewRow = CurvePointRow & { taskId: number; metricId: number };

export const asColumns = (groups: CurveGroup[]) => [
  groups.map((g) => g.taskId), groups.map((g) => g.metricId), groups.map((g) => g.shots), groups.map((g) => g.filter),
];
export const VIEWS_SQL = "unnest($1::int[], $2::int[], $3::int[], $4::text[]) AS g(task_id, metric_id, shots, filter)";
export const IN_VIEW = (alias: string) =>
  `g.task_id = ${alias}.task_id AND g.metric_id = ${alias}.metric_id AND g.shots IS NOT DISTINCT FROM ${alias}.shots AND g.filter = ${alias}.filter`;

/** Every final-checkpoint result of the given task views (or of all), with what the analysis needs. */
export async function loadRows(groups: CurveGroup[] | "all"): Promise<ViewRow[]> {
  if (groups === "all") return (await getPool().query<ViewRow>(`${POINTS_SQL} ORDER BY m.name`)).rows;
  const { rows } = await getPool().query<ViewRow>(`${POINTS_SQL} JOIN ${VIEWS_SQL} ON ${IN_VIEW("r")} ORDER BY m.name`, asColumns(groups));
  return rows;
}


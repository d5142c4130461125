import "server-only";
import { getPool } from "./client";
import { resolveTaskView } from "./curves";
import { shotsCondition } from "./shots-condition";
import type { CurvesQuery } from "@/lib/schemas/curves";
import type { AnalysisResponse, CurveAnalysis } from "@/lib/schemas/analysis";

/** Ranks verdicts by how much they claim about emergence, strongest first (the overview's order too). */
export const VERDICT_RANK_SQL = `CASE verdict WHEN 'abrupt' THEN 0 WHEN 'suspect-zero' THEN 1 WHEN 'declining' THEN 2
  WHEN 'smooth' THEN 3 WHEN 'near-floor' THEN 4 WHEN 'flat' THEN 5 ELSE 6 END`;

/**
 * The stored analyses of one task view, one per family. The checkpoint axis
 * (one model through training) has none: analyses compare models across scale.
 * `pending` says a change to the view's results is queued for re-analysis.
 */
export async function getAnalysis(query: CurvesQuery): Promise<AnalysisResponse> {
  const view = await resolveTaskView(query);
  const params: unknown[] = [view.task.id, view.metric.id, view.filter, query.x];
  const inView = (alias: string) =>
    `${alias}.task_id = $1 AND ${alias}.metric_id = $2 AND ${alias}.filter = $3 AND ${shotsCondition(`${alias}.shots`, view.shots, params)}`;
  // one statement: the view's analyses (by curve_analysis_key), their latest time, and the view's queue entry
  const { rows } = await getPool().query<{ analyses: CurveAnalysis[] | null; computed_at: Date | null; queued: boolean; error: string | null }>(
    `WITH a AS (SELECT a.* FROM curve_analysis a WHERE ${inView("a")} AND a.axis = $4)
     SELECT (SELECT json_agg(a.analysis ORDER BY ${VERDICT_RANK_SQL.replaceAll("verdict", "a.verdict")}, a.p_value NULLS LAST, a.family) FROM a) AS analyses,
            (SELECT max(a.computed_at) FROM a) AS computed_at,
            q.ticket IS NOT NULL AS queued, q.error
     FROM (SELECT 1) one
     LEFT JOIN analysis_queue q ON ${inView("q")}`,
    params,
  );
  const { analyses, computed_at: latest, queued, error } = rows[0];
  return {
    task: view.task.name,
    metric: view.metric.name,
    shots: view.shots,
    filter: view.filter,
    x: query.x,
    analyses: analyses ?? [],
    computedAt: latest?.toISOString() ?? null,
    pending: queued && error === null,
    failed: error,
  };
}

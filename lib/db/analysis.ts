import "server-only";
import { getPool } from "./client";
import { resolveTaskView } from "./curves";
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
  const { rows } = await getPool().query<{ analysis: CurveAnalysis; computed_at: Date }>(
    `SELECT analysis, computed_at FROM curve_analysis
     WHERE task_id = $1 AND metric_id = $2 AND shots IS NOT DISTINCT FROM $3::int AND filter = $4 AND axis = $5
     ORDER BY ${VERDICT_RANK_SQL}, p_value NULLS LAST, family`,
    [view.task.id, view.metric.id, view.shots, view.filter, query.x],
  );
  const queued = await getPool().query<{ error: string | null }>(
    "SELECT error FROM analysis_queue WHERE task_id = $1 AND metric_id = $2 AND shots IS NOT DISTINCT FROM $3::int AND filter = $4",
    [view.task.id, view.metric.id, view.shots, view.filter],
  );
  const latest = rows.reduce<Date | null>((max, r) => (max === null || r.computed_at > max ? r.computed_at : max), null);
  return {
    task: view.task.name,
    metric: view.metric.name,
    shots: view.shots,
    filter: view.filter,
    x: query.x,
    analyses: rows.map((r) => r.analysis),
    computedAt: latest?.toISOString() ?? null,
    pending: queued.rows.length > 0 && queued.rows[0].error === null,
    failed: queued.rows[0]?.error ?? null,
  };
}

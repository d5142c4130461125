import "server-only";
import { getPool } from "./client";
import { VERDICT_RANK_SQL } from "./analysis";
import { chanceForMetric } from "@/lib/emergence/chance-for-metric";
import type { CurveAnalysis, Verdict } from "@/lib/schemas/analysis";
import type { OverviewQuery, OverviewResponse } from "@/lib/schemas/overview";
import { countQueuedViews } from "./analysis-queue";

type Row = {
  task: string;
  suite: string | null;
  metric: string;
  shots: number | null;
  family: string;
  verdict: Verdict;
  score: number | null;
  p_adjusted: number | null;
  chance: number | null;
  higher_is_better: boolean | null;
  lower_bound: number | null;
  upper_bound: number | null;
  analysis: Pick<CurveAnalysis, "reasons" | "points">;
  total: number;
};

// Every filter but the verdict: the verdict counts are shown for the other filters' selection.
const FILTERED = `
  FROM curve_analysis a
  JOIN task t ON t.id = a.task_id
  JOIN metric me ON me.id = a.metric_id
  WHERE a.axis = $1
    AND ($2::text IS NULL OR t.suite = $2)
    AND ($3::text IS NULL OR a.family = $3)
    AND ($4::text IS NULL OR me.name = $4)
    AND ($5::text IS NULL OR strpos(lower(t.name || ' ' || coalesce(t.suite, '') || ' ' || a.family), lower($5)) > 0)`;

/**
 * Every stored curve on one scale axis, ranked by emergence evidence: verdicts
 * that claim most first, then by adjusted p and robust breakthroughness.
 */
export async function listOverview(q: OverviewQuery): Promise<OverviewResponse> {
  const pool = getPool();
  const params = [q.x, q.suite ?? null, q.family ?? null, q.metric ?? null, q.q?.trim() || null];
  const { rows } = await pool.query<Row>(
    `SELECT t.name AS task, t.suite, me.name AS metric, a.shots, a.family, a.verdict, a.score, a.p_adjusted,
            t.chance, me.higher_is_better, me.lower_bound, me.upper_bound,
            jsonb_build_object('reasons', a.analysis->'reasons', 'points', a.analysis->'points') AS analysis,
            count(*) OVER ()::int AS total
     ${FILTERED} AND ($6::text IS NULL OR a.verdict = $6)
     ORDER BY ${VERDICT_RANK_SQL}, a.p_adjusted NULLS LAST, a.score DESC NULLS LAST, t.name, me.name, a.family
     LIMIT $7 OFFSET $8`,
    [...params, q.verdict ?? null, q.limit, q.offset],
  );
  const counts = await pool.query<{ verdict: Verdict; n: number }>(
    `SELECT a.verdict, count(*)::int AS n ${FILTERED} GROUP BY a.verdict`,
    params,
  );
  const facets = await pool.query<{ suites: string[]; families: string[]; metrics: string[] }>(
    `SELECT array_agg(DISTINCT t.suite) FILTER (WHERE t.suite IS NOT NULL) AS suites,
            array_agg(DISTINCT a.family) AS families, array_agg(DISTINCT me.name) AS metrics
     FROM curve_analysis a JOIN task t ON t.id = a.task_id JOIN metric me ON me.id = a.metric_id WHERE a.axis = $1`,
    [q.x],
  );
  const f = facets.rows[0];
  return {
    pendingViews: await countQueuedViews(),
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      task: r.task,
      suite: r.suite,
      metric: r.metric,
      shots: r.shots,
      family: r.family,
      verdict: r.verdict,
      reason: r.analysis.reasons?.[0] ?? "",
      score: r.score,
      pAdjusted: r.p_adjusted,
      chance: chanceForMetric(r.chance, { higherIsBetter: r.higher_is_better, lowerBound: r.lower_bound, upperBound: r.upper_bound }),
      lowerBound: r.lower_bound,
      upperBound: r.upper_bound,
      points: (r.analysis.points ?? []).map((p) => ({ x: p.x, y: p.value })),
    })),
    facets: {
      suites: f?.suites ?? [],
      families: f?.families ?? [],
      metrics: f?.metrics ?? [],
      verdicts: Object.fromEntries(counts.rows.map((c) => [c.verdict, c.n])),
    },
  };
}

import "server-only";
import { getPool } from "./client";
import { VERDICT_RANK_SQL } from "./analysis";
import type { CurveAnalysis, Verdict } from "@/lib/schemas/analysis";
import type { OverviewQuery, OverviewResponse } from "@/lib/schemas/overview";
import { countQueuedViews } from "@/lib/db/analysis-queue";

type Row = {
  task: string;
  suite: string | null;
  metric: string;
  shots: number | null;
  filter: string;
  family: string;
  verdict: Verdict;
  score: number | null;
  p_value: number | null;
  q_value: number | null;
  lower_bound: number | null;
  upper_bound: number | null;
  analysis: Pick<CurveAnalysis, "reasons" | "points" | "chance">;
  total: number;
};

// Every filter but the verdict: the selection whose curves the q-values and the verdict counts cover.
// A group task (lm-eval's mmlu over its subtasks) is left out: its curves restate its subtasks',
// and counting both would test the same evidence twice.
const SELECTED = `
  SELECT a.id, a.shots, a.filter, a.family, a.verdict, a.score, a.p_value,
         t.name AS task, t.suite, me.name AS metric, me.lower_bound, me.upper_bound
  FROM curve_analysis a
  JOIN task t ON t.id = a.task_id
  JOIN metric me ON me.id = a.metric_id
  WHERE a.axis = $1 AND NOT t.is_group
    AND ($2::text IS NULL OR t.suite = $2)
    AND ($3::text IS NULL OR a.family = $3)
    AND ($4::text IS NULL OR me.name = $4)
    AND ($5::text IS NULL OR strpos(lower(t.name || ' ' || coalesce(t.suite, '') || ' ' || a.family), lower($5)) > 0)
    AND ($6::text IS NULL OR a.filter = $6)`;

/**
 * Benjamini–Hochberg q-values over the selection's tested curves, in SQL: sort the
 * m p-values ascending, q_(i) = min over j ≥ i of min(1, m · p_(j) / j) (the running
 * minimum from the largest p down), as lib/emergence/benjamini-hochberg.ts does.
 */
const WITH_Q = `
  WITH selected AS (${SELECTED}),
  ranked AS (
    SELECT id, p_value, row_number() OVER (ORDER BY p_value, id) AS rank, count(*) OVER () AS m
    FROM selected WHERE p_value IS NOT NULL
  ),
  q AS (
    SELECT id, least(1, min(p_value * m / rank) OVER (ORDER BY p_value DESC, id DESC ROWS UNBOUNDED PRECEDING)) AS q_value, m
    FROM ranked
  )`;

/**
 * Every stored curve on one scale axis that matches the filters, ranked by
 * evidence of emergence, with q-values computed for this request over the
 * curves the reader selected (all filters but the verdict): the false discovery
 * rate is controlled over what is being looked at, never over the whole store.
 */
export async function listOverview(q: OverviewQuery): Promise<OverviewResponse> {
  const pool = getPool();
  const params = [q.x, q.suite ?? null, q.family ?? null, q.metric ?? null, q.q?.trim() || null, q.filter ?? null];
  const order =
    q.sort === "q"
      ? "q.q_value NULLS LAST, s.p_value NULLS LAST, s.task, s.metric, s.family"
      : `${VERDICT_RANK_SQL.replaceAll("verdict", "s.verdict")}, q.q_value NULLS LAST, s.score DESC NULLS LAST, s.task, s.metric, s.family`;
  const { rows } = await pool.query<Row>(
    `${WITH_Q}
     SELECT page.*,
            jsonb_build_object('reasons', a.analysis->'reasons', 'points', a.analysis->'points', 'chance', a.analysis->'chance') AS analysis
     FROM (
       SELECT s.id, s.task, s.suite, s.metric, s.shots, s.filter, s.family, s.verdict, s.score, s.p_value, q.q_value,
              s.lower_bound, s.upper_bound, count(*) OVER ()::int AS total,
              row_number() OVER (ORDER BY ${order}) AS position
       FROM selected s LEFT JOIN q ON q.id = s.id
       WHERE $7::text IS NULL OR s.verdict = $7
       ORDER BY position
       LIMIT $8 OFFSET $9
     ) page JOIN curve_analysis a ON a.id = page.id
     ORDER BY page.position`,
    [...params, q.verdict ?? null, q.limit, q.offset],
  );
  const summary = await pool.query<{ verdict: Verdict; n: number; significant: number; tested: number }>(
    `${WITH_Q}
     SELECT s.verdict, count(*)::int AS n,
            count(*) FILTER (WHERE q.q_value < 0.05)::int AS significant,
            (SELECT count(*) FROM ranked)::int AS tested
     FROM selected s LEFT JOIN q ON q.id = s.id GROUP BY s.verdict`,
    params,
  );
  const facets = await pool.query<{ suites: string[]; families: string[]; metrics: string[]; filters: string[] }>(
    `SELECT array_agg(DISTINCT t.suite) FILTER (WHERE t.suite IS NOT NULL) AS suites,
            array_agg(DISTINCT a.family) AS families, array_agg(DISTINCT me.name) AS metrics, array_agg(DISTINCT a.filter) AS filters
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
      filter: r.filter,
      family: r.family,
      verdict: r.verdict,
      reason: r.analysis.reasons?.[0] ?? "",
      score: r.score,
      pValue: r.p_value,
      qValue: r.q_value,
      chance: r.analysis.chance ?? null,
      lowerBound: r.lower_bound,
      upperBound: r.upper_bound,
      points: (r.analysis.points ?? []).map((p) => ({ x: p.x, y: p.value })),
    })),
    fdr: {
      tested: summary.rows[0]?.tested ?? 0,
      abruptAtFdr5: summary.rows.find((r) => r.verdict === "abrupt")?.significant ?? 0,
    },
    facets: {
      suites: f?.suites ?? [],
      families: f?.families ?? [],
      metrics: f?.metrics ?? [],
      filters: f?.filters ?? [],
      verdicts: Object.fromEntries(summary.rows.map((c) => [c.verdict, c.n])),
    },
  };
}

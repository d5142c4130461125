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
 * Only (id, p) pairs are sorted; m is counted once, not by a window over every row.
 */
const WITH_Q = `
  WITH selected AS MATERIALIZED (${SELECTED}),
  tested AS (SELECT count(*) AS m FROM selected WHERE p_value IS NOT NULL),
  ranked AS (
    SELECT id, p_value, row_number() OVER (ORDER BY p_value, id) AS rank
    FROM selected WHERE p_value IS NOT NULL
  ),
  q AS (
    SELECT id, least(1, min(p_value * (SELECT m FROM tested) / rank) OVER (ORDER BY p_value DESC, id DESC ROWS UNBOUNDED PRECEDING)) AS q_value
    FROM ranked
  ),
  judged AS MATERIALIZED (SELECT s.*, q.q_value FROM selected s LEFT JOIN q ON q.id = s.id)`;

type Summary = { verdict: Verdict; n: number; significant: number };
type Facets = { suites: string[] | null; families: string[] | null; metrics: string[] | null; filters: string[] | null };

/**
 * Every stored curve on one scale axis that matches the filters, ranked by
 * evidence of emergence, with q-values computed for this request over the
 * curves the reader selected (all filters but the verdict): the false discovery
 * rate is controlled over what is being looked at, never over the whole store.
 * One statement: the page is a top-N over the selection (no full sort, no
 * window over every row), the verdict counts and facets come from the same pass
 * over curve_analysis_overview_idx, and only the page's rows read their analysis JSON.
 */
export async function listOverview(q: OverviewQuery): Promise<OverviewResponse> {
  const params = [q.x, q.suite ?? null, q.family ?? null, q.metric ?? null, q.q?.trim() || null, q.filter ?? null, q.verdict ?? null, q.limit, q.offset];
  const order = (j: string) =>
    q.sort === "q"
      ? `${j}.q_value NULLS LAST, ${j}.p_value NULLS LAST, ${j}.task, ${j}.metric, ${j}.family`
      : `${VERDICT_RANK_SQL.replaceAll("verdict", `${j}.verdict`)}, ${j}.q_value NULLS LAST, ${j}.score DESC NULLS LAST, ${j}.task, ${j}.metric, ${j}.family`;
  const { rows } = await getPool().query<{ items: Row[] | null; summary: Summary[] | null; tested: number; facets: Facets }>(
    `${WITH_Q},
     -- the facets cover the whole axis, whatever the filters: its distinct keys first, then the few names
     facet_keys AS MATERIALIZED (SELECT DISTINCT task_id, metric_id, family, filter FROM curve_analysis WHERE axis = $1),
     page AS (SELECT j.* FROM judged j WHERE $7::text IS NULL OR j.verdict = $7 ORDER BY ${order("j")} LIMIT $8 OFFSET $9)
     SELECT
       (SELECT json_agg(json_build_object(
                 'task', p.task, 'suite', p.suite, 'metric', p.metric, 'shots', p.shots, 'filter', p.filter, 'family', p.family,
                 'verdict', p.verdict, 'score', p.score, 'p_value', p.p_value, 'q_value', p.q_value,
                 'lower_bound', p.lower_bound, 'upper_bound', p.upper_bound,
                 'analysis', json_build_object('reasons', a.analysis->'reasons', 'points', a.analysis->'points', 'chance', a.analysis->'chance'))
               ORDER BY ${order("p")})
          FROM page p JOIN curve_analysis a ON a.id = p.id) AS items,
       (SELECT json_agg(v) FROM (
          SELECT verdict, count(*)::int AS n, (count(*) FILTER (WHERE q_value < 0.05))::int AS significant
          FROM judged GROUP BY verdict) v) AS summary,
       (SELECT m::int FROM tested) AS tested,
       (SELECT json_build_object(
                 'suites', (SELECT array_agg(x.suite ORDER BY x.suite) FROM (
                    SELECT DISTINCT t.suite FROM task t WHERE t.suite IS NOT NULL AND t.id IN (SELECT task_id FROM facet_keys)) x),
                 'families', (SELECT array_agg(x.family ORDER BY x.family) FROM (SELECT DISTINCT family FROM facet_keys) x),
                 'metrics', (SELECT array_agg(me.name ORDER BY me.name) FROM metric me WHERE me.id IN (SELECT metric_id FROM facet_keys)),
                 'filters', (SELECT array_agg(x.filter ORDER BY x.filter) FROM (SELECT DISTINCT filter FROM facet_keys) x))) AS facets`,
    params,
  );
  const { items, summary, tested, facets: f } = rows[0];
  const counts = summary ?? [];
  const total = q.verdict ? (counts.find((c) => c.verdict === q.verdict)?.n ?? 0) : counts.reduce((sum, c) => sum + c.n, 0);
  return {
    pendingViews: await countQueuedViews(),
    total,
    items: (items ?? []).map((r) => ({
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
      tested,
      abruptAtFdr5: counts.find((r) => r.verdict === "abrupt")?.significant ?? 0,
    },
    facets: {
      suites: f.suites ?? [],
      families: f.families ?? [],
      metrics: f.metrics ?? [],
      filters: f.filters ?? [],
      verdicts: Object.fromEntries(counts.map((c) => [c.verdict, c.n])),
    },
  };
}

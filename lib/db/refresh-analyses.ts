import "server-only";
import type pg from "pg";
import { ANALYSIS_DEFAULTS, analyzeCurves } from "@/lib/emergence/analyze-curves";
import { AXES, toCurveInputs, toGroupId, type CurvePointRow } from "@/lib/emergence/to-curve-inputs";
import type { CurveInput } from "@/lib/emergence/types";
import type { CurveAnalysis } from "@/lib/schemas/analysis";
import type { ScaleAxis } from "@/lib/schemas/curves";
import { getPool } from "./client";
import { withTransaction } from "./with-transaction";

/** A task view whose curves a change touched: one task × metric × shots × filter, every axis and family. */
export type CurveGroup = { taskId: number; metricId: number; shots: number | null; filter: string };

export type RefreshSummary = { analysedCurves: number; ms: number };

/** Serialises writers of stored analyses. */
const REFRESH_LOCK = 7_245_001;

const POINTS_SQL = `
  SELECT t.name AS task, me.name AS metric, r.shots, r.filter, t.chance,
         tm.chance AS "taskMetricChance", tm.chance_source AS "taskMetricChanceSource",
         COALESCE(tm.higher_is_better, me.higher_is_better) AS "higherIsBetter",
         me.lower_bound AS "lowerBound", me.upper_bound AS "upperBound", me.kind,
         COALESCE(f.name, '(no family)') AS family, m.name AS model, m.parameters,
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

type Row = CurvePointRow & { taskId: number; metricId: number };
type ViewKey = CurveGroup & { axis: ScaleAxis };

const asColumns = (groups: CurveGroup[]) => [
  groups.map((g) => g.taskId), groups.map((g) => g.metricId), groups.map((g) => g.shots), groups.map((g) => g.filter),
];
const VIEWS_SQL = "unnest($1::int[], $2::int[], $3::int[], $4::text[]) AS g(task_id, metric_id, shots, filter)";
const IN_VIEW = (alias: string) =>
  `g.task_id = ${alias}.task_id AND g.metric_id = ${alias}.metric_id AND g.shots IS NOT DISTINCT FROM ${alias}.shots AND g.filter = ${alias}.filter`;

/** Every final-checkpoint result of the given task views (or of all), with what the analysis needs. */
export async function loadRows(groups: CurveGroup[] | "all"): Promise<Row[]> {
  if (groups === "all") return (await getPool().query<Row>(`${POINTS_SQL} ORDER BY m.name`)).rows;
  const { rows } = await getPool().query<Row>(`${POINTS_SQL} JOIN ${VIEWS_SQL} ON ${IN_VIEW("r")} ORDER BY m.name`, asColumns(groups));
  return rows;
}

/** Analyses every view's curves, one view at a time, yielding to the event loop every ~50 ms. */
async function analyzeViews(curves: CurveInput[]): Promise<{ input: CurveInput; analysis: CurveAnalysis }[]> {
  const views = new Map<string, CurveInput[]>();
  for (const c of curves) views.set(c.groupId, [...(views.get(c.groupId) ?? []), c]);
  const out: { input: CurveInput; analysis: CurveAnalysis }[] = [];
  let slice = performance.now();
  for (const view of views.values()) {
    analyzeCurves(view, ANALYSIS_DEFAULTS).forEach((analysis, i) => out.push({ input: view[i], analysis }));
    if (performance.now() - slice > 50) {
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
  }
  return out;
}

/** The queue tickets of the views about to be read: read before their results, so a view queued again later stays queued. */
async function queuedTickets(groups: CurveGroup[] | "all"): Promise<string[]> {
  const { rows } =
    groups === "all"
      ? await getPool().query<{ ticket: string }>("SELECT ticket::text AS ticket FROM analysis_queue")
      : await getPool().query<{ ticket: string }>(
          `SELECT q.ticket::text AS ticket FROM analysis_queue q JOIN ${VIEWS_SQL} ON ${IN_VIEW("q")}`,
          asColumns(groups),
        );
  return rows.map((r) => r.ticket);
}

async function replaceViews(client: pg.PoolClient, groups: CurveGroup[] | "all", rows: Row[], analysed: { input: CurveInput; analysis: CurveAnalysis }[]) {
  if (groups === "all") await client.query("DELETE FROM curve_analysis");
  else await client.query(`DELETE FROM curve_analysis a USING ${VIEWS_SQL} WHERE ${IN_VIEW("a")}`, asColumns(groups));
  const views = new Map<string, ViewKey>();
  for (const r of rows) {
    for (const axis of AXES) views.set(toGroupId(r.task, r.metric, r.shots, r.filter, axis), { taskId: r.taskId, metricId: r.metricId, shots: r.shots, filter: r.filter, axis });
  }
  const cols = analysed.map((a) => ({ ...(views.get(a.input.groupId) as ViewKey), analysis: a.analysis }));
  await client.query(
    `INSERT INTO curve_analysis (task_id, metric_id, shots, filter, axis, family, verdict, score, p_value, p_smooth, analysis)
     SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::float8[], $10::float8[], $11::jsonb[])`,
    [
      cols.map((c) => c.taskId), cols.map((c) => c.metricId), cols.map((c) => c.shots), cols.map((c) => c.filter),
      cols.map((c) => c.axis), cols.map((c) => c.analysis.family), cols.map((c) => c.analysis.verdict),
      cols.map((c) => c.analysis.breakthroughness.robust), cols.map((c) => c.analysis.transition?.pAbrupt ?? null),
      cols.map((c) => c.analysis.transition?.pSmooth ?? null), cols.map((c) => JSON.stringify(c.analysis)),
    ],
  );
}

/**
 * Re-analyses the curves of the given task views (or all) and replaces their
 * stored analyses, taking the views off the analysis queue. A verdict depends
 * only on its own view, so nothing else is read or rewritten: the cost of a
 * refresh is the size of the views it touches, never the size of the store.
 * The fits run without holding a connection.
 */
export async function refreshAnalyses(groups: CurveGroup[] | "all"): Promise<RefreshSummary> {
  const started = performance.now();
  if (groups !== "all" && groups.length === 0) return { analysedCurves: 0, ms: 0 };
  const tickets = await queuedTickets(groups);
  const rows = await loadRows(groups);
  const analysed = await analyzeViews(toCurveInputs(rows));
  await withRefreshLock(async (client) => {
    await replaceViews(client, groups, rows, analysed);
    await client.query("DELETE FROM analysis_queue WHERE ticket = ANY($1::bigint[])", [tickets]);
  });
  return { analysedCurves: analysed.length, ms: Math.round(performance.now() - started) };
}

/** Runs `work` in a transaction holding the refresh lock: one writer of stored analyses at a time. */
export const withRefreshLock = <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> =>
  withTransaction(work, { advisoryLock: REFRESH_LOCK });

import "server-only";
import type pg from "pg";
import { analyzeCurve } from "@/lib/emergence/analyze-curve";
import { ANALYSIS_DEFAULTS } from "@/lib/emergence/analyze-curves";
import { finalizeAnalyses, toEvidenceSummary, type EvidenceSummary } from "@/lib/emergence/finalize-analyses";
import type { CurveAnalysis } from "@/lib/schemas/analysis";
import { AXES, toCurveInputs, toGroupId, type CurvePointRow } from "@/lib/emergence/to-curve-inputs";
import type { ScaleAxis } from "@/lib/schemas/curves";
import { getPool } from "./client";
import { withTransaction } from "./with-transaction";

/** A task view whose curves an ingest touched. */
export type CurveGroup = { taskId: number; metricId: number; shots: number | null };

export type RefreshSummary = { analysedCurves: number; storedCurves: number; ms: number };

/** Serialises refreshes: the final pass re-judges every stored curve together. */
const REFRESH_LOCK = 7_245_001;

const POINTS_SQL = `
  SELECT t.name AS task, me.name AS metric, r.shots, t.chance,
         me.higher_is_better AS "higherIsBetter", me.lower_bound AS "lowerBound", me.upper_bound AS "upperBound", me.kind,
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
  JOIN metric me ON me.id = r.metric_id`;

type Row = CurvePointRow & { taskId: number; metricId: number };

async function loadRows(groups: CurveGroup[] | "all"): Promise<Row[]> {
  if (groups === "all") return (await getPool().query<Row>(`${POINTS_SQL} ORDER BY m.name`)).rows;
  const { rows } = await getPool().query<Row>(
    `${POINTS_SQL}
     JOIN unnest($1::int[], $2::int[], $3::int[]) AS g(task_id, metric_id, shots)
       ON g.task_id = r.task_id AND g.metric_id = r.metric_id AND g.shots IS NOT DISTINCT FROM r.shots
     ORDER BY m.name`,
    [groups.map((g) => g.taskId), groups.map((g) => g.metricId), groups.map((g) => g.shots)],
  );
  return rows;
}

/** Fits and bootstraps every curve, yielding to the event loop every ~50 ms so a server stays responsive. */
async function analyzeRows(rows: Row[]): Promise<EvidenceSummary[]> {
  const summaries: EvidenceSummary[] = [];
  let slice = performance.now();
  for (const input of toCurveInputs(rows)) {
    summaries.push(toEvidenceSummary(analyzeCurve(input, ANALYSIS_DEFAULTS)));
    if (performance.now() - slice > 50) {
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
  }
  return summaries;
}

/**
 * The queue tickets of the views about to be read. Read before their results, so a
 * view queued again later (a new ticket) stays queued for the next refresh.
 */
async function queuedTickets(groups: CurveGroup[] | "all"): Promise<string[]> {
  const { rows } =
    groups === "all"
      ? await getPool().query<{ ticket: string }>("SELECT ticket::text AS ticket FROM analysis_queue")
      : await getPool().query<{ ticket: string }>(
          `SELECT q.ticket::text AS ticket FROM analysis_queue q
           JOIN unnest($1::int[], $2::int[], $3::int[]) AS g(task_id, metric_id, shots)
             ON q.task_id = g.task_id AND q.metric_id = g.metric_id AND q.shots IS NOT DISTINCT FROM g.shots`,
          [groups.map((g) => g.taskId), groups.map((g) => g.metricId), groups.map((g) => g.shots)],
        );
  return rows.map((r) => r.ticket);
}

async function replaceGroups(client: pg.PoolClient, groups: CurveGroup[] | "all", rows: Row[], summaries: EvidenceSummary[]) {
  if (groups === "all") await client.query("DELETE FROM curve_analysis");
  else {
    await client.query(
      `DELETE FROM curve_analysis a USING unnest($1::int[], $2::int[], $3::int[]) AS g(task_id, metric_id, shots)
       WHERE a.task_id = g.task_id AND a.metric_id = g.metric_id AND a.shots IS NOT DISTINCT FROM g.shots`,
      [groups.map((g) => g.taskId), groups.map((g) => g.metricId), groups.map((g) => g.shots)],
    );
  }
  const views = new Map<string, { taskId: number; metricId: number; shots: number | null; axis: ScaleAxis }>();
  for (const r of rows) {
    for (const axis of AXES) views.set(toGroupId(r.task, r.metric, r.shots, axis), { taskId: r.taskId, metricId: r.metricId, shots: r.shots, axis });
  }
  const cols = summaries.map((s) => ({ ...views.get(s.input.groupId)!, summary: s }));
  await client.query(
    `INSERT INTO curve_analysis (task_id, metric_id, shots, axis, family, verdict, evidence, analysis)
     SELECT t, m, s, a, f, 'insufficient', e, '{}'::jsonb
     FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::jsonb[]) AS u(t, m, s, a, f, e)`,
    [
      cols.map((c) => c.taskId), cols.map((c) => c.metricId),
      cols.map((c) => c.shots), cols.map((c) => c.axis), cols.map((c) => c.summary.input.family),
      cols.map((c) => JSON.stringify(c.summary)),
    ],
  );
}

/** Writes the judged curves' verdicts and analyses. */
async function storeJudged(client: pg.PoolClient, rows: { id: number }[], analyses: CurveAnalysis[]) {
  await client.query(
    `UPDATE curve_analysis a SET verdict = u.verdict, score = u.score, p_value = u.p, p_adjusted = u.padj,
            analysis = u.analysis, computed_at = now()
     FROM unnest($1::int[], $2::text[], $3::float8[], $4::float8[], $5::float8[], $6::jsonb[])
       AS u(id, verdict, score, p, padj, analysis)
     WHERE a.id = u.id`,
    [
      rows.map((r) => r.id), analyses.map((a) => a.verdict), analyses.map((a) => a.breakthroughness.robust),
      analyses.map((a) => a.pValue), analyses.map((a) => a.pAdjusted), analyses.map((a) => JSON.stringify(a)),
    ],
  );
}

/** Curves judged per step of a re-judgement: whole task views, so suspect-zero sees every family of a view. */
const JUDGE_CHUNK = 2_000;

type StoredPValues = { id: number; view: string; mine: boolean; p: number | null; sp: number | null };

/**
 * Judges the stored curves of the given task views (or all of them), with every
 * stored curve's p-values in the Benjamini–Hochberg family. The curves are read,
 * judged and written a chunk of whole views at a time, yielding between chunks,
 * so a store of 60k curves never blocks the server for long; the verdicts are
 * the same as judging all at once (the adjustment always sees every p-value).
 */
async function judgeStored(client: pg.PoolClient, groups: CurveGroup[] | "all"): Promise<number> {
  const all = groups === "all";
  const { rows } = await client.query<StoredPValues>(
    `SELECT a.id, concat_ws('|', a.task_id, a.metric_id, a.shots) AS view, ${all ? "true" : "g.task_id IS NOT NULL"} AS mine,
            (a.evidence->'test'->>'pValue')::float8 AS p, (a.evidence->'slope'->>'pValue')::float8 AS sp
     FROM curve_analysis a
     LEFT JOIN (SELECT DISTINCT * FROM unnest($1::int[], $2::int[], $3::int[])) AS g(task_id, metric_id, shots)
       ON a.task_id = g.task_id AND a.metric_id = g.metric_id AND a.shots IS NOT DISTINCT FROM g.shots
     ORDER BY a.task_id, a.metric_id, a.shots, a.id`,
    all ? [[], [], []] : [groups.map((g) => g.taskId), groups.map((g) => g.metricId), groups.map((g) => g.shots)],
  );
  const mine = rows.filter((r) => r.mine);
  for (let start = 0; start < mine.length; ) {
    let end = Math.min(start + JUDGE_CHUNK, mine.length);
    while (end < mine.length && mine[end].view === mine[end - 1].view) end++;
    const chunk = new Set(mine.slice(start, end).map((r) => r.id));
    const { rows: judged } = await client.query<{ id: number; evidence: EvidenceSummary }>(
      "SELECT id, evidence FROM curve_analysis WHERE id = ANY($1::int[]) ORDER BY id",
      [[...chunk]],
    );
    const others = rows.filter((r) => !chunk.has(r.id)).map((r) => ({ pValue: r.p, slopePValue: r.sp }));
    await storeJudged(client, judged, finalizeAnalyses(judged.map((r) => r.evidence), ANALYSIS_DEFAULTS.alpha, others));
    await new Promise((resolve) => setImmediate(resolve));
    start = end;
  }
  return rows.length;
}

/** Re-judges every stored curve together: Benjamini–Hochberg spans all of them. */
export const rejudgeAll = (client: pg.PoolClient) => judgeStored(client, "all");

/**
 * Re-analyses the curves of the given task views (or all), stores their
 * evidence, takes them off the analysis queue, then re-judges every stored curve
 * together (or, with `judge: "views"`, only these views' curves, against every
 * stored p-value: a batch of a long drain then costs its own size, not the store's). The expensive part (fits and bootstraps) runs only for the
 * given curves, and without holding a connection.
 */
export async function refreshAnalyses(groups: CurveGroup[] | "all", judge: "all" | "views" = "all"): Promise<RefreshSummary> {
  const started = performance.now();
  if (groups !== "all" && groups.length === 0) return { analysedCurves: 0, storedCurves: 0, ms: 0 };
  const tickets = await queuedTickets(groups);
  const rows = await loadRows(groups);
  const summaries = await analyzeRows(rows);
  return withRefreshLock(async (client) => {
    await replaceGroups(client, groups, rows, summaries);
    await client.query("DELETE FROM analysis_queue WHERE ticket = ANY($1::bigint[])", [tickets]);
    const stored = await judgeStored(client, judge === "views" ? groups : "all");
    return { analysedCurves: summaries.length, storedCurves: stored, ms: Math.round(performance.now() - started) };
  });
}

/** Runs `work` in a transaction holding the refresh lock: one writer of stored analyses at a time. */
export const withRefreshLock = <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> =>
  withTransaction(work, { setup: [`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`] });

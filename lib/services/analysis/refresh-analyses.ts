import "server-only";
import type pg from "pg";
import { toCurveInputs, toGroupId } from "@/lib/emergence/to-curve-inputs";
import { SCALE_AXES } from "@/lib/domain/scale-axes";
import type { CurveInput } from "@/lib/emergence/types";
import type { CurveAnalysis } from "@/lib/schemas/analysis";
import type { ScaleAxis } from "@/lib/schemas/curves";
import { analyzeOffThread, ViewAnalysisFailed } from "./analysis-process";
import { getPool } from "@/lib/db/client";
import { asColumns, groupKey, IN_VIEW, loadRows, VIEWS_SQL, type CurveGroup, type ViewRow } from "@/lib/db/view-rows";
import { withTransaction } from "@/lib/db/with-transaction";

export type { CurveGroup } from "@/lib/db/view-rows";

export type RefreshSummary = { analysedCurves: number; failedViews: number; failed: Map<string, string>; ms: number };

/** Serialises writers of stored analyses. */
const REFRESH_LOCK = 7_245_001;

type Placement = { group: CurveGroup; axis: ScaleAxis };
type Analysed = { input: CurveInput; analysis: CurveAnalysis };

/** Where each curve id of the rows belongs: its task view and its axis. */
function placements(rows: ViewRow[]): Map<string, Placement> {
  const out = new Map<string, Placement>();
  for (const r of rows) {
    const group = { taskId: r.taskId, metricId: r.metricId, shots: r.shots, filter: r.filter };
    for (const axis of SCALE_AXES) out.set(toGroupId(r.task, r.metric, r.shots, r.filter, axis), { group, axis });
  }
  return out;
}

/**
 * Analyses each task view (every axis together) on the analysis thread
 * (lib/services/analysis/analysis-process.ts), one view per message, so the fits never run on the
 * request loop. A view that fails or exceeds its budget is reported with its
 * reason, keyed by the view; the others go on.
 */
async function analyzeViews(curves: CurveInput[], placed: Map<string, Placement>): Promise<{ done: Analysed[]; failed: Map<string, string> }> {
  const views = new Map<string, CurveInput[]>();
  for (const c of curves) {
    const key = groupKey((placed.get(c.groupId) as Placement).group);
    views.set(key, [...(views.get(key) ?? []), c]);
  }
  const done: Analysed[] = [];
  const failed = new Map<string, string>();
  for (const [key, view] of views) {
    try {
      const analyses = await analyzeOffThread(view);
      analyses.forEach((analysis, i) => done.push({ input: view[i], analysis }));
    } catch (err) {
      if (!(err instanceof ViewAnalysisFailed)) throw err;
      failed.set(key, err.message);
    }
  }
  return { done, failed };
}

/** The queue tickets of the views about to be read: read before their results, so a view queued again later stays queued. */
async function queuedTickets(groups: CurveGroup[]): Promise<{ ticket: string; key: string; group: CurveGroup }[]> {
  const sql = `SELECT q.ticket::text AS ticket, q.task_id AS "taskId", q.metric_id AS "metricId", q.shots, q.filter FROM analysis_queue q`;
  const { rows } = await getPool().query<CurveGroup & { ticket: string }>(`${sql} JOIN ${VIEWS_SQL} ON ${IN_VIEW("q")}`, asColumns(groups));
  return rows.map(({ ticket, ...group }) => ({ ticket, key: groupKey(group), group }));
}

/** Which of the views still have a ledger row, locked until the caller's transaction ends. */
async function queuedKeys(client: pg.PoolClient, groups: CurveGroup[]): Promise<Set<string>> {
  if (groups.length === 0) return new Set();
  const { rows } = await client.query<CurveGroup>(
    `SELECT q.task_id AS "taskId", q.metric_id AS "metricId", q.shots, q.filter FROM analysis_queue q JOIN ${VIEWS_SQL} ON ${IN_VIEW("q")} FOR UPDATE OF q`,
    asColumns(groups),
  );
  return new Set(rows.map(groupKey));
}

async function replaceViews(client: pg.PoolClient, groups: CurveGroup[], analysed: Analysed[], placed: Map<string, Placement>) {
  await client.query(`DELETE FROM curve_analysis a USING ${VIEWS_SQL} WHERE ${IN_VIEW("a")}`, asColumns(groups));
  const cols = analysed.map((a) => {
    const { group, axis } = placed.get(a.input.groupId) as Placement;
    return { ...group, axis, analysis: a.analysis };
  });
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

export type RefreshOptions = {
  /** only the views the ledger (analysis_queue) says are waiting, as a job does: a view whose row is gone was analysed by a newer job */
  onlyQueued?: boolean;
  /** mark a view whose analysis fails as failed in the ledger now (a direct refresh); a job leaves that to its last attempt */
  park?: boolean;
};

/**
 * Re-analyses the curves of the given task views and replaces their
 * stored analyses, taking the views off the analysis ledger. A verdict depends
 * only on its own view, so nothing else is read or rewritten: the cost of a
 * refresh is the size of the views it touches, never the size of the store.
 * A view whose analysis fails or exceeds its budget keeps its previous analysis
 * and is reported in `failed`; with `park` it is also marked failed, with the reason.
 * A view whose ledger row was removed while this refresh ran (a newer job analysed
 * newer results and stored them) is not overwritten with what this one read.
 */
export async function refreshAnalyses(groups: CurveGroup[], { onlyQueued = false, park = true }: RefreshOptions = {}): Promise<RefreshSummary> {
  const started = performance.now();
  const tickets = groups.length === 0 ? [] : await queuedTickets(groups);
  const waiting = new Set(tickets.map((t) => t.key));
  const wanted = onlyQueued ? groups.filter((g) => waiting.has(groupKey(g))) : groups;
  if (wanted.length === 0) return { analysedCurves: 0, failedViews: 0, failed: new Map(), ms: 0 };
  const rows = await loadRows(wanted);
  const placed = placements(rows);
  const { done, failed } = await analyzeViews(toCurveInputs(rows), placed);
  // a failed view keeps what was stored for it; every other view is replaced
  let stored = done;
  await withRefreshLock(async (client) => {
    const still = await queuedKeys(client, tickets.map((t) => t.group));
    const superseded = new Set(tickets.filter((t) => !still.has(t.key)).map((t) => t.key));
    const replaced = wanted.filter((g) => !failed.has(groupKey(g)) && !superseded.has(groupKey(g)));
    stored = done.filter((a) => !superseded.has(groupKey((placed.get(a.input.groupId) as Placement).group)));
    await replaceViews(client, replaced, stored, placed);
    await client.query("DELETE FROM analysis_queue WHERE ticket = ANY($1::bigint[])", [tickets.filter((t) => !failed.has(t.key)).map((t) => t.ticket)]);
    if (!park) return;
    for (const [key, reason] of failed) {
      const ticket = tickets.find((t) => t.key === key)?.ticket;
      if (ticket) await client.query("UPDATE analysis_queue SET failed_at = now(), error = $2 WHERE ticket = $1", [ticket, reason]);
      else await markFailedView(client, key, reason, placed);
    }
  });
  return { analysedCurves: stored.length, failedViews: failed.size, failed, ms: Math.round(performance.now() - started) };
}

/** A view analysed without being queued (a direct refresh) that failed: entered in the ledger now, marked failed. */
async function markFailedView(client: pg.PoolClient, key: string, reason: string, placed: Map<string, Placement>) {
  const group = [...placed.values()].find((p) => groupKey(p.group) === key)?.group;
  if (!group) return;
  await client.query(
    `INSERT INTO analysis_queue (task_id, metric_id, shots, filter, failed_at, error) VALUES ($1, $2, $3, $4, now(), $5)
     ON CONFLICT (task_id, metric_id, shots, filter) DO UPDATE SET failed_at = now(), error = EXCLUDED.error`,
    [group.taskId, group.metricId, group.shots, group.filter, reason],
  );
}

/** Runs `work` in a transaction holding the refresh lock: one writer of stored analyses at a time. */
export const withRefreshLock = <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> =>
  withTransaction(work, { advisoryLock: REFRESH_LOCK });

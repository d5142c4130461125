import "server-only";
import { toCurveInputs, toGroupId } from "@/lib/emergence/to-curve-inputs";
import type { PooledQuery, PooledResponse } from "@/lib/schemas/pooled";
import { AppError } from "@/lib/errors/app-error";
import { poolOffThread, ViewAnalysisFailed } from "./analysis-process";
import { loadRows } from "@/lib/db/view-rows";
import { resolveTaskView } from "@/lib/db/curves";

export const POOLING_ASSUMPTION =
  "Pooling assumes every family follows one curve in log-scale, shifted along the axis by its own offset (how much less scale it needs for the same score, as in Ruan et al. 2024); families whose points do not follow it are flagged and left out, and the pooled test does not account for the fitted offsets.";

/**
 * One task view's families pooled on one curve (lib/emergence/pooled), with its verdict,
 * threshold and the families' offsets. Computed at read time in the analysis process;
 * models without a family are not pooled (toCurveInputs leaves them out: no family to offset).
 */
export async function getPooled(query: PooledQuery): Promise<PooledResponse> {
  const view = await resolveTaskView({ ...query });
  const rows = await loadRows([{ taskId: view.task.id, metricId: view.metric.id, shots: view.shots, filter: view.filter }]);
  const groupId = toGroupId(view.task.name, view.metric.name, view.shots, view.filter, query.x);
  const curves = toCurveInputs(rows).filter((c) => c.groupId === groupId);
  const pooled = await poolOffThread(curves).catch((err: unknown) => {
    if (err instanceof ViewAnalysisFailed) throw new AppError(503, "analysis_unavailable", `the pooled curve could not be computed: ${err.message}`, { "retry-after": "5" });
    throw err;
  });
  return { task: view.task.name, metric: view.metric.name, shots: view.shots, filter: view.filter, x: query.x, assumption: POOLING_ASSUMPTION, pooled };
}

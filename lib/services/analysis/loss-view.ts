import "server-only";
import { toGroupId } from "@/lib/emergence/to-curve-inputs";
import { LOSS_METRIC, toLossAnalysis, toLossCurves } from "@/lib/emergence/loss/loss-axis";
import type { LossQuery, LossResponse } from "@/lib/schemas/loss-axis";
import { AppError } from "@/lib/errors/app-error";
import { analyzeOffThread, ViewAnalysisFailed } from "./analysis-process";
import { loadRows } from "@/lib/db/view-rows";
import { finalRows } from "@/lib/db/curve-rows";
import { resolveTaskView } from "@/lib/db/curves";
import { listLossReferences } from "@/lib/db/loss-references";
import { chanceForMetric } from "@/lib/emergence/chance-for-metric";
import { NO_FAMILY } from "@/lib/domain/no-family";

/**
 * One task view with every model placed at its value on a loss-type reference (Du et al.
 * 2024): `ref` = task:metric at `refShots` (default: the reference's own default view),
 * chosen among the loss-type results of the view's models. Each family is analysed at read
 * time on that axis, in the analysis process; models without the reference are unplaced.
 */
export async function getLossView(query: LossQuery): Promise<LossResponse> {
  const view = await resolveTaskView({ task: query.task, metric: query.metric, shots: query.shots, filter: query.filter, x: "params" });
  const rows = await loadRows([{ taskId: view.task.id, metricId: view.metric.id, shots: view.shots, filter: view.filter }]);
  // the view's own metric is no reference for itself
  const references = (await listLossReferences([...new Set(rows.map((r) => r.model))], LOSS_METRIC)).filter(
    (r) => !(r.task === view.task.name && r.metric === view.metric.name),
  );
  const chance = chanceForMetric(
    view.task.chance,
    { higherIsBetter: view.metric.higher_is_better, lowerBound: view.metric.lower_bound, upperBound: view.metric.upper_bound },
    { chance: view.metric.tm_chance, source: view.metric.tm_chance_source },
  );
  const base = { task: view.task.name, metric: view.metric.name, shots: view.shots, filter: view.filter, chance, references };
  const [refTask, refMetric] = query.ref ? query.ref.split(":") : references[0] ? [references[0].task, references[0].metric] : [null, null];
  if (refTask === null || refMetric === null) {
    return { ...base, ref: null, series: [], unplaced: rows.map((r) => ({ model: r.model, value: r.value })), analyses: [] };
  }
  const refView = await resolveTaskView({ task: refTask, metric: refMetric, shots: query.refShots, x: "params" });
  if (!LOSS_METRIC.test(refView.metric.name)) throw new AppError(400, "invalid_query", `ref: ${refMetric} is not a loss-type metric (perplexity, loss, bits per byte)`);
  const lossOf = new Map((await finalRows(refView)).map((r) => [r.model, r.value]));
  const groupId = `${toGroupId(view.task.name, view.metric.name, view.shots, view.filter, "params").replace(/\|params$/, "")}|loss:${refTask}:${refMetric}`;
  const { inputs, unplaced } = toLossCurves(rows, lossOf, groupId);
  // models without a family are plotted, never judged (see toCurveInputs)
  const analyses = await analyzeOffThread(inputs.filter((c) => c.family !== NO_FAMILY)).catch((err: unknown) => {
    if (err instanceof ViewAnalysisFailed) throw new AppError(503, "analysis_unavailable", `the analysis on the loss axis could not be computed: ${err.message}`, { "retry-after": "5" });
    throw err;
  });
  return {
    ...base,
    ref: { task: refView.task.name, metric: refView.metric.name, shots: refView.shots, filter: refView.filter },
    series: inputs.map((c) => ({
      family: c.family,
      points: c.points.map((p) => ({ model: p.model, loss: 1 / p.x, value: p.value, stderr: p.stderr })).sort((a, b) => b.loss - a.loss),
    })),
    unplaced: unplaced.map((r) => ({ model: r.model, value: r.value })),
    analyses: analyses.map(toLossAnalysis),
  };
}

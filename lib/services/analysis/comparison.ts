import "server-only";
import type { MetricCurves } from "@/lib/emergence/compare-metrics";
import { toCurveInputs, toGroupId } from "@/lib/emergence/to-curve-inputs";
import type { ComparisonQuery, ComparisonResponse } from "@/lib/schemas/comparison";
import { AppError } from "@/lib/errors/app-error";
import { compareOffThread, ViewAnalysisFailed } from "./analysis-process";
import { loadRows } from "@/lib/db/view-rows";
import { resolveTaskView } from "@/lib/db/curves";

/**
 * The mirage test on one task: every requested metric (default: all of the task's
 * at these shots) in its own view (the query's filter where the metric has it,
 * else the metric's default), analysed by compareMetrics over the models scored
 * under all of them. Computed at read time from the stored results, on the analysis
 * thread; one that fails or exceeds its budget answers 503 with the reason.
 */
export async function getComparison(query: ComparisonQuery): Promise<ComparisonResponse> {
  const first = await resolveTaskView({ task: query.task, shots: query.shots, x: query.x });
  const wanted = query.metrics ? query.metrics.split(",").map((m) => m.trim()).filter(Boolean) : first.options.metrics;
  const views = await Promise.all(
    wanted.map(async (metric) => {
      const probe = await resolveTaskView({ task: query.task, metric, shots: first.shots ?? "unknown", x: query.x });
      const filter = query.filter && probe.options.filters.includes(query.filter) ? query.filter : probe.filter;
      return { metric, filter, view: { taskId: probe.task.id, metricId: probe.metric.id, shots: probe.shots, filter } };
    }),
  );
  const rows = await loadRows(views.map((v) => v.view));
  const inputs = toCurveInputs(rows);
  const byMetric: MetricCurves[] = views.map((v) => {
    const groupId = toGroupId(first.task.name, v.metric, first.shots, v.filter, query.x);
    return { metric: v.metric, filter: v.filter, curves: inputs.filter((c) => c.groupId === groupId) };
  });
  return {
    task: first.task.name,
    shots: first.shots,
    x: query.x,
    metrics: views.map((v) => ({ metric: v.metric, filter: v.filter })),
    families: await compareOffThread(byMetric).catch((err: unknown) => {
      if (err instanceof ViewAnalysisFailed) throw new AppError(503, "analysis_unavailable", `the metric comparison could not be computed: ${err.message}`, { "retry-after": "5" });
      throw err;
    }),
  };
}

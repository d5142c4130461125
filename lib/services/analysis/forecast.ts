import "server-only";
import { toCurveInputs, toGroupId } from "@/lib/emergence/to-curve-inputs";
import type { ForecastQuery, ForecastResponse } from "@/lib/schemas/forecast";
import { AppError } from "@/lib/errors/app-error";
import { forecastOffThread, ViewAnalysisFailed } from "./analysis-process";
import { loadRows } from "@/lib/db/view-rows";
import { resolveTaskView } from "@/lib/db/curves";

/** Bootstrap refits behind each band: 200 keep a 90 % band's ends within about ±0.01 of their limit (n·p ≥ 10 per tail). */
const FORECAST_DRAWS = 200;

/**
 * One task view forecast by one form (lib/emergence/forecast/forecast-view.ts): each family
 * fitted below the cutoff, the sizes at or above it forecast and compared with what was
 * measured. Computed at read time from the stored results, in the analysis process; one that
 * fails or exceeds its budget answers 503 with the reason.
 */
export async function getForecast(query: ForecastQuery): Promise<ForecastResponse> {
  const view = await resolveTaskView({ task: query.task, metric: query.metric, shots: query.shots, filter: query.filter, x: query.x });
  const rows = await loadRows([{ taskId: view.task.id, metricId: view.metric.id, shots: view.shots, filter: view.filter }]);
  const groupId = toGroupId(view.task.name, view.metric.name, view.shots, view.filter, query.x);
  const curves = toCurveInputs(rows).filter((c) => c.groupId === groupId);
  const scales = [...new Set(curves.flatMap((c) => c.points.map((p) => p.x)))].sort((a, b) => a - b);
  if (scales.length === 0) throw new AppError(422, "nothing_to_forecast", `no result of this view has a scale on the ${query.x} axis`);
  const cutoff = query.cutoff ?? scales[scales.length - 1];
  const options = { form: query.form, cutoff, level: query.level, reach: query.reach ?? null, draws: FORECAST_DRAWS, seed: 0 };
  const families = await forecastOffThread(curves, options).catch((err: unknown) => {
    if (err instanceof ViewAnalysisFailed) throw new AppError(503, "analysis_unavailable", `the forecast could not be computed: ${err.message}`, { "retry-after": "5" });
    throw err;
  });
  return {
    task: view.task.name, metric: view.metric.name, shots: view.shots, filter: view.filter, x: query.x,
    form: query.form, cutoff, level: query.level, reach: query.reach ?? null, scales, families,
  };
}

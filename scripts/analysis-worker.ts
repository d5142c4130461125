// The analysis process of a server or CLI (lib/services/analysis/analysis-process.ts forks it through tsx):
// runs one analysis per message (a task view's curves, or a metric comparison) and sends the
// result back, so no fit ever runs on the request loop.
import { analyzeCurves } from "@/lib/emergence/analyze-curves";
import { compareMetrics, type MetricCurves } from "@/lib/emergence/compare-metrics";
import type { CurveInput } from "@/lib/emergence/types";
import { forecastView, type ForecastViewOptions } from "@/lib/emergence/forecast/forecast-view";
import { analyzePooledView } from "@/lib/emergence/pooled/pooled-view";

type Request = { id: number; seed: number; bootstrap: number } & (
  | { kind: "view"; curves: CurveInput[] }
  | { kind: "compare"; byMetric: MetricCurves[] }
  | { kind: "forecast"; curves: CurveInput[]; options: ForecastViewOptions }
  | { kind: "pooled"; curves: CurveInput[] }
);

function run(m: Request): unknown {
  const options = { seed: m.seed, bootstrap: m.bootstrap };
  if (m.kind === "view") return analyzeCurves(m.curves, options);
  if (m.kind === "compare") return compareMetrics(m.byMetric, options);
  if (m.kind === "pooled") return analyzePooledView(m.curves, options);
  return forecastView(m.curves, m.options);
}

process.on("message", (m: Request) => {
  try {
    process.send?.({ id: m.id, result: run(m) });
  } catch (err) {
    process.send?.({ id: m.id, error: err instanceof Error ? err.message : String(err) });
  }
});
// the parent went away: nothing left to analyse for
process.on("disconnect", () => process.exit(0));

// The analysis process of a server or CLI (lib/services/analysis/analysis-process.ts forks it through tsx):
// runs one analysis per message (a task view's curves, or a metric comparison) and sends the
// result back, so no fit ever runs on the request loop.
import { analyzeCurves } from "@/lib/emergence/analyze-curves";
import { compareMetrics, type MetricCurves } from "@/lib/emergence/compare-metrics";
import type { CurveInput } from "@/lib/emergence/types";

type Request = { id: number; seed: number; bootstrap: number } & ({ kind: "view"; curves: CurveInput[] } | { kind: "compare"; byMetric: MetricCurves[] });

process.on("message", (m: Request) => {
  try {
    const options = { seed: m.seed, bootstrap: m.bootstrap };
    const result = m.kind === "view" ? analyzeCurves(m.curves, options) : compareMetrics(m.byMetric, options);
    process.send?.({ id: m.id, result });
  } catch (err) {
    process.send?.({ id: m.id, error: err instanceof Error ? err.message : String(err) });
  }
});
// the parent went away: nothing left to analyse for
process.on("disconnect", () => process.exit(0));

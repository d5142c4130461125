// A worker thread of the server (lib/db/analysis-thread.ts): runs one analysis per message
// (a task view's curves, or a metric comparison) and posts the result back, so no fit ever
// runs on the request loop.
import { parentPort } from "node:worker_threads";
import { analyzeCurves } from "@/lib/emergence/analyze-curves";
import { compareMetrics, type MetricCurves } from "@/lib/emergence/compare-metrics";
import type { CurveInput } from "@/lib/emergence/types";

type Request = { id: number; seed: number; bootstrap: number } & ({ kind: "view"; curves: CurveInput[] } | { kind: "compare"; byMetric: MetricCurves[] });

parentPort?.on("message", (m: Request) => {
  try {
    const options = { seed: m.seed, bootstrap: m.bootstrap };
    const result = m.kind === "view" ? analyzeCurves(m.curves, options) : compareMetrics(m.byMetric, options);
    parentPort?.postMessage({ id: m.id, result });
  } catch (err) {
    parentPort?.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) });
  }
});

import { median, quantile } from "@/lib/emergence/quantile";

export type LatencySummary = { requests: number; p50: number; p95: number; p99: number };

/** p50/p95/p99 (type-7 quantiles) of one run's latencies in ms; NaN when nothing was measured. */
export function summarizeLatencies(ms: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(ms).sort();
  return { requests: ms.length, p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99) };
}

/** Several runs of one measurement: the median of each percentile, and the requests summed. */
export function medianOfRuns(runs: readonly LatencySummary[]): LatencySummary {
  return {
    requests: runs.reduce((n, r) => n + r.requests, 0),
    p50: median(runs.map((r) => r.p50)),
    p95: median(runs.map((r) => r.p95)),
    p99: median(runs.map((r) => r.p99)),
  };
}

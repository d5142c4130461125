import { describe, expect, it } from "vitest";
import { medianOfRuns, summarizeLatencies } from "./latency-summary";

describe("summarizeLatencies", () => {
  it("takes type-7 percentiles of the latencies, in any order", () => {
    const ms = Array.from({ length: 101 }, (_, i) => 100 - i);
    expect(summarizeLatencies(ms)).toEqual({ requests: 101, p50: 50, p95: 95, p99: 99 });
  });

  it("says NaN, not 0, when no request finished", () => {
    expect(summarizeLatencies([])).toMatchObject({ requests: 0, p50: NaN });
  });
});

describe("medianOfRuns", () => {
  it("takes each percentile's median over the runs and sums the requests", () => {
    const runs = [
      { requests: 10, p50: 1, p95: 9, p99: 30 },
      { requests: 20, p50: 3, p95: 5, p99: 10 },
      { requests: 30, p50: 2, p95: 7, p99: 20 },
    ];
    expect(medianOfRuns(runs)).toEqual({ requests: 60, p50: 2, p95: 7, p99: 20 });
  });
});

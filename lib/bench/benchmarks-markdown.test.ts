import { describe, expect, it } from "vitest";
import { toBenchmarksMarkdown, type BenchReport } from "./benchmarks-markdown";

const summary = (p50: number) => ({ requests: 100, p50, p95: p50 * 2, p99: p50 * 3 });

const report: BenchReport = {
  date: "2026-11-30 18:00 UTC",
  results: 1_000_000,
  machine: { cpus: 2, cpuModel: "Test CPU", memoryGiB: 24, postgres: "PostgreSQL 15.14", node: "v20.20.2" },
  runs: 3,
  seconds: 3,
  ingest: {
    rows: 1_000_000, runs: 3,
    ingest: { medianMs: 20_000, rowsPerSec: 50_000 }, copy: { medianMs: 8_000, rowsPerSec: 125_000 },
    resultCopy: { medianMs: 12_000, rowsPerSec: 83_333 }, ratio: 0.4, writeRatio: 0.62,
    breakdownMs: { parse: 9000, write: 12900 }, load: [2.5, 2, 1.5],
  },
  load: null,
  analysis: null,
  routes: [{
    name: "curves", url: "/api/curves?task=t", statements: 2,
    http: { 1: { ...summary(4), errors: 0 }, 10: { ...summary(20), errors: 1 } },
    sql: { 1: summary(1), 10: summary(5) },
    explain: [{ sql: "SELECT 1", plan: "Result  (actual time=0.001..0.001 rows=1 loops=1)" }],
  }],
  loadDuringReads: [[3, 2, 1]],
  goals: ["a goal, met"],
};

describe("toBenchmarksMarkdown", () => {
  const md = toBenchmarksMarkdown(report);

  it("states the machine, the ratios and the reproduction command", () => {
    expect(md).toContain("npm run bench -- --results 1000000");
    expect(md).toContain("2 cores (Test CPU), 24 GiB memory, PostgreSQL 15.14");
    expect(md).toContain("**0.40** for the whole ingest");
    expect(md).toContain("**0.62** for the write path alone");
  });

  it("puts each route's HTTP and in-process percentiles side by side, with its errors and statements", () => {
    expect(md).toContain("| `/api/curves?task=t` | 2 | 4.00 / 8.00 / 12 | 20 / 40 / 60 | 1.00 / 2.00 / 3.00 | 5.00 / 10 / 15 | 1 |");
  });

  it("includes every statement's plan and the goals", () => {
    expect(md).toContain("```sql\nSELECT 1\n```");
    expect(md).toContain("Result  (actual time=0.001..0.001 rows=1 loops=1)");
    expect(md).toContain("- a goal, met");
  });
});

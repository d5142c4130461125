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
    cores: 2, cpuMs: { ingest: { node: 9000, postgres: 8000 }, copy: { node: 300, postgres: null } },
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
  workers: {
    views: 100, curves: 600, cores: 2, runs: 3,
    summary: [
      { config: "1 worker process × 1 job at a time", medianMs: 12_000, curvesPerSecond: 50, ratio: 1, spread: 0.1 },
      { config: "2 worker processes × 1 job at a time", medianMs: 6_500, curvesPerSecond: 92, ratio: 1.85, spread: 0.2 },
    ],
  },
  upload: {
    bytes: 10 * 2 ** 20, rows: 180_000, createdMs: 4_000, analysedMs: 24_000, views: 1_000, curves: 5_000,
    quiet: { "/api/health": { ...summary(2), errors: 0 } },
    during: { "/api/health": { ...summary(30), errors: 2 } },
  },
  pages: [{ name: "task page", path: "/tasks/t", runs: 3, initialJsKiB: 180.4, allJsKiB: 250, loadMs: 400, drawnMs: 950 }],
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

  it("gives the CPU time of Node and Postgres and the wall time it implies on the machine's cores", () => {
    expect(md).toContain("ingest: Node 9.00 s + Postgres 8.00 s, so at least 8.50 s of wall time on 2 cores");
    expect(md).toContain("bare COPY: Node 0.30 s (Postgres is not a local process: not measured)");
  });

  it("puts each route's HTTP and in-process percentiles side by side, with its errors and statements", () => {
    expect(md).toContain("| `/api/curves?task=t` | 2 | 4.00 / 8.00 / 12 | 20 / 40 / 60 | 1.00 / 2.00 / 3.00 | 5.00 / 10 / 15 | 1 |");
  });

  it("reports the workers against their baseline, the upload to 201 and to analysed with the reads meanwhile, and the pages", () => {
    expect(md).toContain("| 2 worker processes × 1 job at a time | 6.5 s | 92 | 1.85 |");
    expect(md).toContain("201 after 4.0 s; the 1,000 views it touched analysed again 24.0 s after the request");
    expect(md).toContain("(5,000 curves, 250 curves/s after the 201)");
    expect(md).toContain("| `/api/health` | 2.00 / 4.00 / 6.00 (0 errors) | 30 / 60 / 90 (2 errors) |");
    expect(md).toContain("| task page (`/tasks/t`) | 180 KiB | 250 KiB | 400 ms | 950 ms |");
  });

  it("includes every statement's plan and the goals", () => {
    expect(md).toContain("```sql\nSELECT 1\n```");
    expect(md).toContain("Result  (actual time=0.001..0.001 rows=1 loops=1)");
    expect(md).toContain("- a goal, met");
  });
});

import type { LatencySummary } from "./latency-summary";
import { pagesSection, uploadSection, workersSection, type PageLoad, type UploadUnderLoad, type WorkersSummary } from "./system-sections";

export type MachineInfo = { cpus: number; cpuModel: string; memoryGiB: number; postgres: string; node: string };
export type LoadAverages = [number, number, number];

export type RouteMeasurement = {
  name: string;
  url: string;
  statements: number;
  /** per connection count: the HTTP route and the same query function called in-process */
  http: Record<string, LatencySummary & { errors: number }>;
  sql: Record<string, LatencySummary>;
  explain: { sql: string; plan: string }[];
};

export type IngestSummary = {
  rows: number;
  runs: number;
  ingest: { medianMs: number; rowsPerSec: number };
  copy: { medianMs: number; rowsPerSec: number };
  resultCopy: { medianMs: number; rowsPerSec: number };
  ratio: number;
  writeRatio: number;
  breakdownMs: Record<string, number>;
  load: LoadAverages;
  /** CPU time (ms, medians) of Node and of the local Postgres server during the ingest and the bare COPY; absent in older summaries */
  cores?: number;
  cpuMs?: Record<"ingest" | "copy", CpuMs>;
};

/** CPU milliseconds of Node and of the local Postgres server's processes (null: the server is not a local process). */
export type CpuMs = { node: number; postgres: number | null };

export type BenchReport = {
  date: string;
  results: number;
  machine: MachineInfo;
  runs: number;
  seconds: number;
  ingest: IngestSummary | null;
  load: { files: number; ms: number; rowsPerSec: number; loadAfter: LoadAverages } | null;
  analysis: { sampledViews: number; curves: number; ms: number; storedCurves: number } | null;
  routes: RouteMeasurement[];
  loadDuringReads: LoadAverages[];
  workers: WorkersSummary | null;
  upload: UploadUnderLoad | null;
  pages: PageLoad[];
  goals: string[];
};

const ms = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(0)) : "–");
const loads = (l: LoadAverages) => l.map((v) => v.toFixed(2)).join(" / ");

function ingestSection(i: IngestSummary): string[] {
  return [
    `## Ingest (${i.rows.toLocaleString("en")} rows, median of ${i.runs} runs)`,
    "",
    "| path | time | rows/s |",
    "|---|---|---|",
    `| ingest, file bytes → committed (ingestFile: parse, plan, write) | ${(i.ingest.medianMs / 1000).toFixed(2)} s | ${i.ingest.rowsPerSec.toLocaleString("en")} |`,
    `| COPY into a bare table (primary key + natural key), ids resolved beforehand | ${(i.copy.medianMs / 1000).toFixed(2)} s | ${i.copy.rowsPerSec.toLocaleString("en")} |`,
    `| COPY into \`result\` (its indexes, checks and triggers), ids resolved beforehand | ${(i.resultCopy.medianMs / 1000).toFixed(2)} s | ${i.resultCopy.rowsPerSec.toLocaleString("en")} |`,
    "",
    `Ratio to the bare COPY: **${i.ratio.toFixed(2)}** for the whole ingest (file to commit), **${i.writeRatio.toFixed(2)}** for the write path alone (plan to commit). Goal: ≥ 0.5.`,
    "",
    `Breakdown of the ingest (medians, ms): ${Object.entries(i.breakdownMs).map(([k, v]) => `${k} ${v}`).join(", ")}.`,
    ...cpuLines(i),
    `Load average after the ingest runs (1/5/15 min): ${loads(i.load)}.`,
    "",
  ];
}

/** One process group's CPU time and the wall time it implies: on few cores the wall time cannot be below the CPU time over the cores. */
export function cpuUseLine(label: string, c: CpuMs, cores: number): string {
  const s = (v: number) => `${(v / 1000).toFixed(2)} s`;
  return c.postgres === null
    ? `${label}: Node ${s(c.node)} (Postgres is not a local process: not measured)`
    : `${label}: Node ${s(c.node)} + Postgres ${s(c.postgres)}, so at least ${s((c.node + c.postgres) / cores)} of wall time on ${cores} cores`;
}

function cpuLines(i: IngestSummary): string[] {
  if (i.cpuMs === undefined || i.cores === undefined) return [];
  return [`CPU time (medians): ${cpuUseLine("ingest", i.cpuMs.ingest, i.cores)}; ${cpuUseLine("bare COPY", i.cpuMs.copy, i.cores)}.`];
}

function routesSection(report: BenchReport): string[] {
  const lines = [
    `## Read routes (${report.results.toLocaleString("en")} results; ${report.runs} runs of ${report.seconds} s per cell, median of the runs' percentiles, ms)`,
    "",
    "HTTP: autocannon against `next start` on 127.0.0.1. SQL alone: the route's query function called in-process (the same",
    "statements and JSON shaping, no HTTP), same connections, same duration.",
    "",
    "| route | statements | HTTP 1 conn p50 / p95 / p99 | HTTP 10 conn p50 / p95 / p99 | SQL 1 conn p50 / p95 / p99 | SQL 10 conn p50 / p95 / p99 | HTTP errors |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const r of report.routes) {
    const cell = (s: LatencySummary | undefined) => (s ? `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}` : "–");
    const errors = Object.values(r.http).reduce((n, h) => n + h.errors, 0);
    lines.push(`| \`${r.url}\` | ${r.statements} | ${cell(r.http["1"])} | ${cell(r.http["10"])} | ${cell(r.sql["1"])} | ${cell(r.sql["10"])} | ${errors} |`);
  }
  lines.push("", `Load average during the read runs (1/5/15 min): ${report.loadDuringReads.map(loads).join("; ")}.`, "");
  return lines;
}

function explainSection(routes: RouteMeasurement[]): string[] {
  const lines = ["## Query plans (`EXPLAIN (ANALYZE, BUFFERS)` of every statement each route issues)", ""];
  for (const r of routes) {
    lines.push(`### ${r.name}: \`${r.url}\``, "");
    r.explain.forEach((e, i) => {
      lines.push(`Statement ${i + 1}:`, "", "```sql", e.sql.trim(), "```", "", "```", e.plan, "```", "");
    });
  }
  return lines;
}

/** docs/benchmarks.md from one `npm run bench` report. */
export function toBenchmarksMarkdown(report: BenchReport): string {
  const m = report.machine;
  const lines = [
    "# Benchmarks",
    "",
    `Written by \`npm run bench -- --results ${report.results}\` on ${report.date}. Reproduce: point \`DATABASE_URL\` at a disposable`,
    "database named `*_bench` or `*_test` (it is emptied) and run the same command (`--results 10000000` for 10M).",
    "",
    `Machine: ${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB.toFixed(0)} GiB memory, ${m.postgres}, Node ${m.node}. The database, the`,
    "server and the load generator share these cores, and other work ran on the machine at the same time: read the",
    "load averages beside each table before comparing numbers across runs; ratios measured in the same run are the",
    "robust ones.",
    "",
    ...(report.ingest ? ingestSection(report.ingest) : []),
    ...(report.load
      ? [
          "## Loading the store",
          "",
          `${report.results.toLocaleString("en")} generated results in ${report.load.files} file(s) through the real ingest path: ${(report.load.ms / 1000).toFixed(0)} s, ${report.load.rowsPerSec.toLocaleString("en")} rows/s (load average after: ${loads(report.load.loadAfter)}).`,
          "",
        ]
      : []),
    ...(report.analysis
      ? [
          "## Stored analyses",
          "",
          `${report.analysis.sampledViews} task views analysed for real (${report.analysis.curves} curves in ${(report.analysis.ms / 1000).toFixed(1)} s); every other view's curves were stored as copies of those analyses (same families and axes, same JSON size), ${report.analysis.storedCurves.toLocaleString("en")} curves in all, so the overview and analysis routes read a store of realistic size. (Analysis throughput is measured apart, below.)`,
          "",
        ]
      : []),
    ...routesSection(report),
    ...(report.workers ? workersSection(report.workers) : []),
    ...(report.upload ? uploadSection(report.upload) : []),
    ...(report.pages.length > 0 ? pagesSection(report.pages) : []),
    "## Goals",
    "",
    ...report.goals.map((g) => `- ${g}`),
    "",
    ...explainSection(report.routes),
  ];
  return `${lines.join("\n")}\n`;
}

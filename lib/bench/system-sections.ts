// The sections of docs/benchmarks-*.md that measure the system as a user meets it (issue 12, item 5):
// analysis throughput of the job engine's workers, a 10 MB upload to 201 and to analysed with the reads
// meanwhile, and the pages in Chromium.
import type { LatencySummary } from "./latency-summary";

export type WorkersSummary = {
  views: number;
  curves: number;
  cores: number;
  runs: number;
  summary: { config: string; medianMs: number; curvesPerSecond: number; ratio: number; spread: number }[];
};

export type ReadLatency = LatencySummary & { errors: number };

export type UploadUnderLoad = {
  bytes: number;
  rows: number;
  createdMs: number;
  analysedMs: number;
  views: number;
  curves: number;
  quiet: Record<string, ReadLatency>;
  during: Record<string, ReadLatency>;
};

export type PageLoad = { name: string; path: string; runs: number; initialJsKiB: number; allJsKiB: number; loadMs: number; drawnMs: number };

const ms = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(0)) : "–");
const seconds = (v: number) => (Number.isFinite(v) ? `${(v / 1000).toFixed(1)} s` : "–");
const triple = (s: ReadLatency | undefined) => (s ? `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)} (${s.errors} errors)` : "–");

export function workersSection(w: WorkersSummary): string[] {
  return [
    `## Analysis throughput (\`npm run bench:workers\`: ${w.views} views, ${w.curves} curves, ${w.cores} cores, median of ${w.runs} runs)`,
    "",
    "| configuration | median | curves/s | × the 1-process, 1-job baseline |",
    "|---|---|---|---|",
    ...w.summary.map((s) => `| ${s.config} | ${seconds(s.medianMs)} | ${s.curvesPerSecond} | ${s.ratio.toFixed(2)} |`),
    "",
  ];
}

export function uploadSection(u: UploadUnderLoad): string[] {
  const routes = [...new Set([...Object.keys(u.quiet), ...Object.keys(u.during)])];
  const curvesPerSecond = u.curves / ((u.analysedMs - u.createdMs) / 1000);
  return [
    `## A ${(u.bytes / 2 ** 20).toFixed(1)} MB upload (${u.rows.toLocaleString("en")} rows) into the loaded store`,
    "",
    `201 after ${seconds(u.createdMs)}; the ${u.views.toLocaleString("en")} views it touched analysed again ${seconds(u.analysedMs)} after the request`,
    `(${u.curves.toLocaleString("en")} curves, ${Number.isFinite(curvesPerSecond) ? curvesPerSecond.toFixed(0) : "–"} curves/s after the 201), by the server's own worker.`,
    "",
    "Reads over HTTP at 5 connections, p50 / p95 / p99 ms:",
    "",
    "| route | quiet, before the upload | while the upload's views are analysed |",
    "|---|---|---|",
    ...routes.map((r) => `| \`${r}\` | ${triple(u.quiet[r])} | ${triple(u.during[r])} |`),
    "",
  ];
}

export function pagesSection(pages: PageLoad[]): string[] {
  return [
    "## Pages in Chromium (fresh browser context each run, median)",
    "",
    "JS is the encoded (gzip) body bytes of every script: at the load event, and once the chart is drawn (lazy chunks",
    "included). Drawn: when the chart's marks first appear in the DOM (the server-drawn SVG or the interactive chart), after navigation start.",
    "",
    "| page | JS at load | JS when drawn | load event | chart drawn |",
    "|---|---|---|---|---|",
    ...pages.map((p) => `| ${p.name} (\`${p.path}\`) | ${p.initialJsKiB.toFixed(0)} KiB | ${p.allJsKiB.toFixed(0)} KiB | ${ms(p.loadMs)} ms | ${ms(p.drawnMs)} ms |`),
    "",
  ];
}

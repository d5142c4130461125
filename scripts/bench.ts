// npm run bench -- [--results N (1000000)] [--runs R (3)] [--seconds S (3)] [--port P (3150)] [--skip-ingest] [--skip-load] [--skip-workers] [--skip-upload] [--no-build] [--out FILE]
// The whole benchmark (issue 12): ingest against a COPY into a bare table (scripts/bench-ingest.ts,
// at min(N, 1M) rows), then N generated results loaded through the real ingest path, then every
// read route measured over HTTP (autocannon against `next start` on 127.0.0.1, 1 and 10
// connections, bounded in time) beside its query function alone, with EXPLAIN (ANALYZE, BUFFERS)
// of every statement it issues. Prints the report and writes docs/benchmarks-<N>.md (1m, 10m, ...;
// docs/benchmarks.md summarises them against the goals). Then the system as a user meets it: the
// workers' analysis throughput (scripts/bench-workers.ts), the task page and overview in Chromium
// (first-load JS, chart drawn), and a 10 MB upload to 201 and to analysed with the reads meanwhile
// (last: it changes the store). Empties the
// database, so it refuses any database not named *_bench or *_test.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import os from "node:os";
import { parseArgs } from "node:util";
import type pg from "pg";
import { z } from "zod";
import { closeDb, getPool } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/open-database";
import { getCurves } from "@/lib/db/curves";
import { getAnalysis } from "@/lib/db/analysis";
import { listOverview } from "@/lib/db/overview";
import { listTasks } from "@/lib/db/tasks";
import { listModelRegistry } from "@/lib/db/model-registry";
import { ingestFile } from "@/lib/services/ingest/ingest-file";
import { refreshAnalyses } from "@/lib/services/analysis/refresh-analyses";
import { stopAnalysisThread } from "@/lib/services/analysis/analysis-process";
import { buildRegistry, REGISTRY_DIR } from "@/lib/services/registry/build-registry";
import { loadRegistry } from "@/lib/registry/load-registry";
import { curvesQuerySchema } from "@/lib/schemas/curves";
import { overviewQuerySchema } from "@/lib/schemas/overview";
import { tasksQuerySchema } from "@/lib/schemas/tasks";
import { toBenchDatabaseName } from "@/lib/bench/bench-database-name";
import { BENCH_CSV_HEADER, generateResultLines } from "@/lib/bench/generate-results-csv";
import { medianOfRuns, summarizeLatencies, type LatencySummary } from "@/lib/bench/latency-summary";
import { createApiToken } from "@/lib/db/api-tokens";
import type { WorkersSummary } from "@/lib/bench/system-sections";
import { httpRun } from "./bench/http-run";
import { measurePageLoads } from "./bench/page-load";
import { measureUploadUnderLoad } from "./bench/upload-under-load";
import { toBenchmarksMarkdown, type BenchReport, type IngestSummary, type LoadAverages, type RouteMeasurement } from "@/lib/bench/benchmarks-markdown";
import type { CurveGroup } from "@/lib/db/view-rows";

const USAGE = "usage: npm run bench -- [--results N] [--runs R] [--seconds S] [--port P] [--skip-ingest] [--skip-load] [--skip-workers] [--skip-upload] [--no-build] [--out FILE]";
/** The upload of item 5: about 10 MB of long CSV (≈ 56 bytes a row). */
const UPLOAD_BYTES = 10 * 2 ** 20;
const FILE_ROWS = 1_000_000;
const SAMPLED_VIEWS = 12;
const CONNECTIONS = [1, 10];

const argsSchema = z.object({
  results: z.coerce.number().int().min(1000).max(50_000_000),
  runs: z.coerce.number().int().min(1).max(20),
  seconds: z.coerce.number().min(1).max(120),
  port: z.coerce.number().int().min(1024).max(65535),
  out: z.string().min(1).optional(),
});

/** docs/benchmarks-1m.md for 1,000,000 results, -10m for 10M, -250k for 250,000. */
const defaultOut = (results: number) =>
  `docs/benchmarks-${results % 1_000_000 === 0 ? `${results / 1_000_000}m` : `${Math.round(results / 1000)}k`}.md`;

const log = (line: string) => console.error(line);
const loadAverages = () => os.loadavg().map((v) => Number(v.toFixed(2))) as LoadAverages;

let args: z.infer<typeof argsSchema>;
let flags: { skipIngest: boolean; skipLoad: boolean; skipWorkers: boolean; skipUpload: boolean; build: boolean };
try {
  const { values } = parseArgs({
    options: {
      results: { type: "string", default: "1000000" }, runs: { type: "string", default: "3" }, seconds: { type: "string", default: "3" },
      port: { type: "string", default: "3150" }, out: { type: "string" },
      "skip-ingest": { type: "boolean", default: false }, "skip-load": { type: "boolean", default: false }, "no-build": { type: "boolean", default: false },
      "skip-workers": { type: "boolean", default: false }, "skip-upload": { type: "boolean", default: false },
    },
  });
  args = argsSchema.parse({ ...values, results: values.results.replaceAll("_", "").replaceAll(",", "") });
  flags = {
    skipIngest: values["skip-ingest"], skipLoad: values["skip-load"], skipWorkers: values["skip-workers"], skipUpload: values["skip-upload"], build: !values["no-build"],
  };
  toBenchDatabaseName(process.env.DATABASE_URL);
} catch (err) {
  const detail = err instanceof z.ZodError ? err.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ") : (err as Error).message;
  console.error(`${detail}\n${USAGE}`);
  process.exit(2);
}

/** A benchmark script in a child process (they empty or change tables): its output printed, its last line's JSON summary. */
function childSummary(script: string, argv: string[]): unknown {
  const child = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", script, ...argv, "--runs", String(args.runs)], {
    env: process.env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`${script} failed (exit ${child.status})`);
  const lines = child.stdout.trim().split("\n");
  console.log(lines.slice(0, -1).join("\n"));
  return JSON.parse(lines[lines.length - 1]);
}

function benchIngest(rows: number): IngestSummary {
  log(`ingest vs bare COPY at ${rows} rows, ${args.runs} runs ...`);
  return { ...(childSummary("scripts/bench-ingest.ts", ["--rows", String(rows)]) as IngestSummary), load: loadAverages() };
}

function benchWorkers(): WorkersSummary {
  log(`analysis throughput of the workers, ${args.runs} runs ...`);
  return childSummary("scripts/bench-workers.ts", []) as WorkersSummary;
}

/** Generated long-CSV rows over the registry's models and tasks; another seed re-scores the same keys. */
async function benchLines(rows: number, seed: number): Promise<Generator<string>> {
  const read = (file: string) => readFile(path.join(REGISTRY_DIR, file), "utf8");
  const registry = loadRegistry({ models: await read("models.csv"), tasks: await read("tasks.csv"), metrics: await read("metrics.csv") });
  return generateResultLines({
    rows, seed,
    models: registry.models.filter((m) => !m.name.includes("*")).map((m) => ({ name: m.name, finalStep: m.finalStep })),
    tasks: registry.tasks.map((t) => ({ name: t.name, chance: t.chance, itemCount: t.itemCount })),
  });
}

/** The first rows of the store again with other scores (a re-run of the evaluations), about UPLOAD_BYTES of CSV. */
async function uploadCsv(): Promise<{ csv: string; rows: number }> {
  const lines = [BENCH_CSV_HEADER];
  let bytes = BENCH_CSV_HEADER.length + 1;
  for (const line of await benchLines(args.results, 2)) {
    if (bytes + line.length + 1 > UPLOAD_BYTES) break;
    lines.push(line);
    bytes += line.length + 1;
  }
  return { csv: `${lines.join("\n")}\n`, rows: lines.length - 1 };
}

/** Empties the store and loads N generated results through ingestFile, FILE_ROWS per file. */
async function loadStore(results: number): Promise<NonNullable<BenchReport["load"]>> {
  await getPool().query(
    `TRUNCATE result, result_count, checkpoint_result_count, result_superseded, curve_analysis, analysis_queue,
              upload, checkpoint, model_alias, model, model_family, task_metric, task, metric RESTART IDENTITY CASCADE`,
  );
  const registry = await buildRegistry();
  const lines = await benchLines(results, 1);
  const started = performance.now();
  let files = 0;
  for (let done = 0; done < results; done += FILE_ROWS) {
    const part: string[] = [BENCH_CSV_HEADER];
    for (let i = 0; i < Math.min(FILE_ROWS, results - done); i++) part.push(lines.next().value as string);
    const bytes = new TextEncoder().encode(`${part.join("\n")}\n`);
    const t = performance.now();
    const outcome = await ingestFile({ fileName: `bench-part-${files}.csv`, bytes, registry, note: "bench" });
    if (!outcome.ok) throw new Error(outcome.error);
    files++;
    log(`loaded file ${files}: ${outcome.inserted} rows in ${((performance.now() - t) / 1000).toFixed(1)} s (load ${loadAverages().join(" ")})`);
  }
  const ms = performance.now() - started;
  return { files, ms, rowsPerSec: Math.round((results * 1000) / ms), loadAfter: loadAverages() };
}

/**
 * Stored analyses of realistic size without fitting every curve: SAMPLED_VIEWS views
 * analysed for real, every other view's curves copied from one of them.
 */
async function storeAnalyses(): Promise<NonNullable<BenchReport["analysis"]>> {
  const pool = getPool();
  const { rows: views } = await pool.query<CurveGroup>(
    `SELECT DISTINCT task_id AS "taskId", metric_id AS "metricId", shots, filter FROM result_count ORDER BY 1, 2, 3, 4`,
  );
  const step = Math.max(1, Math.floor(views.length / SAMPLED_VIEWS));
  const sample = views.filter((_, i) => i % step === 0).slice(0, SAMPLED_VIEWS);
  const done = await refreshAnalyses(sample);
  stopAnalysisThread();
  await pool.query(`
    WITH views AS (
      SELECT task_id, metric_id, shots, filter, row_number() OVER (ORDER BY task_id, metric_id, shots, filter) AS i
      FROM (SELECT DISTINCT task_id, metric_id, shots, filter FROM result_count) d
    ), samples AS (
      SELECT task_id, metric_id, shots, filter, row_number() OVER (ORDER BY task_id, metric_id, shots, filter) - 1 AS j
      FROM (SELECT DISTINCT task_id, metric_id, shots, filter FROM curve_analysis) d
    )
    INSERT INTO curve_analysis (task_id, metric_id, shots, filter, axis, family, verdict, score, p_value, p_smooth, analysis)
    SELECT v.task_id, v.metric_id, v.shots, v.filter, a.axis, a.family, a.verdict, a.score, a.p_value, a.p_smooth, a.analysis
    FROM views v
    JOIN samples s ON s.j = v.i % (SELECT count(*) FROM samples)
    JOIN curve_analysis a ON a.task_id = s.task_id AND a.metric_id = s.metric_id AND coalesce(a.shots, -1) = coalesce(s.shots, -1) AND a.filter = s.filter
    ON CONFLICT DO NOTHING`);
  await pool.query("DELETE FROM analysis_queue");
  await pool.query("VACUUM ANALYZE");
  const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM curve_analysis");
  return { sampledViews: sample.length, curves: done.analysedCurves, ms: done.ms, storedCurves: rows[0].n };
}

/** `next build`, then `npm start`'s launcher on the port, in its own process group. */
async function startServer(): Promise<ChildProcess> {
  // the issue's 10 MB upload holds about 180k rows, above the HTTP default of 100k (ATLAS_UPLOAD_LIMIT_ROWS)
  const env = { ...process.env, PORT: String(args.port), HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1", ATLAS_DEMO: "0", ATLAS_UPLOAD_LIMIT_ROWS: "250000" };
  if (flags.build) {
    log("next build ...");
    const build = spawnSync("node_modules/.bin/next", ["build"], { stdio: ["ignore", "ignore", "inherit"], env });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const server = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/start.ts"], { env, detached: true, stdio: ["ignore", "ignore", "inherit"] });
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`http://127.0.0.1:${args.port}/api/health`).then((r) => r.ok, () => false);
    if (ok) return server;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer on port ${args.port}`);
}

/** The query function alone, `connections` loops at once for the same time. */
async function sqlRun(call: () => Promise<unknown>, connections: number): Promise<LatencySummary> {
  const latencies: number[] = [];
  const until = performance.now() + args.seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        await call();
        latencies.push(performance.now() - t);
      }
    }),
  );
  return summarizeLatencies(latencies);
}

/** Every statement `call` sends through the pool, then EXPLAIN (ANALYZE, BUFFERS) of each. */
async function explainCalls(call: () => Promise<unknown>): Promise<{ sql: string; plan: string }[]> {
  const pool = getPool();
  const seen: { text: string; values: unknown[] }[] = [];
  const original = pool.query.bind(pool) as (...a: unknown[]) => Promise<pg.QueryResult>;
  (pool as unknown as { query: (...a: unknown[]) => Promise<pg.QueryResult> }).query = (...a: unknown[]) => {
    const [text, values] = a as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    if (typeof text === "string") seen.push({ text, values: values ?? [] });
    else seen.push({ text: text.text, values: text.values ?? [] });
    return original(...a);
  };
  try {
    await call();
  } finally {
    (pool as unknown as { query: typeof original }).query = original;
  }
  const plans = [];
  for (const s of seen) {
    const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.values);
    plans.push({ sql: s.text, plan: rows.map((r) => r["QUERY PLAN"]).join("\n") });
  }
  return plans;
}

async function pickTask(): Promise<string> {
  const { rows } = await getPool().query<{ name: string }>(
    `SELECT t.name FROM task t WHERE EXISTS (SELECT 1 FROM result_count c WHERE c.task_id = t.id)
     ORDER BY t.name OFFSET (SELECT count(DISTINCT task_id) / 2 FROM result_count) LIMIT 1`,
  );
  return rows[0].name;
}

function routes(task: string): { name: string; path: string; call: () => Promise<unknown> }[] {
  const q = encodeURIComponent(task);
  const word = task.slice(0, 4);
  return [
    { name: "curves", path: `/api/curves?task=${q}`, call: () => getCurves(curvesQuerySchema.parse({ task })) },
    { name: "curves, checkpoint axis", path: `/api/curves?task=${q}&x=checkpoint`, call: () => getCurves(curvesQuerySchema.parse({ task, x: "checkpoint" })) },
    { name: "analysis", path: `/api/analysis?task=${q}`, call: () => getAnalysis(curvesQuerySchema.parse({ task })) },
    { name: "overview, default", path: "/api/overview", call: () => listOverview(overviewQuerySchema.parse({})) },
    {
      name: "overview, filtered", path: `/api/overview?metric=acc_norm&q=${encodeURIComponent(word)}`,
      call: () => listOverview(overviewQuerySchema.parse({ metric: "acc_norm", q: word })),
    },
    { name: "tasks, a page", path: "/api/tasks?limit=50", call: () => listTasks(tasksQuerySchema.parse({ limit: "50" })) },
    { name: "tasks, all", path: "/api/tasks", call: () => listTasks() },
    { name: "models", path: "/api/models", call: () => listModelRegistry() },
  ];
}

async function measureRoutes(task: string, during: LoadAverages[]): Promise<RouteMeasurement[]> {
  const measured: RouteMeasurement[] = [];
  for (const route of routes(task)) {
    // a store without training checkpoints (fewer results than one per model and view) has no checkpoint axis
    const answers = await route.call().then(() => true, (err: { status?: number }) => (err.status === 404 ? false : Promise.reject(err)));
    if (!answers) {
      log(`${route.name}: 404 on this store, skipped`);
      continue;
    }
    const explain = await explainCalls(route.call);
    const http: RouteMeasurement["http"] = {};
    const sql: RouteMeasurement["sql"] = {};
    for (const connections of CONNECTIONS) {
      const httpRuns = [];
      const sqlRuns = [];
      for (let run = 0; run < args.runs; run++) {
        httpRuns.push(await httpRun(`http://127.0.0.1:${args.port}${route.path}`, connections, args.seconds));
        sqlRuns.push(await sqlRun(route.call, connections));
      }
      http[connections] = { ...medianOfRuns(httpRuns), errors: httpRuns.reduce((n, r) => n + r.errors, 0) };
      sql[connections] = medianOfRuns(sqlRuns);
      during.push(loadAverages());
      const h = http[connections];
      log(`${route.name.padEnd(24)} ${connections} conn: HTTP p50 ${h.p50.toFixed(1)} p95 ${h.p95.toFixed(1)} p99 ${h.p99.toFixed(1)} ms; SQL p50 ${sql[connections].p50.toFixed(1)} p95 ${sql[connections].p95.toFixed(1)} ms`);
    }
    measured.push({ name: route.name, url: route.path, statements: explain.length, http, sql, explain });
  }
  return measured;
}

/** Each goal of issue 12 items 1–2 that this run measured, met or missed by how much. */
function goals(report: BenchReport): string[] {
  const out: string[] = [];
  if (report.ingest) {
    const { ratio, writeRatio } = report.ingest;
    out.push(`Ingest ≥ 0.5× a bare COPY: write path ${writeRatio.toFixed(2)}× (${writeRatio >= 0.5 ? "met" : `missed by ${((0.5 - writeRatio) * 100).toFixed(0)} points`}); whole ingest including parsing ${ratio.toFixed(2)}× (${ratio >= 0.5 ? "met" : `missed by ${((0.5 - ratio) * 100).toFixed(0)} points`}).`);
  }
  const find = (name: string) => report.routes.find((r) => r.name === name);
  const check = (name: string, label: string, conn: string, pct: "p95" | "p99", limit: number) => {
    const r = find(name)?.http[conn];
    if (!r) return;
    const v = r[pct];
    out.push(`${label} ${pct} at ${conn} connection(s) < ${limit} ms: ${v.toFixed(1)} ms (${v < limit ? "met" : `missed by ${(v - limit).toFixed(0)} ms`}).`);
  };
  check("curves", "`/api/curves`", "1", "p95", 20);
  check("curves", "`/api/curves`", "10", "p99", 50);
  check("overview, default", "`/api/overview`", "1", "p95", 200);
  check("overview, default", "`/api/overview`", "10", "p99", 500);
  check("tasks, a page", "`/api/tasks?limit=50`", "1", "p95", 200);
  return out;
}

// --- run ---------------------------------------------------------------------------------
const db = await openDatabase();
const cpus = os.cpus();
const { rows: version } = await getPool().query<{ v: string }>("SELECT split_part(version(), ' on ', 1) AS v");
const report: BenchReport = {
  date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
  results: args.results,
  machine: { cpus: cpus.length, cpuModel: cpus[0]?.model ?? "unknown", memoryGiB: os.totalmem() / 2 ** 30, postgres: version[0].v, node: process.version },
  runs: args.runs,
  seconds: args.seconds,
  ingest: null,
  load: null,
  analysis: null,
  routes: [],
  loadDuringReads: [],
  workers: null,
  upload: null,
  pages: [],
  goals: [],
};
let server: ChildProcess | undefined;
try {
  if (!flags.skipIngest) report.ingest = benchIngest(Math.min(args.results, FILE_ROWS));
  if (!flags.skipWorkers) report.workers = benchWorkers();
  if (!flags.skipLoad) {
    report.load = await loadStore(args.results);
    report.analysis = await storeAnalyses();
    log(`analyses stored: ${report.analysis.storedCurves} curves`);
  }
  server = await startServer();
  const task = await pickTask();
  log(`reading task ${task}`);
  report.routes = await measureRoutes(task, report.loadDuringReads);
  const base = `http://127.0.0.1:${args.port}`;
  log("pages in Chromium ...");
  report.pages = await measurePageLoads(base, [
    { name: "task page", path: `/tasks/${encodeURIComponent(task)}`, drawn: ".point-above, .point-at-chance, .chart-preview .marker" },
    { name: "overview", path: "/", drawn: ".sparkline" },
  ], args.runs);
  if (!flags.skipUpload) {
    log("a 10 MB upload, and the reads while its views are analysed ...");
    const { csv, rows } = await uploadCsv();
    const { token } = await createApiToken(`bench-${Date.now()}`);
    const q = encodeURIComponent(task);
    report.upload = await measureUploadUnderLoad({
      baseUrl: base, token, csv, rows, seconds: args.seconds, pool: getPool(), routes: [`/api/curves?task=${q}`, "/api/health"],
    });
  }
  report.goals = goals(report);
  const markdown = toBenchmarksMarkdown(report);
  const out = args.out ?? defaultOut(args.results);
  await writeFile(out, markdown);
  console.log(markdown.split("## Query plans")[0]);
  log(`wrote ${out}`);
} finally {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  await closeDb();
  await db.stop();
}

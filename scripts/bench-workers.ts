// npm run bench:workers -- [--tasks N] [--families F] [--sizes S] [--runs R]
// Analysis throughput of the job engine's workers (`npm run worker`), in task curves per second from
// queueing to stored: one worker process running 1 job at a time (the baseline), one running 2, and
// two processes running 1 each, every configuration measured in the same run on the same queued views
// (synthetic: N tasks × F families × S sizes, params axis). Workers are started before the clock and
// stopped after it. Deletes the analysis jobs and ledger between runs, so it refuses any database
// not named *_bench or *_test. The last stdout line is a JSON summary.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import os from "node:os";
import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDb, getPool } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/open-database";
import { enqueueAnalysis } from "@/lib/db/analysis-queue";
import type { CurveGroup } from "@/lib/db/view-rows";
import { withTransaction } from "@/lib/db/with-transaction";
import { ingestFile } from "@/lib/services/ingest/ingest-file";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { toBenchDatabaseName } from "@/lib/bench/bench-database-name";
import { formatCount, formatSeconds } from "@/lib/bench/format-rate";
import { relativeSpread } from "@/lib/bench/relative-spread";
import { median } from "@/lib/emergence/quantile";

const USAGE = "usage: npm run bench:workers -- [--tasks N (100)] [--families F (6)] [--sizes S (8)] [--runs R (3)]";
const CONFIGS = [
  { label: "1 worker process × 1 job at a time", processes: 1, concurrency: 1 },
  { label: "1 worker process × 2 jobs at a time", processes: 1, concurrency: 2 },
  { label: "2 worker processes × 1 job at a time", processes: 2, concurrency: 1 },
] as const;

const argsSchema = z.object({
  tasks: z.coerce.number().int().min(1).max(10_000),
  families: z.coerce.number().int().min(1).max(100),
  sizes: z.coerce.number().int().min(5).max(200),
  runs: z.coerce.number().int().min(1).max(20),
});

let args: z.infer<typeof argsSchema>;
try {
  const { values } = parseArgs({
    options: { tasks: { type: "string", default: "100" }, families: { type: "string", default: "6" }, sizes: { type: "string", default: "8" }, runs: { type: "string", default: "3" } },
  });
  args = argsSchema.parse(values);
  toBenchDatabaseName(process.env.DATABASE_URL);
} catch (err) {
  const detail = err instanceof z.ZodError ? err.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ") : (err as Error).message;
  console.error(`${detail}\n${USAGE}`);
  process.exit(2);
}

const PREFIX = `bench_workers_${args.families}x${args.sizes}`;

/** The synthetic store: one wide CSV, a column per task, F families of S sizes each (a smooth rise with a seeded wobble). */
function syntheticCsv(): Uint8Array {
  const header = ["Model", "Model Family", "Model Size (B)", ...Array.from({ length: args.tasks }, (_, t) => `${PREFIX}_${t}/acc`)];
  const lines = [header.join(",")];
  for (let f = 0; f < args.families; f++) {
    for (let s = 0; s < args.sizes; s++) {
      const values = Array.from({ length: args.tasks }, (_, t) => (0.25 + (0.6 * s) / args.sizes + 0.01 * (((t * 7 + f * 3 + s) % 5) - 2)).toFixed(4));
      lines.push([`${PREFIX}-f${f}-s${s}`, `${PREFIX} ${f}`, (0.07 * 2 ** s).toFixed(4), ...values].join(","));
    }
  }
  return new TextEncoder().encode(lines.join("\n") + "\n");
}

async function views(): Promise<{ groups: CurveGroup[]; curves: number }> {
  const { rows } = await getPool().query<CurveGroup & { families: number }>(
    `SELECT r.task_id AS "taskId", r.metric_id AS "metricId", r.shots, r.filter, count(DISTINCT m.family_id)::int AS families
     FROM result r JOIN task t ON t.id = r.task_id JOIN checkpoint c ON c.id = r.checkpoint_id JOIN model m ON m.id = c.model_id
     WHERE t.name LIKE $1 GROUP BY 1, 2, 3, 4`,
    [`${PREFIX}\\_%`],
  );
  const groups = rows.map((r) => ({ taskId: r.taskId, metricId: r.metricId, shots: r.shots, filter: r.filter }));
  return { groups, curves: rows.reduce((n, r) => n + r.families, 0) };
}

/** No analysis job or ledger row left: the next configuration starts from an empty queue. */
async function clearQueue(): Promise<void> {
  await getPool().query("DELETE FROM pgboss.job WHERE name = 'analysis'");
  await getPool().query("DELETE FROM analysis_queue");
}

function startWorker(concurrency: number): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/worker.ts"], {
    detached: true,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ATLAS_WORKER_CONCURRENCY: String(concurrency), ATLAS_JOB_POLL_SECONDS: "0.5" },
  });
  let output = "";
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d) => {
      output += d;
      if (output.includes("analysis worker")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`worker exited (${code}) before it was ready:\n${output}`)));
  });
  return { child, ready };
}

async function measure(config: (typeof CONFIGS)[number], groups: CurveGroup[]): Promise<number> {
  await clearQueue();
  const workers = Array.from({ length: config.processes }, () => startWorker(config.concurrency));
  await Promise.all(workers.map((w) => w.ready));
  const started = performance.now();
  await withTransaction((client) => enqueueAnalysis(client, groups));
  for (;;) {
    const { rows } = await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM analysis_queue");
    if (rows[0].n === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const ms = performance.now() - started;
  for (const w of workers) {
    const exited = once(w.child, "exit");
    process.kill(-w.child.pid!, "SIGTERM");
    await exited;
  }
  return ms;
}

await openDatabase();
const loadBefore = os.loadavg()[0];
if ((await views()).groups.length === 0) {
  const outcome = await ingestFile({ fileName: `${PREFIX}.csv`, bytes: syntheticCsv(), registry: await buildRegistry() });
  if (!outcome.ok) throw new Error(outcome.error);
}
const { groups, curves } = await views();
console.log(`${groups.length} task views, ${curves} curves; ${os.availableParallelism()} cores, load ${loadBefore.toFixed(2)}`);
const times = new Map<string, number[]>(CONFIGS.map((c) => [c.label, []]));
for (let run = 0; run < args.runs; run++) {
  for (const config of CONFIGS) {
    const ms = await measure(config, groups);
    times.get(config.label)!.push(ms);
    console.log(`run ${run + 1}: ${config.label}: ${formatSeconds(ms)}, ${formatCount((curves * 1000) / ms)} curves/s`);
  }
}
const baseline = median(times.get(CONFIGS[0].label)!);
const summary = CONFIGS.map((c) => {
  const ms = median(times.get(c.label)!);
  return { config: c.label, medianMs: Math.round(ms), curvesPerSecond: Math.round((curves * 1000) / ms), ratio: Number((baseline / ms).toFixed(2)), spread: Number(relativeSpread(times.get(c.label)!).toFixed(2)) };
});
console.log("\nconfiguration | median | curves/s | × baseline | spread");
for (const s of summary) console.log(`${s.config} | ${formatSeconds(s.medianMs)} | ${s.curvesPerSecond} | ${s.ratio} | ${s.spread}`);
await clearQueue();
await closeDb();
console.log(JSON.stringify({ views: groups.length, curves, cores: os.availableParallelism(), loadBefore, loadAfter: os.loadavg()[0], runs: args.runs, summary }));

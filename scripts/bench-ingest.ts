// npm run bench:ingest -- [--rows N] [--seed S] [--runs R]
// Ingest throughput against a real Postgres: the real path (lib/services/ingest/ingest-file.ts,
// bytes to commit: a long CSV read in chunks while earlier chunks are written) versus a raw
// COPY of the same rows with ids pre-resolved into a bare table (and, for reference, into
// the indexed, constrained, triggered `result` table). The pieces (parse, plan, write) are
// also measured one after the other, without the overlap, to show where the time goes. Truncates every
// table between runs, so it refuses any database not named *_bench or *_test.
// The last stdout line is a JSON summary.
import { createHash } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type pg from "pg";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { z } from "zod";
import { closeDb, getPool } from "@/lib/db/client";
import { ingestFile } from "@/lib/services/ingest/ingest-file";
import { openDatabase } from "@/lib/db/open-database";
import { loadRegistryFiles, REGISTRY_DIR } from "@/lib/services/registry/build-registry";
import { writeIngestPlan } from "@/lib/db/write-ingest-plan";
import { detectFormat } from "@/lib/ingest/detect-format";
import { parseCsv } from "@/lib/ingest/parse-csv";
import { parseFile } from "@/lib/ingest/parse-file";
import { planIngest } from "@/lib/ingest/plan-ingest";
import type { IngestPlan } from "@/lib/ingest/plan-types";
import { toParsedFile } from "@/lib/ingest/validate-parsed-file";
import { parsedFileSchema } from "@/lib/schemas/parsed-file";
import { loadRegistry } from "@/lib/registry/load-registry";
import { toBenchDatabaseName } from "@/lib/bench/bench-database-name";
import { formatCount, formatRate, formatSeconds } from "@/lib/bench/format-rate";
import { generateResultsCsv } from "@/lib/bench/generate-results-csv";
import { median } from "@/lib/emergence/quantile";
import { relativeSpread } from "@/lib/bench/relative-spread";
import { COPY_COLUMNS, toCopyText, type CopyColumns } from "@/lib/ingest/to-copy-text";
import { cpuUseLine, type CpuMs } from "@/lib/bench/benchmarks-markdown";
import { withCpuUse } from "./bench/server-cpu";

// The baselines COPY a million rows in one statement; on a loaded machine that outlasts the app's
// 60 s statement timeout (ATLAS_DB_STATEMENT_TIMEOUT_MS), which guards requests, not a benchmark.
process.env.ATLAS_DB_STATEMENT_TIMEOUT_MS ??= "0";

const USAGE = "usage: npm run bench:ingest -- [--rows N (1000000)] [--seed S (1)] [--runs R (3)]";
const TABLES = "bench_bare_result, result, result_count, checkpoint_result_count, upload, checkpoint, model_alias, model, model_family, task, metric";
const COPY_CHUNK_ROWS = 20_000;

const argsSchema = z.object({
  rows: z.coerce.number().int().min(1).max(20_000_000),
  seed: z.coerce.number().int().min(0).max(2 ** 32 - 1),
  runs: z.coerce.number().int().min(1).max(20),
});

function readArgs() {
  const { values } = parseArgs({
    options: { rows: { type: "string", default: "1000000" }, seed: { type: "string", default: "1" }, runs: { type: "string", default: "3" } },
  });
  return argsSchema.parse({ rows: values.rows.replaceAll("_", "").replaceAll(",", ""), seed: values.seed, runs: values.runs });
}

let args: z.infer<typeof argsSchema>;
let dbName: string;
try {
  args = readArgs();
  dbName = toBenchDatabaseName(process.env.DATABASE_URL);
} catch (err) {
  const detail = err instanceof z.ZodError ? err.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ") : (err as Error).message;
  console.error(`${detail}\n${USAGE}`);
  process.exit(2);
}

const now = () => performance.now();
const log = (line: string) => console.error(line);

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const start = now();
  const value = await work();
  return [value, now() - start];
}

/** Empty tables and a flushed buffer cache, so every run starts from the same state (indexes, checks, triggers stay). */
async function resetTables(): Promise<void> {
  // CASCADE: tables added later that reference these (derived analyses) are emptied with them.
  await getPool().query(`TRUNCATE ${TABLES} RESTART IDENTITY CASCADE`);
  await getPool().query("CHECKPOINT");
}

/**
 * An empty `result` (and its counts) before each COPY into it: a rolled-back COPY leaves its
 * million dead rows in the heap and the indexes, which would slow the next measurement.
 */
async function emptyResult(): Promise<void> {
  await getPool().query("TRUNCATE result, result_count, checkpoint_result_count CASCADE");
  await getPool().query("CHECKPOINT");
}

/** COPY ... FROM STDIN of the prepared chunks (pg-copy-streams); resolves with the row count. */
async function copyFromStdin(client: pg.PoolClient, sql: string, chunks: Buffer[]): Promise<number> {
  const stream = client.query(copyFrom(sql));
  await pipeline(Readable.from(chunks), stream);
  return stream.rowCount;
}

/**
 * The physical limit to compare with (issue 12): a bare table of the same columns
 * with only a primary key and the natural key, no checks, triggers or other indexes.
 */
async function createBareTable(): Promise<void> {
  await getPool().query(`
    DROP TABLE IF EXISTS bench_bare_result;
    CREATE TABLE bench_bare_result (
      id bigserial PRIMARY KEY, checkpoint_id int NOT NULL, task_id int NOT NULL, metric_id int NOT NULL, shots int,
      filter text NOT NULL, value float8 NOT NULL, stderr float8, n int, upload_id int);
    CREATE UNIQUE INDEX bench_bare_result_key ON bench_bare_result (task_id, metric_id, shots, filter, checkpoint_id) NULLS NOT DISTINCT;`);
}

/** Runs `work` in a transaction that commits, or with `commit: false` always rolls back. */
async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>, commit = true): Promise<T> {
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    const value = await work(client);
    await client.query(commit ? "COMMIT" : "ROLLBACK");
    return value;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

// --- the input ---------------------------------------------------------------------------
const registryTexts = {
  models: await readFile(path.join(REGISTRY_DIR, "models.csv"), "utf8"),
  tasks: await readFile(path.join(REGISTRY_DIR, "tasks.csv"), "utf8"),
  metrics: await readFile(path.join(REGISTRY_DIR, "metrics.csv"), "utf8"),
};
const seed = loadRegistry(registryTexts);
const registry = await loadRegistryFiles();
const [csv, generateMs] = await timed(() =>
  generateResultsCsv({
    rows: args.rows,
    seed: args.seed,
    models: seed.models.filter((m) => !m.name.includes("*")).map((m) => ({ name: m.name, finalStep: m.finalStep })),
    tasks: seed.tasks.map((t) => ({ name: t.name, chance: t.chance, itemCount: t.itemCount })),
  }),
);
const file = path.join(os.tmpdir(), `atlas-bench-${args.rows}-seed${args.seed}-${process.pid}.csv`);
await writeFile(file, csv);
const bytes = new Uint8Array(await readFile(file));
const fileName = path.basename(file);
log(`generated ${formatCount(args.rows)} rows (${(bytes.length / 1e6).toFixed(1)} MB) in ${formatSeconds(generateMs)}: ${file}`);

const db = await openDatabase();
await createBareTable();
log(`database ${dbName} (migrations applied); ${args.runs} run(s) of each measurement`);

type Breakdown = {
  decodeMs: number; parseMs: number; planMs: number; hashMs: number; writeMs: number; totalMs: number;
  detectMs: number; tokenizeMs: number; validateMs: number; zodMs: number;
};
const ingestMs: number[] = [];
const copyMs: number[] = [];
const resultCopyMs: number[] = [];
const resultNoCountMs: number[] = [];
const resultNoTriggerMs: number[] = [];
const breakdowns: Breakdown[] = [];
const ingestCpu: CpuMs[] = [];
const copyCpu: CpuMs[] = [];
let resultRows = 0;

try {
  for (let run = 1; run <= args.runs; run++) {
    // (a) the real ingestion path, bytes to commit
    await resetTables();
    const [[outcome, ms], cpu] = await withCpuUse(() => timed(() => ingestFile({ fileName, bytes, registry, note: "bench" })));
    ingestCpu.push(cpu);
    if (!outcome.ok) throw new Error(`ingest failed: ${outcome.error}`);
    if (outcome.inserted !== args.rows) throw new Error(`ingest inserted ${outcome.inserted} rows, expected ${args.rows}`);
    ingestMs.push(ms);
    log(`run ${run} ingest: ${formatSeconds(ms)}  ${formatRate(args.rows, ms)}`);

    // the same path in pieces, for the breakdown
    await resetTables();
    const [text, decodeMs] = await timed(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    const [parsed, parseMs] = await timed(() => parseFile(fileName, text));
    const [plan, planMs] = await timed(() => planIngest(fileName, parsed, registry));
    const [sha256, hashMs] = await timed(() => createHash("sha256").update(bytes).digest("hex"));
    const [, writeMs] = await timed(() =>
      inTransaction((client) => writeIngestPlan(client, { fileName, sha256, format: plan.format, note: "bench" }, plan)),
    );
    const [, detectMs] = await timed(() => detectFormat(fileName, text));
    const [, tokenizeMs] = await timed(() => parseCsv(fileName, text));
    // the results checked again as the parsers check them (hand-written), and by the zod schema for comparison
    const [, validateMs] = await timed(() => toParsedFile(fileName, { ...parsed }));
    const [, zodMs] = await timed(() => parsedFileSchema.safeParse(parsed));
    const totalMs = decodeMs + parseMs + planMs + hashMs + writeMs;
    breakdowns.push({ decodeMs, parseMs, planMs, hashMs, writeMs, totalMs, detectMs, tokenizeMs, validateMs, zodMs });
    log(
      `run ${run} pieces: decode ${formatSeconds(decodeMs)}, parse ${formatSeconds(parseMs)}, plan ${formatSeconds(planMs)}, ` +
        `sha256 ${formatSeconds(hashMs)}, write ${formatSeconds(writeMs)}`,
    );

    // (b) baseline: COPY of the same rows into a bare table, ids resolved beforehand (not timed)
    await resetTables();
    const chunks = await prepareCopy(plan);
    const [[copied, cms], bareCpu] = await withCpuUse(() =>
      timed(() => inTransaction((client) => copyFromStdin(client, `COPY bench_bare_result (${COPY_COLUMNS}) FROM STDIN`, chunks))),
    );
    copyCpu.push(bareCpu);
    if (copied !== args.rows) throw new Error(`COPY wrote ${copied} rows, expected ${args.rows}`);
    copyMs.push(cms);
    log(`run ${run} COPY into a bare table: ${formatSeconds(cms)}  ${formatRate(args.rows, cms)}`);
    // (d) where result's own cost goes: the same COPY with its statement triggers switched off,
    // in transactions rolled back (the ALTER TABLE too), so nothing of them stays
    for (const [label, triggers, into] of [
      ["without the count trigger", "result_count_insert", resultNoCountMs],
      ["without any trigger", "USER", resultNoTriggerMs],
    ] as const) {
      await emptyResult();
      const [, ms] = await timed(() =>
        inTransaction(async (client) => {
          await client.query(`ALTER TABLE result DISABLE TRIGGER ${triggers}`);
          await copyFromStdin(client, `COPY result (${COPY_COLUMNS}) FROM STDIN`, chunks);
        }, false),
      );
      into.push(ms);
      log(`run ${run} COPY into result ${label}: ${formatSeconds(ms)}  ${formatRate(args.rows, ms)}`);
    }
    // (c) for reference: the same COPY into the app's result table (its indexes, checks, triggers)
    await emptyResult();
    const [, rms] = await timed(() =>
      inTransaction((client) => copyFromStdin(client, `COPY result (${COPY_COLUMNS}) FROM STDIN`, chunks)),
    );
    resultCopyMs.push(rms);
    log(`run ${run} COPY into result:       ${formatSeconds(rms)}  ${formatRate(args.rows, rms)}`);
    resultRows = Number((await getPool().query<{ n: string }>("SELECT count(*) AS n FROM result")).rows[0].n);
  }
} finally {
  await resetTables().catch(() => undefined);
  await closeDb();
  await db.stop();
  await rm(file, { force: true });
}

/** Creates the plan's models, checkpoints, tasks, metrics and an upload, then lays the rows out as COPY text. */
async function prepareCopy(plan: IngestPlan): Promise<Buffer[]> {
  const empty = { ...plan, rows: { model: [], revision: [], task: [], metric: [], shots: [], filter: [], value: [], stderr: [], n: [] } };
  const { uploadId } = await inTransaction((client) =>
    writeIngestPlan(client, { fileName: "copy-baseline", sha256: "copy-baseline", format: plan.format, note: "bench" }, empty),
  );
  const pool = getPool();
  const checkpoints = await pool.query<{ id: number; model: string; revision: string }>(
    "SELECT c.id, m.name AS model, c.revision FROM checkpoint c JOIN model m ON m.id = c.model_id",
  );
  const byCheckpoint = new Map(checkpoints.rows.map((r) => [`${r.model}\u0000${r.revision}`, r.id]));
  const byName = async (table: string) =>
    new Map((await pool.query<{ id: number; name: string }>(`SELECT id, name FROM ${table}`)).rows.map((r) => [r.name, r.id]));
  const tasks = await byName("task");
  const metrics = await byName("metric");
  const r = plan.rows;
  const columns: CopyColumns = {
    checkpointId: r.model.map((m, i) => byCheckpoint.get(`${m}\u0000${r.revision[i]}`)!),
    taskId: r.task.map((t) => tasks.get(t)!),
    metricId: r.metric.map((m) => metrics.get(m)!),
    shots: r.shots, filter: r.filter, value: r.value, stderr: r.stderr, n: r.n,
  };
  const chunks: Buffer[] = [];
  for (let start = 0; start < r.value.length; start += COPY_CHUNK_ROWS) {
    chunks.push(Buffer.from(toCopyText(columns, uploadId, start, Math.min(start + COPY_CHUNK_ROWS, r.value.length))));
  }
  return chunks;
}

// --- report ------------------------------------------------------------------------------
const rate = (ms: number) => Math.round((args.rows * 1000) / ms);
const ingestMedian = median(ingestMs);
const copyMedian = median(copyMs);
// Each run measures the ingest, its write path and the bare COPY back to back: on a shared
// machine the load moves between runs, so the ratio is taken per run, then its median.
const ratios = copyMs.map((c, i) => c / ingestMs[i]);
const ratio = median(ratios);
const writeRatios = copyMs.map((c, i) => c / breakdowns[i].writeMs);
const writeRatio = median(writeRatios);
const resultCopyMedian = median(resultCopyMs);
const piece = (key: keyof Breakdown) => median(breakdowns.map((b) => b[key]));
const pieces = (["decodeMs", "parseMs", "planMs", "hashMs", "writeMs"] as const).map((key) => [key, piece(key)] as const);
const piecesTotal = piece("totalMs");
const cores = os.availableParallelism();
/** Median CPU milliseconds over the runs, rounded (Postgres null if any run could not see the server). */
const cpuMedian = (runs: CpuMs[]): CpuMs => {
  const pg = runs.map((c) => c.postgres);
  return { node: Math.round(median(runs.map((c) => c.node))), postgres: pg.some((v) => v === null) ? null : Math.round(median(pg as number[])) };
};
const cpuMs = { ingest: cpuMedian(ingestCpu), copy: cpuMedian(copyCpu) };

console.log("");
console.log(`ingest (ingestFile, bytes to commit): ${formatSeconds(ingestMedian)}  ${formatRate(args.rows, ingestMedian)}  (median of ${args.runs}, spread ${(relativeSpread(ingestMs) * 100).toFixed(0)}%)`);
console.log(`COPY into a bare table (ids pre-resolved): ${formatSeconds(copyMedian)}  ${formatRate(args.rows, copyMedian)}  (median of ${args.runs}, spread ${(relativeSpread(copyMs) * 100).toFixed(0)}%)`);
console.log(`COPY into result (ids pre-resolved):       ${formatSeconds(resultCopyMedian)}  ${formatRate(args.rows, resultCopyMedian)}`);
console.log(`  the same without result_count_insert: ${formatSeconds(median(resultNoCountMs))}  ${formatRate(args.rows, median(resultNoCountMs))}; without any trigger: ${formatSeconds(median(resultNoTriggerMs))}  ${formatRate(args.rows, median(resultNoTriggerMs))} (rolled back)`);
console.log(`ratio ingest (bytes to commit) / bare COPY: ${ratio.toFixed(2)} (median of the runs' ratios: ${ratios.map((r) => r.toFixed(2)).join(", ")}; goal >= 0.5)`);
console.log(`ratio write path (plan to commit) / bare COPY: ${writeRatio.toFixed(2)} (median of the runs' ratios: ${writeRatios.map((r) => r.toFixed(2)).join(", ")})`);
console.log("the ingest path in pieces, one after the other without overlap (medians):");
for (const [key, ms] of pieces) {
  console.log(`  ${key.replace("Ms", "").padEnd(8)} ${formatSeconds(ms).padStart(9)}  ${((ms / piecesTotal) * 100).toFixed(0).padStart(3)}%`);
}
console.log(`  inside parse: detectFormat ${formatSeconds(piece("detectMs"))}, CSV tokenizer ${formatSeconds(piece("tokenizeMs"))}, result check ${formatSeconds(piece("validateMs"))} (zod schema on the same results: ${formatSeconds(piece("zodMs"))}) (each measured alone)`);
console.log(`  streamed (parse, plan and write overlapped): ${formatSeconds(ingestMedian)} against ${formatSeconds(piecesTotal)} for the pieces in a row`);
console.log("CPU time spent (medians; Node and Postgres share the machine's cores):");
console.log(`  ${cpuUseLine("ingest", cpuMs.ingest, cores)}`);
console.log(`  ${cpuUseLine("bare COPY", cpuMs.copy, cores)}`);
console.log(`load average while measuring (1, 5, 15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(", ")}`);
console.log(
  JSON.stringify({
    bench: "ingest",
    database: dbName,
    rows: args.rows,
    seed: args.seed,
    runs: args.runs,
    fileBytes: bytes.length,
    resultRowsAfterCopy: resultRows,
    ingest: { medianMs: Math.round(ingestMedian), rowsPerSec: rate(ingestMedian), runsMs: ingestMs.map(Math.round) },
    copy: { medianMs: Math.round(copyMedian), rowsPerSec: rate(copyMedian), runsMs: copyMs.map(Math.round) },
    resultCopy: { medianMs: Math.round(resultCopyMedian), rowsPerSec: rate(resultCopyMedian) },
    resultCopyWithoutCountTrigger: { medianMs: Math.round(median(resultNoCountMs)), rowsPerSec: rate(median(resultNoCountMs)) },
    resultCopyWithoutTriggers: { medianMs: Math.round(median(resultNoTriggerMs)), rowsPerSec: rate(median(resultNoTriggerMs)) },
    ratio: Number(ratio.toFixed(3)),
    ratios: ratios.map((r) => Number(r.toFixed(3))),
    loadavg: os.loadavg().map((l) => Number(l.toFixed(2))),
    cores,
    cpuMs,
    writeRatio: Number(writeRatio.toFixed(3)),
    writeRatios: writeRatios.map((r) => Number(r.toFixed(3))),
    breakdownMs: Object.fromEntries([...pieces, ["detect", piece("detectMs")], ["tokenize", piece("tokenizeMs")], ["validate", piece("validateMs")], ["zod", piece("zodMs")]].map(([k, v]) => [String(k).replace("Ms", ""), Math.round(v as number)])),
  }),
);

// npm run bench:leaderboard -- [--files N (5000)] [--seed S (1)]
// A generated leaderboard folder (lib/bench/generate-leaderboard.ts) through the CLI's path
// (ingestPaths: a file a transaction, then the analyses), measured as files/s and results/s,
// against the ingest benchmark's measure (bench:ingest: one file of the same number of rows
// through ingestFile), in the same process on the same database. Truncates every table, so it
// refuses any database not named *_bench or *_test. The last stdout line is a JSON summary.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDb, getPool } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/open-database";
import { ingestFile } from "@/lib/services/ingest/ingest-file";
import { ingestPaths } from "@/lib/services/ingest/ingest-paths";
import { buildRegistry, loadRegistryFiles, REGISTRY_DIR } from "@/lib/services/registry/build-registry";
import { loadRegistry } from "@/lib/registry/load-registry";
import { toBenchDatabaseName } from "@/lib/bench/bench-database-name";
import { formatCount, formatSeconds } from "@/lib/bench/format-rate";
import { generateLeaderboard, LEADERBOARD_RESULTS_PER_FILE } from "@/lib/bench/generate-leaderboard";
import { generateResultsCsv } from "@/lib/bench/generate-results-csv";

const USAGE = "usage: npm run bench:leaderboard -- [--files N (5000)] [--seed S (1)]";
const TABLES = "result_item, result, upload, checkpoint, model_alias, model, model_family, task, metric";
const argsSchema = z.object({ files: z.coerce.number().int().min(1).max(100_000), seed: z.coerce.number().int().min(0).max(2 ** 32 - 1) });

let args: z.infer<typeof argsSchema>;
let dbName: string;
try {
  const { values } = parseArgs({ options: { files: { type: "string", default: "5000" }, seed: { type: "string", default: "1" } } });
  args = argsSchema.parse(values);
  dbName = toBenchDatabaseName(process.env.DATABASE_URL);
} catch (err) {
  const detail = err instanceof z.ZodError ? err.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ") : (err as Error).message;
  console.error(`${detail}\n${USAGE}`);
  process.exit(2);
}
const log = (line: string) => console.error(line);

async function resetTables(): Promise<void> {
  await getPool().query(`TRUNCATE ${TABLES} RESTART IDENTITY CASCADE`);
  await getPool().query("CHECKPOINT");
}

const dir = await mkdtemp(path.join(os.tmpdir(), "atlas-leaderboard-"));
let bytes = 0;
for (const file of generateLeaderboard({ files: args.files, seed: args.seed })) {
  await mkdir(path.dirname(path.join(dir, file.path)), { recursive: true });
  await writeFile(path.join(dir, file.path), file.text);
  bytes += Buffer.byteLength(file.text);
}
const results = args.files * LEADERBOARD_RESULTS_PER_FILE;
log(`generated ${args.files} files, ${formatCount(results)} results (${(bytes / 1e6).toFixed(1)} MB) in ${dir}`);

const db = await openDatabase();
try {
  // (a) the folder, as `npm run ingest -- DIR` does it; ingest ends when the last file's outcome is in, then the analyses run
  await resetTables();
  const start = performance.now();
  let ingestEnd = start;
  const summary = await ingestPaths([dir], {
    registry: await buildRegistry(),
    note: "bench",
    onProgress: (p) => {
      if (p.outcome !== undefined && p.fileIndex === p.files - 1) ingestEnd = performance.now();
    },
  });
  const totalMs = performance.now() - start;
  const ingestMs = ingestEnd - start;
  if (summary.errors.length > 0 || summary.inserted !== results) throw new Error(`the folder went in with ${summary.inserted} of ${results} results: ${JSON.stringify(summary.errors.slice(0, 3))}`);

  // (b) the ingest benchmark's measure: one file of as many rows through ingestFile
  await resetTables();
  const registry = await loadRegistryFiles();
  // the same rows bench:ingest generates (the registry's models and tasks), as many as the folder holds
  const read = (name: string) => readFile(path.join(REGISTRY_DIR, name), "utf8");
  const seed = loadRegistry({ models: await read("models.csv"), tasks: await read("tasks.csv"), metrics: await read("metrics.csv") });
  const csv = generateResultsCsv({
    rows: results, seed: args.seed,
    models: seed.models.filter((m) => !m.name.includes("*")).map((m) => ({ name: m.name, finalStep: m.finalStep })),
    tasks: seed.tasks.map((t) => ({ name: t.name, chance: t.chance, itemCount: t.itemCount })),
  });
  const oneStart = performance.now();
  const outcome = await ingestFile({ fileName: "one-file.csv", bytes: new TextEncoder().encode(csv), registry, note: "bench" });
  const oneMs = performance.now() - oneStart;
  if (!outcome.ok) throw new Error(outcome.error);

  const perSec = (n: number, ms: number) => Math.round((n * 1000) / ms);
  const ratio = perSec(results, ingestMs) / perSec(results, oneMs);
  console.log(`folder (ingestPaths): ${args.files} files in ${formatSeconds(ingestMs)}: ${perSec(args.files, ingestMs)} files/s, ${formatCount(perSec(results, ingestMs))} results/s; analyses after it ${formatSeconds(totalMs - ingestMs)} (${summary.analysedCurves} curves)`);
  console.log(`one file of ${formatCount(results)} rows (ingestFile, as bench:ingest): ${formatSeconds(oneMs)}: ${formatCount(perSec(results, oneMs))} rows/s`);
  console.log(`ratio folder results/s ÷ one-file rows/s: ${ratio.toFixed(3)} (a transaction, a registry lookup and a family inference per file)`);
  console.log(JSON.stringify({
    bench: "leaderboard", database: dbName, files: args.files, seed: args.seed, results, bytes, cpus: os.cpus().length, loadavg: os.loadavg().map((l) => Number(l.toFixed(2))),
    folder: { ingestMs: Math.round(ingestMs), filesPerSec: perSec(args.files, ingestMs), resultsPerSec: perSec(results, ingestMs), analysisMs: Math.round(totalMs - ingestMs), analysedCurves: summary.analysedCurves },
    oneFile: { ms: Math.round(oneMs), rowsPerSec: perSec(results, oneMs) },
    ratio: Number(ratio.toFixed(3)),
  }));
} finally {
  await resetTables().catch(() => undefined);
  await closeDb();
  await db.stop();
  await rm(dir, { recursive: true, force: true });
}

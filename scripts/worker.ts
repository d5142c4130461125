// npm run worker: an analysis worker process. It runs the analysis jobs that uploads and
// registry edits queue (pg-boss, in the app's Postgres), ATLAS_WORKER_CONCURRENCY at once
// (default one per core), each in its own analysis process. Start as many as you like, on
// as many machines as reach the database; web processes then need no in-process worker
// (ATLAS_IN_PROCESS_WORKER=0). SIGINT/SIGTERM: running jobs finish (or are given back for
// another worker within 10 s), then the process exits.
import { availableParallelism } from "node:os";
import { readEnv } from "@/lib/env.js";
import { openDatabase } from "@/lib/db/open-database";
import { closeDb } from "@/lib/db/client";
import { startAnalysisWorker } from "@/lib/services/analysis/analysis-worker";

const env = readEnv();
const db = await openDatabase();
const concurrency = env.ATLAS_WORKER_CONCURRENCY ?? availableParallelism();
const worker = await startAnalysisWorker({ concurrency });
console.log(`analysis worker ${process.pid}: ${concurrency} at once on the ${db.kind} database`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await worker.stop();
    await closeDb().catch(() => undefined);
    await db.stop();
    process.exit(0);
  });
}

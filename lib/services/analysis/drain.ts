import "server-only";
import { runJobBatch } from "./run-analysis-jobs";

/** Task views per fetch: a batch's work is stored (and its jobs completed) as it finishes. */
const BATCH = 50;

export type DrainSummary = { batches: number; analysedCurves: number; ms: number };

/**
 * Runs every analysis job waiting now in this process, a batch at a time, until none
 * is left (jobs waiting for a retry's delay stay for the workers). The CLI uses it
 * to wait for its own analyses, tests to analyse what they queued; servers and
 * `npm run worker` run the same batches in a loop (analysis-worker.ts).
 */
export async function drainAnalysisQueue({ batchSize = BATCH } = {}): Promise<DrainSummary> {
  const started = performance.now();
  let batches = 0;
  let analysedCurves = 0;
  for (;;) {
    const batch = await runJobBatch(batchSize);
    if (batch.jobs === 0) break;
    batches++;
    analysedCurves += batch.analysedCurves;
  }
  return { batches, analysedCurves, ms: Math.round(performance.now() - started) };
}

/** Runs what is queued now (tests: after a route queued analyses, before reading them). */
export async function whenAnalysisIdle(): Promise<void> {
  await drainAnalysisQueue();
}

import "server-only";
import { ANALYSIS_QUEUE, getJobEngine } from "@/lib/db/job-engine";
import { runAnalysisJobs, type AnalysisJob } from "./run-analysis-jobs";

/** Task views per fetch: a batch's work is stored (and its jobs completed) as it finishes. */
const BATCH = 50;

export type DrainSummary = { batches: number; analysedCurves: number; ms: number };

/**
 * Runs every analysis job waiting now in this process, a batch at a time, until none
 * is left (jobs waiting for a retry's delay stay for the workers). The CLI uses it
 * to wait for its own analyses, tests to analyse what they queued; servers and
 * `npm run worker` run the same jobs through pg-boss's `work` (analysis-worker.ts).
 */
export async function drainAnalysisQueue({ batchSize = BATCH } = {}): Promise<DrainSummary> {
  const started = performance.now();
  const boss = getJobEngine();
  let batches = 0;
  let analysedCurves = 0;
  for (;;) {
    const jobs = (await boss.fetch<AnalysisJob["data"]>(ANALYSIS_QUEUE, { batchSize, includeMetadata: true })) as AnalysisJob[];
    if (jobs.length === 0) break;
    const done = await runAnalysisJobs(jobs).catch(async (err: Error) => {
      // given back at once (pg-boss retries them) rather than left active until they expire
      for (const job of jobs) await boss.fail(ANALYSIS_QUEUE, job.id, { message: err.message }).catch(() => undefined);
      throw err;
    });
    if (done.succeeded.length > 0) await boss.complete(ANALYSIS_QUEUE, done.succeeded);
    batches++;
    analysedCurves += done.analysedCurves;
  }
  return { batches, analysedCurves, ms: Math.round(performance.now() - started) };
}

/** Runs what is queued now (tests: after a route queued analyses, before reading them). */
export async function whenAnalysisIdle(): Promise<void> {
  await drainAnalysisQueue();
}

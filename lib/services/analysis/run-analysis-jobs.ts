import "server-only";
import type PgBoss from "pg-boss";
import { parkAnalysis } from "@/lib/db/analysis-queue";
import { ANALYSIS_QUEUE, getJobEngine } from "@/lib/db/job-engine";
import { groupKey, type CurveGroup } from "@/lib/db/view-rows";
import { refreshAnalyses, type RefreshSummary } from "./refresh-analyses";

export type AnalysisJob = PgBoss.JobWithMetadata<CurveGroup>;

/**
 * Runs a batch of analysis jobs (one task view each) through the pure analysis, off
 * the request loop (lib/services/analysis/analysis-process.ts). A view whose analysis
 * fails or exceeds its budget fails its job, which pg-boss retries; on its last
 * attempt the view is parked with the reason. Returns the ids of the jobs that
 * succeeded, for the caller to complete.
 */
export async function runAnalysisJobs(jobs: AnalysisJob[]): Promise<RefreshSummary & { succeeded: string[] }> {
  const views = [...new Map(jobs.map((j) => [groupKey(j.data), j.data])).values()];
  const summary = await refreshAnalyses(views, { onlyQueued: true, park: false });
  const succeeded: string[] = [];
  for (const job of jobs) {
    const reason = summary.failed.get(groupKey(job.data));
    if (reason === undefined) {
      succeeded.push(job.id);
      continue;
    }
    if (job.retryCount >= job.retryLimit) await parkAnalysis(job.data, reason);
    await getJobEngine().fail(ANALYSIS_QUEUE, job.id, { message: reason });
  }
  return { ...summary, succeeded };
}

export type BatchOutcome = { jobs: number; analysedCurves: number };

/**
 * The one way a job is run, by a worker or a drain: takes up to `batchSize` waiting
 * jobs, runs them, completes those that succeeded. Every statement to the engine is
 * awaited, so a failure (the connection lost as the jobs complete) rejects here for
 * the caller to handle; a job whose completion was not recorded stays active until
 * it expires (ATLAS_JOB_EXPIRE_SECONDS) and pg-boss hands it out again, and its
 * second run finds its view off the ledger and does nothing. A batch that throws
 * gives its jobs back at once (pg-boss retries them after its delay) rather than
 * leaving them to expire. `taken` sees the ids while they run (a stopping worker gives back what it holds).
 */
export async function runJobBatch(batchSize: number, taken?: (ids: string[]) => void): Promise<BatchOutcome> {
  const boss = getJobEngine();
  const jobs = (await boss.fetch<AnalysisJob["data"]>(ANALYSIS_QUEUE, { batchSize, includeMetadata: true })) as AnalysisJob[];
  if (jobs.length === 0) return { jobs: 0, analysedCurves: 0 };
  taken?.(jobs.map((j) => j.id));
  try {
    const done = await runAnalysisJobs(jobs).catch(async (err: Error) => {
      await giveBack(jobs.map((j) => j.id), err.message);
      throw err;
    });
    if (done.succeeded.length > 0) await boss.complete(ANALYSIS_QUEUE, done.succeeded);
    return { jobs: jobs.length, analysedCurves: done.analysedCurves };
  } finally {
    taken?.([]);
  }
}

/** Fails the jobs now so pg-boss retries them (best effort: a job not given back waits for its expiry). */
export async function giveBack(ids: string[], reason: string): Promise<void> {
  for (const id of ids) await getJobEngine().fail(ANALYSIS_QUEUE, id, { message: reason }).catch(() => undefined);
}

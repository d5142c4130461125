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
 * succeeded (the caller completes them; pg-boss's `work` does so itself).
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

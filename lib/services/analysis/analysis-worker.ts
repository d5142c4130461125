import "server-only";
import { requeueWaitingViews } from "@/lib/db/analysis-queue";
import { ANALYSIS_QUEUE, startJobEngine, stopJobEngine } from "@/lib/db/job-engine";
import { readEnv } from "@/lib/env.js";
import { setAnalysisProcesses, stopAnalysisThread } from "./analysis-process";
import { runAnalysisJobs, type AnalysisJob } from "./run-analysis-jobs";

/**
 * Views a worker takes per fetch. Their jobs expire together (ATLAS_JOB_EXPIRE_SECONDS, 180 s), so a
 * batch must end within it even when every view uses its whole budget (2 × 60 s).
 */
const BATCH = 2;

// The workers of this process, so a change made here can wake them at once instead of at their next poll.
const holder = globalThis as typeof globalThis & { __atlasWorkers?: string[] };

export type AnalysisWorker = { concurrency: number; stop: () => Promise<void> };

/**
 * Runs analysis jobs in this process until stopped: `concurrency` pg-boss workers,
 * each with its own analysis process (the fits never run on this process's loop).
 * Any number of these, in any number of processes and machines, share the queue:
 * pg-boss hands each job to one of them (SKIP LOCKED), expires the job of a worker
 * that died (ATLAS_JOB_EXPIRE_SECONDS) and retries it elsewhere.
 */
export async function startAnalysisWorker({ concurrency = 1 } = {}): Promise<AnalysisWorker> {
  const env = readEnv();
  setAnalysisProcesses(concurrency);
  const boss = await startJobEngine();
  const requeued = await requeueWaitingViews();
  if (requeued > 0) console.log(`analysis: ${requeued} waiting task views queued as jobs`);
  const ids: string[] = [];
  for (let i = 0; i < concurrency; i++) {
    let id = "";
    id = await boss.work<AnalysisJob["data"]>(
      ANALYSIS_QUEUE,
      { batchSize: BATCH, includeMetadata: true, pollingIntervalSeconds: env.ATLAS_JOB_POLL_SECONDS },
      async (jobs) => {
        await runAnalysisJobs(jobs as AnalysisJob[]);
        // pg-boss waits its polling interval after every fetch; a worker that found jobs looks again at once
        boss.notifyWorker(id);
      },
    );
    ids.push(id);
  }
  holder.__atlasWorkers = ids;
  return {
    concurrency,
    stop: async () => {
      holder.__atlasWorkers = undefined;
      await stopJobEngine();
      stopAnalysisThread();
    },
  };
}

/** After a change queued analyses: this process's workers (if any) look for jobs now. */
export function nudgeAnalysisWorkers(): void {
  const ids = holder.__atlasWorkers;
  if (!ids) return;
  void startJobEngine().then((boss) => ids.forEach((id) => boss.notifyWorker(id)));
}

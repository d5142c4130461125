import "server-only";
import { requeueWaitingViews } from "@/lib/db/analysis-queue";
import { startJobEngine, stopJobEngine } from "@/lib/db/job-engine";
import { readEnv } from "@/lib/env.js";
import { setAnalysisProcesses, stopAnalysisThread } from "./analysis-process";
import { giveBack, runJobBatch } from "./run-analysis-jobs";

/**
 * Views a worker takes per fetch. Their jobs expire together (ATLAS_JOB_EXPIRE_SECONDS, 180 s), so a
 * batch must end within it even when every view uses its whole budget (2 × 60 s).
 */
const BATCH = 2;
/** How long a stopping worker waits for the batches it runs before giving their jobs back. */
const STOP_TIMEOUT_MS = 10_000;

/** One of a worker's `concurrency` loops: the jobs it holds, and how to wake it from its poll wait. */
type Slot = { holding: string[]; nudged: boolean; wake: (() => void) | null; done: Promise<void> };

// The workers of this process, so a change made here can wake them at once instead of at their next poll.
const holder = globalThis as typeof globalThis & { __atlasWorkers?: Slot[] };

export type AnalysisWorker = { concurrency: number; stop: () => Promise<void> };

const sleep = (slot: Slot, ms: number) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(() => slot.wake?.(), ms);
    slot.wake = () => {
      clearTimeout(timer);
      slot.wake = null;
      resolve();
    };
  });

/**
 * Runs analysis jobs in this process until stopped: `concurrency` loops, each taking
 * batches from pg-boss (lib/services/analysis/run-analysis-jobs.ts) with its own
 * analysis process (the fits never run on this process's loop). Any number of these,
 * in any number of processes and machines, share the queue: pg-boss hands each job
 * to one of them (SKIP LOCKED), expires the job of a worker that died
 * (ATLAS_JOB_EXPIRE_SECONDS) and retries it elsewhere. The loops await every statement
 * they send, so a database failure (a connection dropped, a restart) is logged and the
 * loop goes on after its poll interval; it never ends the process. (pg-boss's own
 * `work()` leaves its completion statements unawaited, and one failing ended the process.)
 * Every ATLAS_JOB_MAINTENANCE_SECONDS, an idle worker queues a job for any view the
 * ledger holds without one, as it does at its start.
 */
export async function startAnalysisWorker({ concurrency = 1 } = {}): Promise<AnalysisWorker> {
  const env = readEnv();
  const [pollMs, reconcileMs] = [env.ATLAS_JOB_POLL_SECONDS * 1000, env.ATLAS_JOB_MAINTENANCE_SECONDS * 1000];
  setAnalysisProcesses(concurrency);
  await startJobEngine(); // maintenance: expiring the jobs of dead workers, archiving
  await requeue();
  let stopping = false;
  let reconciledAt = performance.now();
  const work = async (slot: Slot, reconciles: boolean) => {
    while (!stopping) {
      slot.nudged = false;
      let took = 0;
      try {
        took = (await runJobBatch(BATCH, (ids) => (slot.holding = ids))).jobs;
        // the ledger and the queue agree again: a view whose job ended without a verdict on the
        // ledger (it expired on its last attempt, or its batch failed as the database went away) gets a job
        if (took === 0 && reconciles && performance.now() - reconciledAt >= reconcileMs) {
          reconciledAt = performance.now();
          await requeue();
        }
      } catch (err) {
        console.error(`analysis worker: ${(err as Error).message} (its jobs are given back to the queue; polling again)`);
      }
      // a worker that found jobs looks again at once; an idle one waits for its poll or a nudge
      if (took === 0 && !slot.nudged && !stopping) await sleep(slot, pollMs);
    }
  };
  const slots = Array.from({ length: concurrency }, (_, i) => {
    const slot: Slot = { holding: [], nudged: false, wake: null, done: Promise.resolve() };
    slot.done = work(slot, i === 0);
    return slot;
  });
  holder.__atlasWorkers = slots;
  return {
    concurrency,
    stop: async () => {
      if (holder.__atlasWorkers === slots) holder.__atlasWorkers = undefined;
      stopping = true;
      for (const slot of slots) slot.wake?.();
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        Promise.all(slots.map((s) => s.done)).then(() => true),
        new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), STOP_TIMEOUT_MS))),
      ]);
      clearTimeout(timer);
      if (!finished) await giveBack(slots.flatMap((s) => s.holding), "the worker stopped before the analysis finished");
      await stopJobEngine();
      stopAnalysisThread();
    },
  };
}

/** A job for every view the ledger says is waiting without one (lib/db/analysis-queue.ts). */
async function requeue(): Promise<void> {
  const requeued = await requeueWaitingViews();
  if (requeued > 0) console.log(`analysis: ${requeued} waiting task views queued as jobs`);
}

/** After a change queued analyses: this process's workers (if any) look for jobs now. */
export function nudgeAnalysisWorkers(): void {
  for (const slot of holder.__atlasWorkers ?? []) {
    slot.nudged = true;
    slot.wake?.();
  }
}

import "server-only";
import { nextBatch } from "@/lib/db/analysis-queue";
import { getPool } from "@/lib/db/client";
import { refreshAnalyses } from "./refresh-analyses";

/** Task views per refresh: a batch's work is stored (and its views leave the queue) as it finishes. */
const BATCH = 1_000;

export type DrainSummary = { batches: number; analysedCurves: number; ms: number };

/**
 * Re-analyses queued task views until none are left, a batch at a time (a view
 * queued again while its batch ran gets a new ticket and is analysed again).
 * Each batch costs its own views only: no verdict depends on another view.
 */
export async function drainAnalysisQueue({ batchSize = BATCH } = {}): Promise<DrainSummary> {
  const started = performance.now();
  let batches = 0;
  let analysedCurves = 0;
  for (let batch = await nextBatch(batchSize); batch.length > 0; batch = await nextBatch(batchSize)) {
    const refreshed = await refreshAnalyses(batch);
    batches++;
    analysedCurves += refreshed.analysedCurves;
  }
  return { batches, analysedCurves, ms: Math.round(performance.now() - started) };
}

/**
 * At start-up: analyses everything once for a database that has results but no
 * stored analyses (e.g. made before them), else whatever a stopped server left queued.
 */
export async function ensureAnalyses(): Promise<DrainSummary | null> {
  const started = performance.now();
  const { rows } = await getPool().query<{ missing: boolean; queued: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM result) AND NOT EXISTS (SELECT 1 FROM curve_analysis) AS missing,
            EXISTS (SELECT 1 FROM analysis_queue WHERE failed_at IS NULL) AS queued`,
  );
  if (rows[0].missing) {
    const all = await refreshAnalyses("all");
    return { batches: 1, analysedCurves: all.analysedCurves, ms: Math.round(performance.now() - started) };
  }
  return rows[0].queued ? drainAnalysisQueue() : null;
}

// One drain at a time per process; a request for another while one runs makes it go round again.
const worker = globalThis as typeof globalThis & { __atlasDrain?: { running: Promise<void>; again: boolean } };

async function drainUntilQuiet(first: () => Promise<unknown>): Promise<void> {
  try {
    let pass = first;
    do {
      worker.__atlasDrain!.again = false;
      await pass();
      pass = drainAnalysisQueue;
    } while (worker.__atlasDrain!.again);
  } catch (err) {
    // The queue is in the database: whatever failed stays queued for the next drain.
    console.error("analysis refresh failed; the task views stay queued:", (err as Error).message);
  } finally {
    worker.__atlasDrain = undefined;
  }
}

/**
 * Starts draining the queue in the background of this process (after a response,
 * at server start) and returns at once. Failures are logged; the views stay queued.
 * `first` replaces the first pass (at server start: ensureAnalyses).
 */
export function scheduleAnalysisDrain(first: () => Promise<unknown> = drainAnalysisQueue): void {
  if (worker.__atlasDrain) {
    worker.__atlasDrain.again = true;
    return;
  }
  worker.__atlasDrain = { running: Promise.resolve(), again: false };
  worker.__atlasDrain.running = drainUntilQuiet(first);
}

/** Resolves when this process has no background drain running (tests, shutdown). */
export async function whenAnalysisIdle(): Promise<void> {
  while (worker.__atlasDrain) await worker.__atlasDrain.running;
}

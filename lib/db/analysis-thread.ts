import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { ANALYSIS_DEFAULTS } from "@/lib/emergence/analyze-curves";
import type { MetricCurves } from "@/lib/emergence/compare-metrics";
import type { CurveInput } from "@/lib/emergence/types";
import type { FamilyComparison } from "@/lib/schemas/comparison";
import type { CurveAnalysis } from "@/lib/schemas/analysis";
import { readEnv } from "@/lib/env.js";

/** A view whose analysis could not be finished: over its time budget, out of memory, or failed. */
export class ViewAnalysisFailed extends Error {}

type Pending = { resolve: (result: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };
type Thread = { worker: Worker; pending: Map<number, Pending>; next: number };

// One analysis thread per process, shared by every drain of it (a registered symbol on globalThis,
// since Next bundles this module more than once).
const SLOT = Symbol.for("emergence-atlas.analysis-thread");
const global = globalThis as typeof globalThis & { [SLOT]?: Thread };

/** Heap a thread may use before it is stopped (and its view marked failed). */
const THREAD_HEAP_MB = 1024;

function failAll(thread: Thread, error: Error): void {
  for (const p of thread.pending.values()) {
    clearTimeout(p.timer);
    p.reject(error);
  }
  thread.pending.clear();
  if (global[SLOT] === thread) global[SLOT] = undefined;
}

function start(): Thread {
  // a path, not a URL literal: the bundler must not try to bundle the thread's TypeScript
  const worker = new Worker(path.join(process.cwd(), "scripts", "analysis-worker.mjs"), {
    resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
  });
  const thread: Thread = { worker, pending: new Map(), next: 0 };
  worker.on("message", (m: { id: number; result?: unknown; error?: string }) => {
    const p = thread.pending.get(m.id);
    if (!p) return;
    thread.pending.delete(m.id);
    clearTimeout(p.timer);
    if (m.error === undefined) p.resolve(m.result);
    else p.reject(new ViewAnalysisFailed(`the analysis failed: ${m.error}`));
  });
  worker.on("error", (err) => {
    const memory = (err as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY";
    failAll(thread, new ViewAnalysisFailed(memory ? `the analysis ran out of its ${THREAD_HEAP_MB} MB of memory` : `the analysis thread failed: ${err.message}`));
  });
  worker.on("exit", () => failAll(thread, new ViewAnalysisFailed("the analysis thread stopped")));
  // after the listeners (adding one refs the thread again): an idle thread never keeps a process alive,
  // while a job's budget timer keeps it until the job ends
  worker.unref();
  return thread;
}

type Job = { kind: "view"; curves: CurveInput[] } | { kind: "compare"; byMetric: MetricCurves[] };

/**
 * Runs one analysis on the process's analysis thread, never on the request loop.
 * One that takes longer than ATLAS_ANALYSIS_BUDGET_MS stops the thread (a fresh one
 * serves the next) and rejects with ViewAnalysisFailed, as does one that runs the
 * thread out of memory or throws.
 */
function runOffThread<T>(job: Job): Promise<T> {
  const thread = global[SLOT] ?? (global[SLOT] = start());
  const budget = readEnv().ATLAS_ANALYSIS_BUDGET_MS;
  const id = thread.next++;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      thread.pending.delete(id);
      reject(new ViewAnalysisFailed(`the analysis took longer than its budget of ${budget / 1000} s`));
      void thread.worker.terminate();
    }, budget);
    thread.pending.set(id, { resolve: (r) => resolve(r as T), reject, timer });
    thread.worker.postMessage({ id, ...job, seed: ANALYSIS_DEFAULTS.seed, bootstrap: ANALYSIS_DEFAULTS.bootstrap });
  });
}

/** One task view's curves (every axis and family), analysed off the request loop. */
export const analyzeOffThread = (curves: CurveInput[]) => runOffThread<CurveAnalysis[]>({ kind: "view", curves });

/** The mirage comparison of a task's metrics (lib/emergence/compare-metrics.ts), off the request loop. */
export const compareOffThread = (byMetric: MetricCurves[]) => runOffThread<FamilyComparison[]>({ kind: "compare", byMetric });

/** Stops the process's analysis thread (tests, shutdown); the next view starts a new one. */
export async function stopAnalysisThread(): Promise<void> {
  const thread = global[SLOT];
  if (thread) await thread.worker.terminate();
}

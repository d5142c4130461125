import "server-only";
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ANALYSIS_DEFAULTS } from "@/lib/emergence/analyze-curves";
import type { MetricCurves } from "@/lib/emergence/compare-metrics";
import type { CurveInput } from "@/lib/emergence/types";
import type { CurveAnalysis } from "@/lib/schemas/analysis";
import type { FamilyComparison } from "@/lib/schemas/comparison";
import type { ForecastViewOptions } from "@/lib/emergence/forecast/forecast-view";
import type { FamilyForecast } from "@/lib/schemas/forecast";
import type { PooledAnalysis } from "@/lib/emergence/pooled/pooled-view";
import { readEnv } from "@/lib/env.js";

/** An analysis that could not be finished: over its time budget, out of memory, or failed. */
export class ViewAnalysisFailed extends Error {}

type Pending = { resolve: (result: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };
type Analyser = { child: ChildProcess; pending: Map<number, Pending>; next: number };
type Job =
  | { kind: "view"; curves: CurveInput[] }
  | { kind: "compare"; byMetric: MetricCurves[] }
  | { kind: "forecast"; curves: CurveInput[]; options: ForecastViewOptions }
  | { kind: "pooled"; curves: CurveInput[] };

// The analysis processes of a server, worker or CLI process, shared by every job and request of
// it: one by default, one per concurrent job in a worker (setAnalysisProcesses). A registered
// symbol on globalThis, since Next bundles this module more than once.
const SLOT = Symbol.for("emergence-atlas.analysis-process");
const global = globalThis as typeof globalThis & { [SLOT]?: { size: number; analysers: Analyser[] } };

const pool = () => (global[SLOT] ??= { size: 1, analysers: [] });

/** How many analysis processes this process may run at once (a worker: one per concurrent job). */
export function setAnalysisProcesses(size: number): void {
  pool().size = Math.max(1, size);
}

/** The least busy analysis process, a new one while fewer than the pool's size run. */
function pick(): Analyser {
  const { size, analysers } = pool();
  const idle = analysers.find((a) => a.pending.size === 0);
  if (idle) return idle;
  if (analysers.length < size) {
    const started = start();
    analysers.push(started);
    return started;
  }
  return analysers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
}

/** Heap the analysis process may use before it dies (and its job is failed). */
const HEAP_MB = 1024;

function failAll(analyser: Analyser, error: Error): void {
  for (const p of analyser.pending.values()) {
    clearTimeout(p.timer);
    p.reject(error);
  }
  analyser.pending.clear();
  const { analysers } = pool();
  if (analysers.includes(analyser)) analysers.splice(analysers.indexOf(analyser), 1);
}

function start(): Analyser {
  // a separate process running the TypeScript through tsx: the fits never share the request loop,
  // and the web bundle never has to contain them
  const child = fork(/* turbopackIgnore: true */ path.join(process.cwd(), "scripts", "analysis-worker.ts"), [], {
    execArgv: ["--import", "tsx", `--max-old-space-size=${HEAP_MB}`],
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const analyser: Analyser = { child, pending: new Map(), next: 0 };
  child.on("message", (m: { id: number; result?: unknown; error?: string }) => {
    const p = analyser.pending.get(m.id);
    if (!p) return;
    analyser.pending.delete(m.id);
    clearTimeout(p.timer);
    if (m.error === undefined) p.resolve(m.result);
    else p.reject(new ViewAnalysisFailed(`the analysis failed: ${m.error}`));
    if (analyser.pending.size === 0) idle(child);
  });
  child.on("error", (err) => failAll(analyser, new ViewAnalysisFailed(`the analysis process failed: ${err.message}`)));
  child.on("exit", (code, signal) =>
    failAll(analyser, new ViewAnalysisFailed(signal === "SIGKILL" || code === null ? "the analysis process stopped" : `the analysis process ended (code ${code}), e.g. out of its ${HEAP_MB} MB of memory`)),
  );
  idle(child);
  return analyser;
}

/** An idle analysis process never keeps its parent alive; a job's budget timer does until the job ends. */
function idle(child: ChildProcess): void {
  child.unref();
  child.channel?.unref();
}

/**
 * Runs one analysis in the analysis process, never on the request loop. One that
 * takes longer than ATLAS_ANALYSIS_BUDGET_MS stops the process (a fresh one serves
 * the next) and rejects with ViewAnalysisFailed, as does one that runs it out of
 * memory or throws.
 */
function runOffLoop<T>(job: Job): Promise<T> {
  const analyser = pick();
  const budget = readEnv().ATLAS_ANALYSIS_BUDGET_MS;
  const id = analyser.next++;
  analyser.child.channel?.ref();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      analyser.pending.delete(id);
      reject(new ViewAnalysisFailed(`the analysis took longer than its budget of ${budget / 1000} s`));
      analyser.child.kill("SIGKILL");
    }, budget);
    analyser.pending.set(id, { resolve: (r) => resolve(r as T), reject, timer });
    analyser.child.send({ id, ...job, seed: ANALYSIS_DEFAULTS.seed, bootstrap: ANALYSIS_DEFAULTS.bootstrap });
  });
}

/** One task view's curves (every axis and family), analysed off the request loop. */
export const analyzeOffThread = (curves: CurveInput[]) => runOffLoop<CurveAnalysis[]>({ kind: "view", curves });

/** The mirage comparison of a task's metrics (lib/emergence/compare-metrics.ts), off the request loop. */
export const compareOffThread = (byMetric: MetricCurves[]) => runOffLoop<FamilyComparison[]>({ kind: "compare", byMetric });

/** A task view's forecasts (lib/emergence/forecast/forecast-view.ts), off the request loop. */
export const forecastOffThread = (curves: CurveInput[], options: ForecastViewOptions) =>
  runOffLoop<FamilyForecast[]>({ kind: "forecast", curves, options });

/** A task view's families pooled on one curve and judged (lib/emergence/pooled), off the request loop. */
export const poolOffThread = (curves: CurveInput[]) => runOffLoop<PooledAnalysis>({ kind: "pooled", curves });

/** Stops this process's analysis processes (tests, shutdown); the next job starts a new one. */
export function stopAnalysisThread(): void {
  for (const a of [...pool().analysers]) a.child.kill("SIGKILL");
}

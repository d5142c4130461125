// Runs once when a Next.js server starts (next start, next dev), before it serves requests.
// The single-machine default: one analysis worker in the server process (ATLAS_IN_PROCESS_WORKER=0
// turns it off when `npm run worker` processes do the analysis). It polls the job queue on this
// loop but fits every view in its own analysis process, never on the request loop; jobs a stopped
// server left queued are taken up here too, once the port is open.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  if (!process.env.DATABASE_URL || process.env.ATLAS_IN_PROCESS_WORKER === "0") return;
  const { startAnalysisWorker } = await import("./lib/services/analysis/analysis-worker");
  startAnalysisWorker({ concurrency: 1 }).catch((err: Error) => console.error("analysis worker did not start:", err.message));
}

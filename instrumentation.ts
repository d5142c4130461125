// Runs once when a Next.js server starts (next start, next dev), before it serves requests.
// The analysis a stopped server left queued is drained here, in the background of the server
// process, as after an upload: the port opens at once and pages say the verdicts are pending
// until it is done (issue 10: 1,000 queued views kept the port closed for 191 s).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  if (!process.env.DATABASE_URL) return;
  const { ensureAnalyses, scheduleAnalysisDrain } = await import("./lib/services/analysis/drain");
  scheduleAnalysisDrain(async () => {
    const done = await ensureAnalyses();
    if (done) console.log(`analysed ${done.analysedCurves} curves left queued at start in ${done.ms} ms`);
  });
}

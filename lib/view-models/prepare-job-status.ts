import type { JobStatus } from "@/lib/schemas/health";

export type JobStatusFact = { label: string; value: string; warn: boolean };

const count = (n: number) => n.toLocaleString("en-US");

/** "12 s", "4 min", "3 h": how long the oldest job has waited. */
export function toWaitText(seconds: number | null): string {
  if (seconds === null) return "none waiting";
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

/**
 * The facts the status page shows about the analysis queue, in order. A backlog
 * that nothing is working on (jobs waiting, none running, none finished in the
 * last minute) and parked jobs are marked: both need an operator (start a worker;
 * read the error).
 */
export function prepareJobStatus(jobs: JobStatus): JobStatusFact[] {
  const stalled = jobs.waiting > 0 && jobs.active === 0 && jobs.completedLastMinute === 0;
  return [
    { label: "Waiting", value: count(jobs.waiting), warn: stalled },
    { label: "Running", value: count(jobs.active), warn: false },
    { label: "Retrying after a failure", value: count(jobs.retrying), warn: false },
    { label: "Parked (failed every attempt)", value: count(jobs.parked), warn: jobs.parked > 0 },
    { label: "Oldest waiting", value: toWaitText(jobs.oldestWaitingSeconds), warn: stalled },
    { label: "Analysed, last minute", value: `${count(jobs.completedLastMinute)} task views`, warn: false },
    {
      label: "Throughput, last 15 minutes",
      value: `${(jobs.completedLast15Minutes / 15).toLocaleString("en-US", { maximumFractionDigits: 1 })} task views a minute`,
      warn: false,
    },
  ];
}

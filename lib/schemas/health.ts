import { z } from "zod";

/** A task view whose analysis job failed every attempt: parked with its error until the view's results change. */
export const parkedJobSchema = z.object({
  task: z.string(),
  metric: z.string(),
  shots: z.number().int().nullable(),
  filter: z.string(),
  error: z.string(),
  failedAt: z.string(),
});

/** The analysis job queue (pg-boss), as every worker shares it. */
export const jobStatusSchema = z.object({
  /** jobs waiting for a worker (retries whose delay has passed included) */
  waiting: z.number().int(),
  /** jobs a worker is running now */
  active: z.number().int(),
  /** jobs that failed and wait for their retry's delay */
  retrying: z.number().int(),
  /** jobs that failed every attempt (kept 7 days) */
  parked: z.number().int(),
  /** seconds the oldest waiting job has waited; null when none waits */
  oldestWaitingSeconds: z.number().nullable(),
  /** task views analysed in the last minute and the last 15 minutes */
  completedLastMinute: z.number().int(),
  completedLast15Minutes: z.number().int(),
  /** the most recently parked jobs, newest first (at most 20) */
  failures: z.array(parkedJobSchema),
});
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const healthResponseSchema = z.object({
  ok: z.boolean(),
  database: z.enum(["postgres", "embedded"]),
  /** why the database does not answer (with ok: false, status 503) */
  reason: z.string().optional(),
  /** the analysis queue, when the database answers */
  jobs: jobStatusSchema.optional(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

import "server-only";
import { getPool } from "./client";
import { toDatabaseFailure } from "@/lib/errors/to-database-failure";
import { readEnv } from "@/lib/env.js";
import type { HealthResponse, JobStatus } from "@/lib/schemas/health";
import { getJobStatus } from "./job-status";

/**
 * Reports which database serves the app and whether it answers `SELECT 1` within
 * the connect timeout (a pool busy for longer counts as not answering); when it
 * does not, the reason, as the API's 503s give it. When it does, the analysis
 * queue's depth, throughput and parked failures (lib/db/job-status.ts).
 */
export async function getHealth(): Promise<HealthResponse> {
  const env = readEnv();
  const database = env.ATLAS_DATABASE_KIND;
  const ms = env.ATLAS_DB_CONNECT_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(resolve, ms, "late")));
  const answer = getPool().query("SELECT 1").then(() => "ok" as const);
  answer.catch(() => undefined);
  try {
    if ((await Promise.race([answer, late])) === "ok") {
      const jobs = await jobsWithin(ms);
      return jobs ? { ok: true, database, jobs } : { ok: true, database };
    }
    return { ok: false, database, reason: `the database did not answer within ${ms} ms (ATLAS_DB_CONNECT_TIMEOUT_MS)` };
  } catch (err) {
    const failure = toDatabaseFailure(err);
    if (!failure) console.error("health check failed:", err);
    return { ok: false, database, reason: failure?.reason ?? "the database answered SELECT 1 with an error" };
  } finally {
    clearTimeout(timer);
  }
}

/** The queue's status, or nothing when it cannot be read in time: health is about the database answering. */
async function jobsWithin(ms: number): Promise<JobStatus | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(resolve, ms, null)));
  const status = getJobStatus().catch((err: Error) => {
    console.error("job status unavailable:", err.message);
    return null;
  });
  try {
    return await Promise.race([status, late]);
  } finally {
    clearTimeout(timer);
  }
}

import "server-only";
import type { JobStatus } from "@/lib/schemas/health";
import { getPool } from "./client";
import { ANALYSIS_QUEUE } from "./job-engine";

const FAILURES = 20;

/**
 * The analysis queue as pg-boss holds it: depth by state, throughput, and the
 * parked jobs with their errors (finished jobs move to pgboss.archive after an
 * hour, so both tables are read).
 */
export async function getJobStatus(): Promise<JobStatus> {
  const pool = getPool();
  const { rows: [counts] } = await pool.query<Omit<JobStatus, "failures">>(
    `WITH jobs AS (
       SELECT state, start_after, created_on, completed_on FROM pgboss.job WHERE name = $1
       UNION ALL
       SELECT state, start_after, created_on, completed_on FROM pgboss.archive WHERE name = $1
     )
     SELECT count(*) FILTER (WHERE state = 'created' OR (state = 'retry' AND start_after <= now()))::int AS waiting,
            count(*) FILTER (WHERE state = 'active')::int AS active,
            count(*) FILTER (WHERE state = 'retry' AND start_after > now())::int AS retrying,
            count(*) FILTER (WHERE state = 'failed')::int AS parked,
            extract(epoch FROM now() - min(created_on) FILTER (WHERE state IN ('created', 'retry') AND start_after <= now()))::float8 AS "oldestWaitingSeconds",
            count(*) FILTER (WHERE state = 'completed' AND completed_on > now() - interval '1 minute')::int AS "completedLastMinute",
            count(*) FILTER (WHERE state = 'completed' AND completed_on > now() - interval '15 minutes')::int AS "completedLast15Minutes"
     FROM jobs`,
    [ANALYSIS_QUEUE],
  );
  const { rows: failures } = await pool.query<JobStatus["failures"][number]>(
    `WITH parked AS (
       SELECT data, output, completed_on FROM pgboss.job WHERE name = $1 AND state = 'failed'
       UNION ALL
       SELECT data, output, completed_on FROM pgboss.archive WHERE name = $1 AND state = 'failed'
     )
     SELECT t.name AS task, m.name AS metric, (p.data->>'shots')::int AS shots, p.data->>'filter' AS filter,
            COALESCE(p.output->>'message', p.output::text, 'failed') AS error,
            to_char(p.completed_on AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "failedAt"
     FROM parked p
     JOIN task t ON t.id = (p.data->>'taskId')::int
     JOIN metric m ON m.id = (p.data->>'metricId')::int
     ORDER BY p.completed_on DESC NULLS LAST
     LIMIT $2`,
    [ANALYSIS_QUEUE, FAILURES],
  );
  return { ...counts, failures };
}

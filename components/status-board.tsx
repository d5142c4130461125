"use client";
import { QueryFrame } from "@/components/query-frame";
import { toLoadState } from "@/lib/queries/load-state";
import { useHealthQuery } from "@/lib/queries/health-query";
import type { HealthResponse } from "@/lib/schemas/health";
import { prepareJobStatus } from "@/lib/view-models/prepare-job-status";

function Jobs({ health }: { health: HealthResponse }) {
  if (!health.jobs) return <p className="muted">The analysis queue could not be read just now.</p>;
  const jobs = health.jobs;
  return (
    <>
      <h2>Analysis queue</h2>
      <table aria-label="Analysis queue">
        <tbody>
          {prepareJobStatus(jobs).map((f) => (
            <tr key={f.label}>
              <th scope="row">{f.label}</th>
              <td className={f.warn ? "error" : undefined}>{f.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Parked jobs</h2>
      {jobs.failures.length === 0 ? (
        <p className="empty">No job has failed every attempt.</p>
      ) : (
        <table aria-label="Parked jobs">
          <thead>
            <tr><th>Task</th><th>Metric</th><th>Shots</th><th>Filter</th><th>Error</th><th>Parked at (UTC)</th></tr>
          </thead>
          <tbody>
            {jobs.failures.map((f) => (
              <tr key={`${f.task}|${f.metric}|${f.shots}|${f.filter}|${f.failedAt}`}>
                <td>{f.task}</td><td>{f.metric}</td><td>{f.shots ?? "unknown"}</td><td>{f.filter}</td><td>{f.error}</td><td>{f.failedAt}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** The status page's body: the database's answer, then the analysis queue. */
export function StatusBoard() {
  const query = useHealthQuery();
  return (
    <QueryFrame state={toLoadState(query, () => null)}>
      {(health) => (
        <>
          <p role="status">
            Database ({health.database}): {health.ok ? "answering" : `not answering: ${health.reason ?? "no reason given"}`}
          </p>
          <Jobs health={health} />
        </>
      )}
    </QueryFrame>
  );
}

"use client";

import type { CurvesResponse, ScaleAxis } from "@/lib/schemas/curves";
import { usePooledQuery } from "@/lib/queries/pooled-query";
import { EvidenceTable } from "./evidence-table";
import { PanelExportMenu } from "./export-menu";

const offset = (shift: number | null, interval: [number, number] | null) =>
  shift === null ? "—" : `${shift >= 0 ? "+" : ""}${shift.toFixed(2)}${interval ? ` [${interval[0].toFixed(2)}, ${interval[1].toFixed(2)}]` : ""}`;

/**
 * All families of the view on one curve, each with its own offset along the scale axis
 * (GET /api/pooled), judged like any curve; families that do not follow it are flagged.
 */
export function PooledFamilies({ data }: { data: CurvesResponse & { x: ScaleAxis } }) {
  const query = { task: data.task.name, metric: data.metric.name, shots: data.shots ?? ("unknown" as const), filter: data.filter, x: data.x };
  const pooled = usePooledQuery(query);
  const res = pooled.data;
  return (
    <section aria-label="Pooled across families">
      <h2>Pooled across families</h2>
      {pooled.isError && <p role="alert" className="error">Could not pool the families: {pooled.error.message}</p>}
      {!res && !pooled.isError && <p role="status" className="muted">Pooling…</p>}
      {res && <p className="muted">{res.assumption}</p>}
      {res && res.pooled === null && <p className="muted">Fewer than two families with standard errors can be placed on one curve.</p>}
      {res?.pooled && (
        <>
          <p>
            Offsets are in decades of the reference family&apos;s scale ({res.pooled.reference}): the pooled threshold is in its units.
          </p>
          <EvidenceTable analyses={[res.pooled.analysis]} />
          <PanelExportMenu label="Export pooled figure" panel={{ view: "pooled", ...query }} />
          <table className="evidence" aria-label="Families on the pooled curve">
            <thead>
              <tr><th>Family</th><th>Sizes</th><th>Offset, decades [95 %]</th><th>Departure p (Holm)</th><th>On the pooled curve</th></tr>
            </thead>
            <tbody>
              {res.pooled.families.map((f) => (
                <tr key={f.family}>
                  <td>{f.family}</td>
                  <td>{f.sizes}</td>
                  <td>{offset(f.shift, f.interval)}</td>
                  <td>{f.pDeparture === null ? "—" : f.pDeparture.toPrecision(2)}</td>
                  <td>{f.note ?? (!f.departs ? "yes" : f.family === res.pooled?.reference ? "departs (kept: the reference)" : "departs (kept: at most a third of the families are left out)")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

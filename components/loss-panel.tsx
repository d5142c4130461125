"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type { CurveChartModel } from "@/lib/charts/prepare-curve-chart";
import type { CurvesResponse } from "@/lib/schemas/curves";
import { lossResponseSchema, type LossQuery } from "@/lib/schemas/loss-axis";
import { fetchJson } from "@/lib/queries/request-api";
import { queryKeys } from "@/lib/queries/query-keys";
import { toLossSearch } from "@/lib/view-state/loss-view";
import { prepareLossChart } from "@/lib/charts/prepare-loss-chart";
import { PanelExportMenu } from "./export-menu";

const LossChart = dynamic(() => import("./charts/loss-chart").then((m) => m.LossChart), { ssr: false });
const CurveChart = dynamic(() => import("./charts/curve-chart").then((m) => m.CurveChart), { ssr: false });

/**
 * The view against a loss (Du et al. 2024, GET /api/loss) beside the same view against the
 * page's scale axis: the reference is any loss-type result the view's models have.
 */
export function LossPanel({ data, chart }: { data: CurvesResponse; chart: Extract<CurveChartModel, { kind: "ready" }> | null }) {
  const [ref, setRef] = useState<string | undefined>(undefined);
  const query: LossQuery = { task: data.task.name, metric: data.metric.name, shots: data.shots ?? "unknown", filter: data.filter, ref };
  const loss = useQuery({
    queryKey: queryKeys.loss.detail(query),
    queryFn: ({ signal }) => fetchJson(`/api/loss?${toLossSearch(query)}`, lossResponseSchema, signal),
    placeholderData: (previous) => previous,
  });
  const res = loss.data;
  const lossChart = res ? prepareLossChart(res) : null;
  if (res && res.references.length === 0) return null;
  return (
    <section aria-label="Against a loss">
      <h2>Against a loss</h2>
      <p className="muted">
        Each model placed at its value on a loss-type reference instead of its size (Du et al. 2024): models at the same loss
        should score alike whatever their size. Models without the reference are listed, never placed.
      </p>
      {res && (
        <label>
          Reference{" "}
          <select aria-label="Loss reference" value={res.ref ? `${res.ref.task}:${res.ref.metric}` : ""} onChange={(e) => setRef(e.target.value)}>
            {res.references.map((r) => (
              <option key={`${r.task}:${r.metric}`} value={`${r.task}:${r.metric}`}>{r.task} {r.metric} ({r.models} models)</option>
            ))}
          </select>
        </label>
      )}
      {loss.isError && <p role="alert" className="error">Could not place the models on the loss: {loss.error.message}</p>}
      {!res && !loss.isError && <p role="status" className="muted">Placing the models on the loss…</p>}
      {lossChart && (
        <div className="comparison">
          <div className="comparison-cell">
            <LossChart chart={lossChart} />
            <ul className="loss-verdicts">{lossChart.verdicts.map((v) => <li key={v}>{v}</li>)}</ul>
            {res?.ref && <PanelExportMenu label="Export loss figure" panel={{ view: "loss", ...query, ref: `${res.ref.task}:${res.ref.metric}` }} />}
          </div>
          {chart && <div className="comparison-cell"><CurveChart chart={{ ...chart, title: `Beside the loss: ${chart.title}` }} height={320} /></div>}
        </div>
      )}
      {res && res.unplaced.length > 0 && (
        <details>
          <summary>Without the reference ({res.unplaced.length})</summary>
          <ul>{res.unplaced.map((u) => <li key={u.model}>{u.model}: {u.value}</li>)}</ul>
        </details>
      )}
    </section>
  );
}

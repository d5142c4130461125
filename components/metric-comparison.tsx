"use client";

import dynamic from "next/dynamic";
import { useQueries } from "@tanstack/react-query";
import { curvesQueryOptions } from "@/lib/queries/curves-query";
import { useComparisonQuery } from "@/lib/queries/comparison-query";
import { prepareCurveChart } from "@/lib/charts/prepare-curve-chart";
import type { CurvesQuery } from "@/lib/schemas/curves";
import type { ScaleAxis } from "@/lib/schemas/curves";
import { VerdictBadge } from "./verdict-badge";
import { toFigureUrl } from "@/lib/view-state/figure-view";

const CurveChart = dynamic(() => import("./charts/curve-chart").then((m) => m.CurveChart), { ssr: false });

/**
 * The mirage test (Schaeffer et al. 2023): the same runs scored under each of the
 * task's metrics, side by side, each family judged by the same test under every
 * metric over the models scored under all of them (GET /api/comparison).
 */
export function MetricComparison({ base, x }: { base: CurvesQuery; x: ScaleAxis }) {
  const comparison = useComparisonQuery({ task: base.task, shots: base.shots, filter: base.filter, x });
  const metrics = comparison.data?.metrics ?? [];
  const curves = useQueries({
    queries: metrics.map((m) => ({ ...curvesQueryOptions({ ...base, metric: m.metric, filter: m.filter, x }), retry: false })),
  });
  if (comparison.isError) return <p role="alert" className="error">Could not compare the metrics: {comparison.error.message}</p>;
  if (!comparison.data) return <p role="status" className="muted">Comparing metrics…</p>;
  const families = comparison.data.families;
  const dependent = families.filter((f) => f.dependsOnMetric).map((f) => f.family);
  return (
    <section aria-label="Verdict by metric">
      <h2>Same runs, every metric</h2>
      <p role="note" className={dependent.length > 0 ? "mirage-warning" : "muted"}>
        {dependent.length > 0
          ? `The verdict depends on the metric for ${dependent.join(", ")}: read any claim of emergence together with the continuous metric.`
          : "No family's verdict is shown to depend on the metric (a difference is stated only when every metric's verdict is decided)."}
      </p>
      <div className="comparison">
        {metrics.map((m, i) => {
          const data = curves[i]?.data;
          const chart = data ? prepareCurveChart(data, families.flatMap((f) => f.byMetric.filter((b) => b.metric === m.metric).map((b) => b.analysis)), { compared: true }) : null;
          const view = { ...base, metric: m.metric, filter: m.filter, x };
          return (
            <div key={m.metric} className="comparison-cell">
              <h3>{m.metric}{m.filter !== "none" ? ` (${m.filter})` : ""}</h3>
              {curves[i]?.error && <p className="muted">No results under {m.metric} for this shot count.</p>}
              {chart?.kind === "ready" && (
                <>
                  <CurveChart chart={chart} height={280} />
                  <p className="muted">
                    Export:{" "}
                    {(["svg", "pdf", "png", "csv"] as const).map((f) => (
                      <a key={f} className="export-inline" href={toFigureUrl(view, f)} download aria-label={`${m.metric} figure as ${f.toUpperCase()}`}>
                        {f.toUpperCase()}
                      </a>
                    ))}
                  </p>
                </>
              )}
            </div>
          );
        })}
      </div>
      <table aria-label="Verdicts by metric">
        <thead><tr><th>Family</th>{metrics.map((m) => <th key={m.metric}>{m.metric}</th>)}<th>Over the same models</th></tr></thead>
        <tbody>
          {families.map((f) => (
            <tr key={f.family}>
              <td>{f.family}</td>
              {metrics.map((m) => {
                const a = f.byMetric.find((b) => b.metric === m.metric)?.analysis;
                return <td key={m.metric}>{a ? <VerdictBadge verdict={a.verdict} /> : "—"}</td>;
              })}
              <td>{f.statement}{f.excluded.length > 0 ? ` (left out, not scored under every metric: ${f.excluded.join(", ")})` : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

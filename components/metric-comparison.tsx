"use client";

import dynamic from "next/dynamic";
import { useQueries } from "@tanstack/react-query";
import { curvesQueryOptions } from "@/lib/queries/curves-query";
import { analysisQueryOptions } from "@/lib/queries/analysis-query";
import { prepareCurveChart } from "@/lib/charts/prepare-curve-chart";
import { metricDependentFamilies } from "@/lib/charts/prepare-evidence";
import type { CurvesQuery } from "@/lib/schemas/curves";
import { VerdictBadge } from "./verdict-badge";
import { toFigureUrl } from "@/lib/figures/figure-url";

const CurveChart = dynamic(() => import("./charts/curve-chart").then((m) => m.CurveChart), { ssr: false });

/**
 * The mirage test (Schaeffer et al. 2023): the same runs scored under each of the
 * task's metrics, side by side, and whether the verdict depends on the metric.
 */
export function MetricComparison({ base, metrics }: { base: CurvesQuery; metrics: string[] }) {
  const views = metrics.map((metric) => ({ ...base, metric }));
  const curves = useQueries({ queries: views.map((v) => ({ ...curvesQueryOptions(v), retry: false })) });
  const analyses = useQueries({ queries: views.map((v) => ({ ...analysisQueryOptions(v), retry: false })) });
  const ready = views.map((v, i) => ({ metric: v.metric!, curves: curves[i].data, analyses: analyses[i].data?.analyses ?? [], error: curves[i].error }));
  const dependent = metricDependentFamilies(ready.map((r) => ({ metric: r.metric, analyses: r.analyses })));
  const families = [...new Set(ready.flatMap((r) => r.analyses.map((a) => a.family)))].sort();
  return (
    <section aria-label="Verdict by metric">
      <h2>Same runs, every metric</h2>
      <p role="note" className={dependent.length > 0 ? "mirage-warning" : "muted"}>
        {dependent.length > 0
          ? `The verdict depends on the metric for ${dependent.join(", ")}: read any claim of emergence together with the continuous metric.`
          : "The verdict does not depend on the metric for any family with enough data."}
      </p>
      <div className="comparison">
        {ready.map((r) => {
          const chart = r.curves ? prepareCurveChart(r.curves, r.analyses) : null;
          return (
            <div key={r.metric} className="comparison-cell">
              <h3>{r.metric}</h3>
              {r.error && <p className="muted">No results under {r.metric} for this shot count.</p>}
              {chart?.kind === "ready" && (
                <>
                  <CurveChart chart={chart} title={`Compared: ${base.task}: ${chart.yLabel} against ${chart.xLabel}`} height={280} />
                  <p className="muted">
                    Export:{" "}
                    {(["svg", "pdf", "png", "csv"] as const).map((f) => (
                      <a key={f} className="export-inline" href={toFigureUrl({ ...base, metric: r.metric }, f)} download aria-label={`${r.metric} figure as ${f.toUpperCase()}`}>
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
        <thead><tr><th>Family</th>{ready.map((r) => <th key={r.metric}>{r.metric}</th>)}</tr></thead>
        <tbody>
          {families.map((family) => (
            <tr key={family}>
              <td>{family}</td>
              {ready.map((r) => {
                const a = r.analyses.find((x) => x.family === family);
                return <td key={r.metric}>{a ? <VerdictBadge verdict={a.verdict} /> : "—"}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { CurvesQuery, CurvesResponse, ViewAxis } from "@/lib/schemas/curves";
import { useCurvesQuery } from "@/lib/queries/curves-query";
import { useAnalysisQuery } from "@/lib/queries/analysis-query";
import { EvidenceTable } from "./evidence-table";
import { MetricComparison } from "./metric-comparison";
import { ForecastPanel } from "./forecast-panel";
import { PooledFamilies } from "./pooled-families";
import { LossPanel } from "./loss-panel";
import { toLoadState } from "@/lib/queries/load-state";
import { prepareCurveChart } from "@/lib/charts/prepare-curve-chart";
import { readTaskFamilies, toTaskSearch } from "@/lib/view-state/task-view";
import { AXES, VIEW_AXES } from "@/lib/domain/scale-axes";
import { QueryFrame } from "./query-frame";
import { ExportMenu } from "./export-menu";
import { FamilyPicker } from "./family-picker";
import { pickFamilies } from "@/lib/charts/pick-families";
import { ChartPreview, ChartPreviewContext } from "./charts/chart-preview";

// recharts is ~130 kB gzip: load it only where a chart is drawn; until it has loaded, the server's SVG of the view stands in.
const CurveChart = dynamic(() => import("./charts/curve-chart").then((m) => m.CurveChart), { ssr: false, loading: ChartPreview });

// the items section reads its own API and draws on a canvas: loaded only when a task page is shown
const ItemsSection = dynamic(() => import("./items/items-section").then((m) => m.ItemsSection), { ssr: false });

function Controls({ data, query, onChange }: {
  data: CurvesResponse;
  query: CurvesQuery;
  onChange: (next: Partial<CurvesQuery>) => void;
}) {
  return (
    <div className="controls">
      <label>
        Metric{" "}
        <select aria-label="Metric" value={data.metric.name} onChange={(e) => onChange({ metric: e.target.value, shots: undefined, filter: undefined })}>
          {data.options.metrics.map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
      </label>
      <label>
        Shots{" "}
        <select
          aria-label="Shots"
          value={data.shots === null ? "unknown" : String(data.shots)}
          onChange={(e) => onChange({ shots: e.target.value === "unknown" ? "unknown" : Number(e.target.value), filter: undefined })}
        >
          {data.options.shots.map((s) => (
            <option key={String(s)} value={s === null ? "unknown" : String(s)}>{s === null ? "unknown" : s}</option>
          ))}
        </select>
      </label>
      {data.options.filters.length > 1 && (
        <label>
          Filter{" "}
          <select aria-label="Filter" value={data.filter} onChange={(e) => onChange({ filter: e.target.value })}>
            {data.options.filters.map((f) => <option key={f} value={f}>{f}</option>)}
          </select>
        </label>
      )}
      <label>
        Scale{" "}
        <select aria-label="Scale" value={query.x} onChange={(e) => onChange({ x: e.target.value as ViewAxis, model: undefined })}>
          {VIEW_AXES.filter((a) => a !== "checkpoint" || data.options.checkpointModels.length > 0).map((a) => (
            <option key={a} value={a}>{AXES[a].choice}</option>
          ))}
        </select>
      </label>
      {data.model !== null && (
        <label>
          Model{" "}
          <select aria-label="Model" value={data.model} onChange={(e) => onChange({ model: e.target.value })}>
            {data.options.checkpointModels.map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </label>
      )}
    </div>
  );
}

export function TaskView({ query, previewSvg = null }: { query: CurvesQuery; previewSvg?: string | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const curves = useCurvesQuery(query);
  const analysis = useAnalysisQuery(query);
  const analyses = analysis.data?.analyses ?? [];
  const state = toLoadState(curves, () => null);
  const families = readTaskFamilies(Object.fromEntries(useSearchParams()));
  const change = (next: Partial<CurvesQuery>) => {
    router.replace(`${pathname}?${toTaskSearch({ ...query, ...next }, families)}`, { scroll: false });
  };
  // families only narrow what is drawn: no server round trip, just the URL (Next syncs useSearchParams)
  const changeFamilies = (next: string[] | undefined) => {
    window.history.replaceState(null, "", `${pathname}?${toTaskSearch(query, next)}`);
  };
  return (
    <QueryFrame state={state}>
      {(data) => {
        const picked = pickFamilies(data, families);
        const chart = prepareCurveChart(picked, analyses);
        const all = data.series.filter((s) => s.points.length > 0).map((s) => s.family);
        const shown = picked.series.filter((s) => s.points.length > 0).map((s) => s.family);
        return (
          <>
            <Controls data={data} query={query} onChange={change} />
            {all.length > 1 && <FamilyPicker all={all} selected={shown} onChange={changeFamilies} />}
            {chart.kind === "empty" ? (
              <p className="empty">{chart.message}</p>
            ) : (
              <>
                <ChartPreviewContext value={previewSvg}>
                  <CurveChart chart={chart} />
                </ChartPreviewContext>
                <p className="muted">
                  {chart.pointCount < chart.totalPoints
                    ? `${chart.pointCount} of ${chart.totalPoints} points drawn (every k-th of each family; the data exports list all)`
                    : `${chart.pointCount} points`} in {chart.series.length} families.{" "}
                  {data.chance === null
                    ? `No chance line: ${data.task.chance === null ? "chance level unknown for this task" : `no chance level applies to ${data.metric.name} on this task`}.`
                    : `Dashed line: chance (${data.chance}${data.task.chanceSource ? `, ${data.task.chanceSource}` : ""}).`}
                  {chart.unplacedCount > 0 && ` ${chart.unplacedCount} result(s) not shown: model scale unknown on this axis.`}
                </p>
                <ExportMenu query={query} families={shown.length === all.length ? undefined : shown} />
                {data.unplaced.length > 0 && (
                  <details>
                    <summary>Scale unknown ({data.unplaced.length})</summary>
                    <ul>{data.unplaced.map((u) => <li key={u.model}>{u.model}: {u.value}</li>)}</ul>
                  </details>
                )}
              </>
            )}
            <h2>Evidence</h2>
            {data.x === "checkpoint" && (
              <p className="muted">The checkpoint axis follows one model through training; emergence verdicts compare models across scale, so pick a scale axis to see them.</p>
            )}
            <p className="muted">
              Filled markers: clearly above chance (one-sided z-test, Holm-corrected); hollow: not. Lines: each family&apos;s
              transition fit (a straight line or a sigmoid in log-scale); shaded band: its midpoint&apos;s 95 % profile interval.
              Each verdict is a claim about its own curve at α = 0.05, whatever else is stored —{" "}
              <Link href="/verdicts">what each verdict claims</Link>. Results of different lm-eval filters are separate views.
              Without a stderr in the file, error bars of a proportion of items are binomial from the file&apos;s n, else from the
              task&apos;s item count in the registry.
            </p>
            {analysis.data?.failed && (
              <p role="alert" className="error">
                The last analysis of this view could not finish: {analysis.data.failed}. The verdicts below are from before it; new
                results on this view analyse it again.
              </p>
            )}
            {analysis.data?.pending && (
              <p role="status" className="notice">New results on this view: its analysis is being recomputed, and the verdicts below are from before them.</p>
            )}
            {analysis.isError ? <p role="alert" className="error">Could not load the analysis: {analysis.error.message}</p> : <EvidenceTable analyses={analyses} />}
            {data.x !== "checkpoint" && <LossPanel data={data} chart={chart.kind === "ready" ? chart : null} />}
            {data.x !== "checkpoint" && data.series.filter((s) => s.points.length > 0).length > 1 && <PooledFamilies data={{ ...data, x: data.x }} />}
            {data.x !== "checkpoint" && data.series.some((s) => s.points.length > 0) && <ForecastPanel data={{ ...data, x: data.x }} />}
            {data.x !== "checkpoint" && (
              <ItemsSection view={{ task: data.task.name, metric: data.metric.name, shots: data.shots ?? "unknown", filter: data.filter, x: data.x }} />
            )}
            {data.options.metrics.length > 1 && data.x !== "checkpoint" && (
              <MetricComparison base={{ ...query, shots: data.shots ?? "unknown", filter: data.filter }} x={data.x} />
            )}
          </>
        );
      }}
    </QueryFrame>
  );
}

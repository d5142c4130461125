"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useState } from "react";
import type { CurvesResponse, ScaleAxis } from "@/lib/schemas/curves";
import { forecastFormSchema, type ForecastQuery } from "@/lib/schemas/forecast";
import { useForecastQuery } from "@/lib/queries/forecast-query";
import { prepareForecastChart } from "@/lib/charts/prepare-forecast-chart";
import { formatAxisValue } from "@/lib/domain/scale-axes";
import { PanelExportMenu } from "./export-menu";

const ForecastChart = dynamic(() => import("./charts/forecast-chart").then((m) => m.ForecastChart), { ssr: false });

const FORM_TEXT: Record<ForecastQuery["form"], string> = {
  linear: "linear in log-scale",
  logistic: "logistic (floor at chance)",
  hinge: "hinge (flat, then linear)",
  sigmoid: "sigmoid of Ruan et al. (chance to the bound)",
};

/**
 * Forecast the larger models of this view from the smaller ones (GET /api/forecast): the
 * user picks the form and the cutoff; each family's forecast is drawn against what was
 * measured, with when it would reach halfway from chance to the bound.
 */
export function ForecastPanel({ data }: { data: CurvesResponse & { x: ScaleAxis } }) {
  const [form, setForm] = useState<ForecastQuery["form"]>("logistic");
  const [cutoff, setCutoff] = useState<number | undefined>(undefined);
  const [family, setFamily] = useState<string | undefined>(undefined);
  // until one is picked, the family with the most sizes; until a cutoff is chosen, that family's largest
  // size, so that its largest model is forecast from the others
  const richest = data.series.reduce<(typeof data.series)[number] | undefined>((best, s) => (s.points.length > (best?.points.length ?? 0) ? s : best), undefined);
  const picked = data.series.find((s) => s.family === family && s.points.length > 0) ?? richest;
  const largest = picked ? Math.max(...picked.points.map((p) => p.x)) : undefined;
  const query: ForecastQuery = {
    task: data.task.name, metric: data.metric.name, shots: data.shots ?? "unknown", filter: data.filter, x: data.x, form,
    cutoff: cutoff ?? largest, level: 0.9,
  };
  const forecast = useForecastQuery(query);
  const res = forecast.data;
  const shown = res?.families.find((f) => f.family === (family ?? picked?.family)) ?? res?.families[0];
  const chart = res && shown ? prepareForecastChart(res, shown, data.series.find((s) => s.family === shown.family)) : null;
  return (
    <section aria-label="Forecast">
      <h2>Forecast the larger models</h2>
      <p className="muted">
        Fit a form on the models below a cutoff and forecast the others with a 90 % prediction band, then compare with what was
        measured. The <Link href="/backtest">backtest</Link> does this for every task.
      </p>
      <div className="controls">
        <label>
          Form{" "}
          <select aria-label="Forecast form" value={form} onChange={(e) => setForm(forecastFormSchema.parse(e.target.value))}>
            {forecastFormSchema.options.map((f) => <option key={f} value={f}>{FORM_TEXT[f]}</option>)}
          </select>
        </label>
        {res && (
          <label>
            Fit below{" "}
            <select aria-label="Forecast cutoff" value={String(res.cutoff)} onChange={(e) => setCutoff(Number(e.target.value))}>
              {res.scales.slice(1).map((x) => <option key={x} value={String(x)}>{formatAxisValue(x, data.x)}</option>)}
            </select>
          </label>
        )}
        {res && res.families.length > 1 && (
          <label>
            Family{" "}
            <select aria-label="Forecast family" value={shown?.family} onChange={(e) => setFamily(e.target.value)}>
              {res.families.map((f) => <option key={f.family} value={f.family}>{f.family}</option>)}
            </select>
          </label>
        )}
      </div>
      {forecast.isError && <p role="alert" className="error">Could not forecast: {forecast.error.message}</p>}
      {!res && !forecast.isError && <p role="status" className="muted">Forecasting…</p>}
      {shown && chart === null && <p className="muted">No forecast for {shown.family}: {shown.note}.</p>}
      {chart && (
        <>
          <ForecastChart chart={chart} />
          <ul className="forecast-summary">{chart.summary.map((s) => <li key={s}>{s}</li>)}</ul>
          {res && shown && (
            <PanelExportMenu label="Export forecast figure" panel={{ view: "forecast", ...query, cutoff: res.cutoff, families: [shown.family] }} />
          )}
        </>
      )}
    </section>
  );
}

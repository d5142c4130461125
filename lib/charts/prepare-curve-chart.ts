import type { CurveSeries, CurvesResponse, ViewAxis } from "@/lib/schemas/curves";
import type { CurveAnalysis, Verdict } from "@/lib/schemas/analysis";
import { logDomain, logTicks } from "./log-ticks";
import { AXES, formatAxisValue } from "@/lib/domain/scale-axes";
import { seriesStyle, type MarkerShape } from "./palette";
import { formatTick, linearTicks } from "./linear-ticks";
import { VERDICT_STYLE } from "./verdict-style";

export type ChartPoint = {
  x: number;
  y: number;
  /** symmetric error bar half-width (one stderr); null when unknown */
  error: number | null;
  model: string;
  family: string;
  label: string;
  /** the file's stderr, n and upload as stored (error may be binomial when stderr is null) */
  stderr: number | null;
  n: number | null;
  uploadId: number | null;
  fileName: string | null;
  xEstimated: boolean;
  /** the chance test's answer for this point; null when the analysis has none */
  vsChance: "above" | "at-chance" | "below" | "unknown" | null;
  /** drawn filled when clearly above chance (or untested), hollow otherwise */
  filled: boolean;
};

/** An axis tick: where it goes and what it reads. */
export type ChartTick = { value: number; label: string };

export type ChartSeries = {
  key: string;
  name: string;
  /** the family with its verdict, as the legend of the page and of a figure reads */
  legendLabel: string;
  color: string;
  shape: MarkerShape;
  /** the points drawn (every k-th one past MAX_POINTS in the chart) */
  points: ChartPoint[];
  /** every point of the series, unthinned: what the data exports list */
  data: ChartPoint[];
  verdict: Verdict | null;
  /** the winning fit of the stored analysis, drawn over the points */
  fit: { x: number; y: number }[];
  /** without a fit, a faint line joins the points instead */
  joinPoints: boolean;
  /** the midpoint of the family's transition fit with its 95 % profile interval (none when censored) */
  threshold: { x: number; lo: number | null; hi: number | null; label: string } | null;
};

export type CurveChartModel =
  | { kind: "empty"; message: string }
  | {
      kind: "ready";
      series: ChartSeries[];
      title: string;
      xDomain: [number, number];
      xTicks: ChartTick[];
      yTicks: ChartTick[];
      xAxis: ViewAxis;
      xLabel: string;
      yLabel: string;
      yDomain: [number, number];
      chance: { y: number; label: string } | null;
      unplacedCount: number;
      /** points drawn, and points in the view (more when the chart thins them) */
      pointCount: number;
      totalPoints: number;
    };


/** Keeps a chart under ~3,000 points: past that, every k-th point of each series. */
const MAX_POINTS = 3000;

function thin<T>(points: T[], every: number): T[] {
  return every <= 1 ? points : points.filter((_, i) => i % every === 0);
}

function valueLabel(p: { value: number; stderr: number | null }): string {
  const v = Number(p.value.toPrecision(4));
  return p.stderr === null ? `${v} (stderr unknown)` : `${v} ± ${Number(p.stderr.toPrecision(2))}`;
}

const clampFinite = (v: number) => Math.min(Number.MAX_VALUE, Math.max(-Number.MAX_VALUE, v));

/**
 * The metric's bounds, else the data's range padded by 5%. Computed so that
 * extreme but finite values (±1.7e308, and a point ± its error bar past them)
 * give a finite domain: the span is taken on twentieths, the ends clamped.
 */
function yDomainFor(values: number[], res: CurvesResponse): [number, number] {
  const lo = res.metric.lowerBound;
  const hi = res.metric.upperBound;
  if (lo !== null && hi !== null) return [lo, hi];
  const finite = values.map(clampFinite).filter((v) => !Number.isNaN(v));
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const pad = max / 20 - min / 20 || Math.abs(max) / 20 || 1;
  return [lo ?? clampFinite(min - pad), hi ?? clampFinite(max + pad)];
}

/** One family's series: its points (all, and thinned for drawing), its stored verdict, fitted curve and threshold. */
function toSeries(s: CurveSeries, index: number, analysis: CurveAnalysis | undefined, every: number, axis: ViewAxis): ChartSeries {
  const analysed = new Map(analysis?.points.map((p) => [`${p.model}|${p.x}`, p]) ?? []);
  // a midpoint outside the measured sizes is censored: said in words, never drawn at a made-up scale
  const threshold = analysis?.threshold?.censored ? null : (analysis?.threshold ?? null);
  const verdict = analysis?.verdict ?? null;
  const fit = analysis?.fitted ?? [];
  const data: ChartPoint[] = s.points.map((p) => {
    const a = analysed.get(`${p.model}|${p.x}`);
    // the file's stderr, else the binomial one the analysis derived from n
    const binomial = p.stderr === null && a?.seSource === "binomial" ? a.se : null;
    return {
      x: p.x,
      y: p.value,
      error: p.stderr ?? binomial,
      model: p.model,
      family: s.family,
      label: `${p.model} · ${formatAxisValue(p.x, axis)}${p.xEstimated ? " (est.)" : ""} · ${valueLabel({ value: p.value, stderr: p.stderr ?? binomial })}${binomial !== null ? " (binomial)" : ""}`,
      stderr: p.stderr,
      n: p.n,
      uploadId: p.uploadId,
      fileName: p.fileName,
      xEstimated: p.xEstimated,
      vsChance: a?.vsChance ?? null,
      filled: a === undefined || a.vsChance === "above",
    };
  });
  return {
    key: `series-${index}`,
    name: s.family,
    legendLabel: verdict === null ? s.family : `${s.family} (${VERDICT_STYLE[verdict].label})`,
    ...seriesStyle(index),
    verdict,
    fit,
    joinPoints: fit.length === 0,
    threshold: threshold && {
      x: threshold.x,
      lo: threshold.interval?.[0] ?? null,
      hi: threshold.interval?.[1] ?? null,
      label: `threshold ${formatAxisValue(threshold.x, axis)}`,
    },
    points: thin(data, every),
    data,
  };
}

/**
 * Everything the scale chart shows, decided here and nowhere else, for the page's
 * recharts chart and the exported figure alike: title, log domain and ticks with
 * their labels, y ticks, series order, colours, markers (filled or hollow), legend
 * labels, error bars, fitted curves or joining lines, threshold labels, the
 * chance line, the empty state. `compared`: a panel of the metric comparison.
 */
export function prepareCurveChart(res: CurvesResponse, analyses: CurveAnalysis[] = [], options: { compared?: boolean } = {}): CurveChartModel {
  const byFamily = new Map(analyses.map((a) => [a.family, a]));
  const placed = res.series.filter((s) => s.points.length > 0);
  const total = placed.reduce((sum, s) => sum + s.points.length, 0);
  if (total === 0) {
    const why = res.unplaced.length > 0
      ? `${res.unplaced.length} result(s) have no ${AXES[res.x].label.toLowerCase()} in the model registry; add the models' scale with \`npm run ingest -- --models FILE.csv\` or pick another axis.`
      : "No results for this selection yet. Ingest evaluation files with `npm run ingest -- PATH`.";
    return { kind: "empty", message: why };
  }
  const every = Math.ceil(total / MAX_POINTS);
  const series = placed.map((s, i) => toSeries(s, i, byFamily.get(s.family), every, res.x));
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const xDomain = logDomain(xs)!;
  const chance = res.chance;
  const ys = series.flatMap((s) => s.points.flatMap((p) => [p.y - (p.error ?? 0), p.y + (p.error ?? 0)]));
  const yDomain = yDomainFor(chance === null ? ys : [...ys, chance], res);
  const y = linearTicks(yDomain);
  const xLabel = `${AXES[res.x].label} (log scale)`;
  const yLabel = `${res.metric.name}${res.shots === null ? "" : ` (${res.shots}-shot)`}`;
  return {
    kind: "ready",
    title: `${options.compared ? "Compared: " : ""}${res.task.name}: ${yLabel} against ${xLabel}`,
    series,
    xDomain,
    xTicks: logTicks(xDomain).map((value) => ({ value, label: formatAxisValue(value, res.x) })),
    yTicks: y.ticks.map((value) => ({ value, label: formatTick(value, y.decimals) })),
    xAxis: res.x,
    xLabel,
    yLabel,
    yDomain,
    chance: chance === null ? null : { y: chance, label: `chance ${chance}` },
    unplacedCount: res.unplaced.length,
    pointCount: series.reduce((sum, s) => sum + s.points.length, 0),
    totalPoints: total,
  };
}

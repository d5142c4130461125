import type { CurvesResponse, ScaleAxis } from "@/lib/schemas/curves";
import { formatExponent, formatScale, logDomain, logTicks } from "./log-ticks";
import { seriesStyle, type MarkerShape } from "./palette";

export type ChartPoint = {
  x: number;
  y: number;
  /** symmetric error bar half-width (one stderr); null when unknown */
  error: number | null;
  model: string;
  family: string;
  label: string;
  fileName: string | null;
  xEstimated: boolean;
};

export type ChartSeries = { key: string; name: string; color: string; shape: MarkerShape; points: ChartPoint[] };

export type CurveChartModel =
  | { kind: "empty"; message: string }
  | {
      kind: "ready";
      series: ChartSeries[];
      xDomain: [number, number];
      xTicks: number[];
      xAxis: ScaleAxis;
      xLabel: string;
      yLabel: string;
      yDomain: [number, number];
      chance: { y: number; label: string } | null;
      unplacedCount: number;
      pointCount: number;
    };

/** How an axis value reads: sizes as 1.4B, FLOPs as 1.2e21. */
export function formatAxisValue(value: number, axis: ScaleAxis): string {
  return axis === "flops" ? formatExponent(value) : formatScale(value);
}

const AXIS_LABELS: Record<ScaleAxis, string> = {
  params: "Parameters",
  tokens: "Training tokens",
  flops: "Training FLOPs",
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

function yDomainFor(values: number[], res: CurvesResponse): [number, number] {
  const lo = res.metric.lowerBound;
  const hi = res.metric.upperBound;
  if (lo !== null && hi !== null) return [lo, hi];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = (max - min) * 0.05 || Math.abs(max) * 0.05 || 1;
  return [lo ?? min - pad, hi ?? max + pad];
}

/**
 * Everything the scale chart shows, decided here and nowhere else: log domain and
 * ticks, series order and colours, error bars, the chance line, the empty state.
 */
export function prepareCurveChart(res: CurvesResponse): CurveChartModel {
  const placed = res.series.filter((s) => s.points.length > 0);
  const total = placed.reduce((sum, s) => sum + s.points.length, 0);
  if (total === 0) {
    const why = res.unplaced.length > 0
      ? `${res.unplaced.length} result(s) have no ${AXIS_LABELS[res.x].toLowerCase()} in the model registry; add the models' scale with \`npm run ingest -- --models FILE.csv\` or pick another axis.`
      : "No results for this selection yet. Ingest evaluation files with `npm run ingest -- PATH`.";
    return { kind: "empty", message: why };
  }
  const every = Math.ceil(total / MAX_POINTS);
  const series: ChartSeries[] = placed.map((s, i) => ({
    key: `series-${i}`,
    name: s.family,
    ...seriesStyle(i),
    points: thin(s.points, every).map((p) => ({
      x: p.x,
      y: p.value,
      error: p.stderr,
      model: p.model,
      family: s.family,
      label: `${p.model} · ${formatAxisValue(p.x, res.x)}${p.xEstimated ? " (est.)" : ""} · ${valueLabel(p)}`,
      fileName: p.fileName,
      xEstimated: p.xEstimated,
    })),
  }));
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const xDomain = logDomain(xs)!;
  const chance = res.task.chance;
  const ys = series.flatMap((s) => s.points.flatMap((p) => [p.y - (p.error ?? 0), p.y + (p.error ?? 0)]));
  return {
    kind: "ready",
    series,
    xDomain,
    xTicks: logTicks(xDomain),
    xAxis: res.x,
    xLabel: `${AXIS_LABELS[res.x]} (log scale)`,
    yLabel: `${res.metric.name}${res.shots === null ? "" : ` (${res.shots}-shot)`}`,
    yDomain: yDomainFor(chance === null ? ys : [...ys, chance], res),
    chance: chance === null ? null : { y: chance, label: `chance ${chance}` },
    unplacedCount: res.unplaced.length,
    pointCount: series.reduce((sum, s) => sum + s.points.length, 0),
  };
}

import type { CurveSeries } from "@/lib/schemas/curves";
import type { FamilyForecast, ForecastResponse } from "@/lib/schemas/forecast";
import { AXES, formatAxisValue } from "@/lib/domain/scale-axes";
import { logDomain, logTicks } from "./log-ticks";
import { formatTick, linearTicks } from "./linear-ticks";
import type { ChartFrame } from "./chart-frame";

export type ForecastChartModel = ChartFrame & {
  cutoff: { x: number; label: string };
  /** the forecast and its band, for a line and a range area */
  band: { x: number; mean: number; range: [number, number] }[];
  /** what the form was fitted to */
  fitted: { x: number; y: number }[];
  /** the sizes at or above the cutoff: measured, inside the band or not */
  heldOut: { x: number; y: number; inside: boolean }[];
  /** one sentence each: the error and coverage, and when the forecast reaches the level */
  summary: string[];
};

const num = (v: number) => String(Number(v.toPrecision(3)));

function emergenceText(f: FamilyForecast, reach: string, res: ForecastResponse): string {
  const axisLabel = AXES[res.x].label;
  const formatScale = (v: number) => formatAxisValue(v, res.x);
  const level = res.level;
  const e = f.emergence;
  if (e === null) return `No level to reach: this metric has no chance level and bound.`;
  if (e.status === "already") return `Already at ${reach} at the largest fitted size.`;
  if (e.status === "cannot-tell") return `When it reaches ${reach}: cannot tell — ${e.reason}.`;
  return `Reaches ${reach} at ${axisLabel.toLowerCase()} ${formatScale(e.x)} (${Math.round(100 * level)} % interval ${formatScale(e.lower)} – ${formatScale(e.upper)}).`;
}

/**
 * Everything the forecast chart of one family shows, decided here: the fitted points, the
 * forecast line and band from the cutoff on, the held-out measurements marked inside or
 * outside the band, the cutoff line, log x and linear y ticks, and the sentences under it.
 * Null when the family has no forecast (its note says why).
 */
export function prepareForecastChart(res: ForecastResponse, family: FamilyForecast, measured: CurveSeries | undefined): ForecastChartModel | null {
  if (family.band.length === 0) return null;
  const fitted = (measured?.points ?? []).filter((p) => p.x < res.cutoff).map((p) => ({ x: p.x, y: p.value }));
  const heldOut = family.heldOut.map((p) => ({ x: p.x, y: p.observed, inside: p.inside }));
  const xs = [...fitted.map((p) => p.x), ...family.band.map((p) => p.x)];
  const ys = [...fitted.map((p) => p.y), ...heldOut.map((p) => p.y), ...family.band.flatMap((p) => [p.lower, p.upper])];
  const xDomain = logDomain(xs)!;
  const [low, high] = [Math.min(...ys), Math.max(...ys)];
  const pad = (high - low) * 0.05 || Math.abs(high) * 0.05 || 0.05;
  const yDomain: [number, number] = [low - pad, high + pad];
  const y = linearTicks(yDomain);
  const axisLabel = AXES[res.x].label;
  const formatScale = (v: number) => formatAxisValue(v, res.x);
  const reach = res.reach === null ? "halfway from chance to the bound" : num(res.reach);
  const summary = [
    family.mae === null
      ? `Nothing measured at or above the cutoff yet: the band is a forecast only.`
      : `Fitted on ${family.trained} sizes below ${formatScale(res.cutoff)}; over the ${family.heldOut.length} measured at or above it: mean absolute error ${num(family.mae)}, ${family.heldOut.filter((p) => p.inside).length} of ${family.heldOut.length} inside the ${Math.round(res.level * 100)} % band.`,
    emergenceText(family, reach, res),
  ];
  return {
    title: `${res.task}: ${res.metric} of ${family.family} forecast by the ${res.form} form from below ${formatScale(res.cutoff)}`,
    xLabel: `${axisLabel} (log scale)`,
    yLabel: `${res.metric}${res.shots === null ? "" : ` (${res.shots}-shot)`}`,
    xDomain,
    xTicks: logTicks(xDomain).map((value) => ({ value, label: formatAxisValue(value, res.x) })),
    yDomain,
    yTicks: y.ticks.map((value) => ({ value, label: formatTick(value, y.decimals) })),
    cutoff: { x: res.cutoff, label: `cutoff ${formatScale(res.cutoff)}` },
    band: family.band.map((p) => ({ x: p.x, mean: p.mean, range: [p.lower, p.upper] })),
    fitted,
    heldOut,
    summary,
  };
}

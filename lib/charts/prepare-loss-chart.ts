import type { LossResponse } from "@/lib/schemas/loss-axis";
import { fmt } from "@/lib/emergence/format-number";
import { logDomain, logTicks } from "./log-ticks";
import { formatTick, linearTicks } from "./linear-ticks";
import { seriesStyle } from "./palette";
import type { ChartFrame } from "./chart-frame";

/** The x axis (xDomain, xTicks) is drawn reversed: lower loss, more capable, to the right. */
export type LossChartModel = ChartFrame & {
  chance: number | null;
  series: { family: string; color: string; points: { x: number; y: number; model: string }[]; fitted: { x: number; y: number }[] }[];
  /** one sentence per family: its verdict on this axis and where its threshold lies */
  verdicts: string[];
};

function thresholdText(a: LossResponse["analyses"][number]): string {
  const t = a.threshold;
  if (t === null) return "";
  if (t.censored === "above") return `, its midpoint at a loss above the highest measured (${fmt(t.x)})`;
  if (t.censored === "below") return `, its midpoint at a loss below the lowest measured (${fmt(t.x)})`;
  return ` below a loss of ${fmt(t.x)}${t.interval ? ` (95 % ${fmt(t.interval[0])}–${fmt(t.interval[1])})` : ""}`;
}

/**
 * The view against a loss-type reference (Du et al. 2024), decided here: a log axis of the
 * reference's value drawn decreasing to the right (lower loss is more capable), labelled
 * with the reference; one series per family with its fit on this axis; a sentence per
 * family ("OPT: abrupt below a loss of 2.1"). Null when nothing is placed.
 */
export function prepareLossChart(res: LossResponse): LossChartModel | null {
  if (res.ref === null || res.series.length === 0) return null;
  const byFamily = new Map(res.analyses.map((a) => [a.family, a]));
  const series = res.series.map((s, i) => ({
    family: s.family,
    color: seriesStyle(i).color,
    points: s.points.map((p) => ({ x: p.loss, y: p.value, model: p.model })),
    fitted: [...(byFamily.get(s.family)?.fitted ?? [])].sort((a, b) => b.x - a.x),
  }));
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.map((p) => p.y));
  const xDomain = logDomain(xs)!;
  const [low, high] = [Math.min(...ys, res.chance ?? Infinity), Math.max(...ys)];
  const pad = (high - low) * 0.05 || 0.05;
  const yDomain: [number, number] = [low - pad, high + pad];
  const y = linearTicks(yDomain);
  const ref = `${res.ref.task} ${res.ref.metric}${res.ref.shots === null ? "" : ` (${res.ref.shots}-shot)`}`;
  const yLabel = `${res.metric}${res.shots === null ? "" : ` (${res.shots}-shot)`}`;
  return {
    title: `Against a loss: ${res.task}: ${yLabel} against ${ref}, lower to the right`,
    xLabel: `${ref} (log scale, decreasing)`,
    yLabel,
    xDomain,
    xTicks: logTicks(xDomain).map((value) => ({ value, label: fmt(value) })),
    yDomain,
    yTicks: y.ticks.map((value) => ({ value, label: formatTick(value, y.decimals) })),
    chance: res.chance,
    series,
    verdicts: res.analyses.map((a) => `${a.family}: ${a.verdict}${a.verdict === "abrupt" || a.verdict === "smooth" ? thresholdText(a) : ""}`),
  };
}

import { VERDICT_STYLE } from "@/lib/charts/verdict-style";
import type { CurvesResponse } from "@/lib/schemas/curves";
import type { ReadyChart } from "./figure-types";

/** A caption a paper can start from: what is plotted, what the marks mean, each family's verdict. */
export function toCaption(chart: ReadyChart, curves: CurvesResponse): string {
  const families = chart.series.length;
  const parts = [
    `${curves.task.name}: ${chart.yLabel} against ${chart.xLabel.replace(" (log scale)", "")} on a log scale, ` +
      `${families} model ${families === 1 ? "family" : "families"}, ${chart.pointCount < chart.totalPoints ? `${chart.pointCount} of ${chart.totalPoints} points drawn (every k-th; the data file lists all)` : `${chart.pointCount} points`}.`,
    "Error bars: ±1 standard error (the file's stderr, else binomial from n; none where unknown).",
  ];
  if (chart.series.some((s) => s.points.some((p) => p.xEstimated))) parts.push("FLOPs marked (est.) are 6·N·D estimates.");
  if (chart.chance) {
    parts.push(`Dashed line: chance (${chart.chance.y}${curves.task.chanceSource ? `; ${curves.task.chanceSource}` : ""}).`);
  }
  if (chart.series.some((s) => !s.joinPoints)) parts.push("Solid lines: each family's best fit by AICc.");
  if (chart.series.some((s) => s.threshold)) parts.push("Dotted vertical line and band: the transition's midpoint and its 95% profile interval.");
  parts.push("Filled markers: clearly above chance (one-sided z-test, Holm-corrected); hollow: not.");
  const verdicts = chart.series.filter((s) => s.verdict !== null).map((s) => `${s.name} ${VERDICT_STYLE[s.verdict!].label}`);
  if (verdicts.length > 0) parts.push(`Verdicts (Emergence Atlas; each family judged on its own points at α = 0.05): ${verdicts.join("; ")}.`);
  return parts.join(" ");
}

import { seriesStyle } from "@/lib/charts/palette";
import { VERDICT_STYLE } from "@/lib/charts/verdict-style";
import type { CurveAnalysis, Verdict } from "@/lib/schemas/analysis";
import type { FigureSeries } from "./figure-types";

type Point = { x: number; y: number; error: number | null; model: string };

/**
 * A family as a panel's figure draws it, styled like the page's chart (colour and marker by
 * its place, legend with its verdict): its points, its analysis's fit and its threshold
 * (none when censored, as on the page). Markers are filled when the analysis finds the
 * point clearly above chance, or when it was not tested.
 */
export function toFigureSeries(input: {
  name: string;
  index: number;
  points: Point[];
  analysis: CurveAnalysis | undefined;
  /** how the threshold's label writes an x */
  formatX: (x: number) => string;
  /** the legend, when not the family with its verdict */
  legend?: string;
}): FigureSeries {
  const { name, index, points, analysis, formatX, legend } = input;
  const vsChance = new Map(analysis?.points.map((p) => [p.model, p.vsChance]) ?? []);
  const verdict: Verdict | null = analysis?.verdict ?? null;
  const t = analysis?.threshold?.censored ? null : (analysis?.threshold ?? null);
  const fit = [...(analysis?.fitted ?? [])].sort((a, b) => a.x - b.x);
  return {
    name,
    legendLabel: legend ?? (verdict === null ? name : `${name} (${VERDICT_STYLE[verdict].label})`),
    ...seriesStyle(index),
    points: points.map((p) => ({ x: p.x, y: p.y, error: p.error, filled: (vsChance.get(p.model) ?? "above") === "above" })),
    fit,
    joinPoints: fit.length === 0,
    threshold: t && { x: t.x, lo: t.interval?.[0] ?? null, hi: t.interval?.[1] ?? null, label: `threshold ${formatX(t.x)}` },
  };
}

import type { CurveInput } from "./types";

export type PointUncertainty = { se: number | null; source: "stderr" | "binomial" | null };

/**
 * A point's standard error: the reported stderr when finite and positive
 * (lm-eval writes 0 when every item scored the same, which is not a real
 * uncertainty); else, only for a proportion of items (a discrete metric bounded
 * to [0, 1]: accuracy, exact match), the binomial sqrt(p(1 − p)/n) when n is
 * known, with p clamped to [0.5/n, 1 − 0.5/n] (a continuity correction) so that
 * 0 or 1 keep a finite weight. A continuous metric (BLEU, F1, probability mass)
 * is not a count of items: its error is unknown here and is later estimated from
 * the curve's residuals.
 */
export function toPointUncertainty(
  point: CurveInput["points"][number],
  metric: CurveInput["metric"],
): PointUncertainty {
  if (point.stderr !== null && Number.isFinite(point.stderr) && point.stderr > 0) {
    return { se: point.stderr, source: "stderr" };
  }
  const isProportion = metric.kind === "discrete" && metric.lowerBound === 0 && metric.upperBound === 1;
  if (isProportion && point.n !== null && Number.isFinite(point.n) && point.n > 0) {
    const n = point.n;
    const p = Math.min(1 - 0.5 / n, Math.max(0.5 / n, point.value));
    return { se: Math.sqrt((p * (1 - p)) / n), source: "binomial" };
  }
  return { se: null, source: null };
}

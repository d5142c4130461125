import { chiSquareUpperTail } from "./chi-square";

export type TiedPoint = { model: string; value: number; se: number | null };

export type MergedTie = {
  value: number;
  se: number | null;
  /** results at this scale that disagree beyond their errors (Cochran's Q test at level α); null when they agree or cannot be checked */
  conflict: { models: string[]; values: number[]; pValue: number } | null;
  /** true when some tied result had no error, so agreement could not be tested */
  unchecked: boolean;
};

/**
 * Results of several models at the same scale (two families' members of equal
 * size, a re-run) become one point. With every error known: the inverse-variance
 * mean, and Cochran's Q = Σ w (v − v̄)² tested against χ² with k − 1 degrees of
 * freedom; when they disagree (p < α) the merged error is widened by the Birge
 * ratio sqrt(Q / (k − 1)) so the disagreement is carried as uncertainty, never
 * averaged away. Without every error: the plain mean, error unknown, agreement
 * untested.
 */
export function mergeTies(points: TiedPoint[], alpha: number): MergedTie {
  if (points.length === 1) return { value: points[0].value, se: points[0].se, conflict: null, unchecked: false };
  if (points.some((p) => p.se === null)) {
    return { value: points.reduce((s, p) => s + p.value, 0) / points.length, se: null, conflict: null, unchecked: true };
  }
  const weights = points.map((p) => 1 / (p.se as number) ** 2);
  const total = weights.reduce((a, b) => a + b, 0);
  const value = points.reduce((s, p, i) => s + weights[i] * p.value, 0) / total;
  const q = points.reduce((s, p, i) => s + weights[i] * (p.value - value) ** 2, 0);
  const dof = points.length - 1;
  const pValue = chiSquareUpperTail(q, dof);
  const se = 1 / Math.sqrt(total);
  if (pValue >= alpha) return { value, se, conflict: null, unchecked: false };
  return {
    value,
    se: se * Math.sqrt(q / dof),
    conflict: { models: points.map((p) => p.model), values: points.map((p) => p.value), pValue },
    unchecked: false,
  };
}

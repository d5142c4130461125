import { quantile } from "./quantile";

/**
 * Breakthroughness of BIG-bench (Srivastava et al. 2022, arXiv 2206.04615,
 * Appendix B), exactly as defined, on a family's values sorted by scale:
 *   I(y) = sign(argmax_i y_i − argmin_i y_i) · (max y − min y)
 *   B    = I(y) / sqrt(median_i (y_{i+1} − y_i)²)
 * (median of an even count = mean of the two middle values). Returns null when
 * the median squared step is 0, where B is infinite (or 0/0 for a flat curve).
 * Computed on the raw metric, so a falling loss scores negative here.
 */
export function bigbenchBreakthroughness(y: ArrayLike<number>): number | null {
  const n = y.length;
  if (n < 2) return null;
  const denominator = Math.sqrt(medianSquaredStep(y));
  if (denominator === 0) return null;
  return improvement(y) / denominator;
}

/**
 * Linearity of BIG-bench (Srivastava et al. 2022, Appendix B), on a family's
 * values sorted by scale, as we read it there:
 *   L = I(y) · Σ_i (y_{i+1} − y_i) / Σ_i (y_{i+1} − y_i)²
 * It is n − 1 for equal steps (as B is) and 1 when the whole change comes in one
 * step, so a curve with a high L and a low B improves steadily and one with a
 * low L and a high B breaks through. Null when nothing moves (0/0). Computed on
 * the raw metric, like B.
 */
export function bigbenchLinearity(y: ArrayLike<number>): number | null {
  let net = 0;
  let squared = 0;
  for (let i = 0; i + 1 < y.length; i++) {
    const step = y[i + 1] - y[i];
    net += step;
    squared += step * step;
  }
  return squared > 0 ? (improvement(y) * net) / squared : null;
}

/**
 * The B that a curve linear in t = log10(x) gets at these scales:
 * (t_n − t_1) / sqrt(median (t_{i+1} − t_i)²). It depends only on the x
 * spacing (n − 1 for evenly spaced scales) and is the reference for "smooth".
 */
export function smoothReference(t: ArrayLike<number>): number {
  const denominator = Math.sqrt(medianSquaredStep(t));
  return denominator > 0 ? (t[t.length - 1] - t[0]) / denominator : t.length - 1;
}

/** Robust B is capped at this multiple of the smooth reference (a straight line scores 1×). */
export const CAP_FACTOR = 4;

/**
 * Robust breakthroughness, on oriented values u (improving with scale is
 * positive, so declines are negative and lower-is-better metrics are inverted).
 * Changes to Srivastava et al. (2022) Appendix B, each for a failure mode of the original score:
 * - the denominator is floored at √2 · (median point se), the noise of a
 *   difference of two neighbouring points: steps smaller than the noise are
 *   indistinguishable from 0, so B no longer explodes when most steps are 0
 *   (exact match) and noise no longer masquerades as a jump;
 * - the result is capped at ±CAP_FACTOR × smoothReference(t), so the score
 *   stays finite and comparable across curves with different x spacings
 *   (the cap is reached by a clean step; a straight line scores 1×).
 * A curve that never moves (I = 0) scores 0.
 */
export function robustBreakthroughness(u: ArrayLike<number>, seTypical: number, reference: number): number {
  const gain = improvement(u);
  if (gain === 0) return 0;
  const denominator = Math.max(Math.sqrt(medianSquaredStep(u)), Math.SQRT2 * seTypical);
  const cap = CAP_FACTOR * reference;
  const score = denominator > 0 ? gain / denominator : Math.sign(gain) * cap;
  return Math.max(-cap, Math.min(cap, score));
}

/** I(y) of Appendix B: sign(argmax − argmin) · (max − min), first occurrences. */
export function improvement(y: ArrayLike<number>): number {
  let argmax = 0;
  let argmin = 0;
  for (let i = 1; i < y.length; i++) {
    if (y[i] > y[argmax]) argmax = i;
    if (y[i] < y[argmin]) argmin = i;
  }
  return Math.sign(argmax - argmin) * (y[argmax] - y[argmin]);
}

function medianSquaredStep(y: ArrayLike<number>): number {
  const steps = new Float64Array(y.length - 1);
  for (let i = 0; i < steps.length; i++) steps[i] = (y[i + 1] - y[i]) ** 2;
  return quantile(steps.sort(), 0.5);
}

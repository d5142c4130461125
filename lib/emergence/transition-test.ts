import type { LinearBounds } from "./bounded-least-squares";
import { normalUpperTail } from "./normal-tail";
import type { TransitionDesign } from "./transition-design";
import { bestShape, fitTransitionProfile, profileAt, shapeAt, type Shape, type TransitionProfile } from "./transition-fit";
import { VERDICT_RULES } from "./verdict-rules";

/** Parameters of the full model (floor, lift, midpoint, width): the residual degrees of freedom are n − 4. */
const FULL_MODEL_PARAMS = 4;
/** χ²₁ quantile at 0.90: a one-sided 95 % bound from a profile likelihood (the boundary mixture ½χ²₀ + ½χ²₁). */
const ONE_SIDED_95 = 2.705543;
/** χ²₁ quantile at 0.95: a two-sided 95 % profile interval. */
const TWO_SIDED_95 = 3.841459;
const PAULE_MANDEL_ROUNDS = 4;

export type TransitionTest = {
  /** extra between-model variance (Paule–Mandel), added to every point's se² before fitting */
  tau2: number;
  /** best fit overall, best with width ≥ W or a line (the smooth class), best with width ≤ W (the sharp class) */
  best: Shape;
  smooth: Shape;
  sharp: Shape;
  /** likelihood-ratio statistics: smooth class against sharp (for "abrupt"), and the reverse (for "smooth") */
  statistic: { abrupt: number; smooth: number };
  pAbrupt: number;
  pSmooth: number;
  /** one-sided 95 % profile bounds on the 10–90 % width in decades; upper null when a line or an unbounded width fits */
  width: { estimate: number | null; lower: number; upper: number | null };
  /** two-sided 95 % profile interval of the midpoint t0 (log10 scale) */
  midpoint: { estimate: number; interval: [number, number] } | null;
  /** the best fit's rise across the measured range, u(t_n) − u(t_1) */
  rise: number;
};

function varianceWeights(se: ArrayLike<number>, tau2: number): Float64Array {
  return Float64Array.from(se, (s) => 1 / (s * s + tau2));
}

/**
 * Paule & Mandel (1982): the τ² ≥ 0 at which the best fit's weighted residuals
 * have their expected sum, Σ r² / (se² + τ²) = n − p; 0 when the residuals are
 * already within the errors. Solved by bisection (the sum falls as τ² grows).
 */
function pauleMandel(residuals: Float64Array, se: ArrayLike<number>, dof: number): number {
  const q = (tau2: number) => residuals.reduce((sum, r, i) => sum + (r * r) / (se[i] * se[i] + tau2), 0);
  if (dof <= 0 || q(0) <= dof) return 0;
  let lo = 0;
  let hi = Math.max(...Array.from(residuals, (r) => r * r)) + 1e-300;
  while (q(hi) > dof) hi *= 2;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (q(mid) > dof) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function classOptima(design: TransitionDesign, fit: TransitionProfile): { smooth: Shape; sharp: Shape } {
  const wide = fit.shapes.filter((_, i) => i >= design.boundary);
  const narrow = fit.shapes.filter((_, i) => i <= design.boundary);
  return { smooth: bestShape([fit.line, ...wide]), sharp: bestShape(narrow) };
}

/**
 * Is the rise sharper than W? A likelihood-ratio test between two classes of
 * curves in t = log10(scale), fitted to the same points with weights
 * 1 / (se² + τ²):
 * - smooth: a straight line, or a sigmoid whose 10–90 % width is ≥ W (lines,
 *   concave and convex bends, wide sigmoids, power-law tails);
 * - sharp: a sigmoid whose 10–90 % width is ≤ W.
 * T = χ²(smooth) − χ²(sharp) > 0 says the sharp class fits better. At the
 * boundary (width exactly W) the classes differ in one constrained parameter, so
 * T is distributed as ½χ²₀ + ½χ²₁ (Self & Liang 1987; Chernoff 1954), and
 * p = P(Z > √T): analytic, with no resolution floor. The reverse statistic tests
 * "smooth" against the sharp class the same way. docs/calibration.md measures the
 * real false-positive rate of this approximation per class of smooth curve.
 */
export function testTransition(design: TransitionDesign, u: Float64Array, se: Float64Array, bounds: LinearBounds): TransitionTest {
  const n = u.length;
  const dof = n - FULL_MODEL_PARAMS;
  let tau2 = 0;
  let fit = fitTransitionProfile(design, u, varianceWeights(se, tau2), bounds);
  for (let round = 0; round < PAULE_MANDEL_ROUNDS; round++) {
    const best = bestShape([fit.line, ...fit.shapes]);
    const residuals = Float64Array.from(design.t, (t, i) => u[i] - shapeAt(best, t));
    const next = pauleMandel(residuals, se, dof);
    if (Math.abs(next - tau2) <= 1e-3 * (tau2 + Math.min(...Array.from(se, (s) => s * s)))) break;
    tau2 = next;
    fit = fitTransitionProfile(design, u, varianceWeights(se, tau2), bounds);
  }
  const { smooth, sharp } = classOptima(design, fit);
  const best = sharp.chi2 < smooth.chi2 ? sharp : smooth;
  const abrupt = Math.max(0, smooth.chi2 - sharp.chi2);
  const smoothStat = Math.max(0, sharp.chi2 - smooth.chi2);
  return {
    tau2,
    best,
    smooth,
    sharp,
    statistic: { abrupt, smooth: smoothStat },
    pAbrupt: abrupt > 0 ? normalUpperTail(Math.sqrt(abrupt)) : 1,
    pSmooth: smoothStat > 0 ? normalUpperTail(Math.sqrt(smoothStat)) : 1,
    width: widthBounds(design, fit, best),
    midpoint: midpointInterval(design, u, varianceWeights(se, tau2), bounds, best),
    rise: shapeAt(best, design.t[n - 1]) - shapeAt(best, design.t[0]),
  };
}

function widthBounds(design: TransitionDesign, fit: TransitionProfile, best: Shape): TransitionTest["width"] {
  const within = (chi2: number) => chi2 - best.chi2 <= ONE_SIDED_95;
  const accepted = design.widths.filter((_, i) => within(fit.profile[i]));
  const lower = accepted.length > 0 ? Math.min(...accepted) : (best.width ?? design.widths[design.widths.length - 1]);
  const widest = design.widths[design.widths.length - 1];
  const unbounded = within(fit.line.chi2) || accepted.includes(widest);
  return { estimate: best.width, lower, upper: unbounded ? null : Math.max(...accepted, best.width ?? 0) };
}

/**
 * Two-sided 95 % profile interval of the midpoint t0: the t0 at which the best
 * fit over every width of the design (floor and lift profiled out) is worse than
 * the best by χ²₁(0.95), found by stepping out from the estimate and bisecting.
 * A step fits equally anywhere inside the gap between two sizes, so for a
 * transition narrower than that gap the estimate is the middle of the interval.
 */
function midpointInterval(design: TransitionDesign, u: ArrayLike<number>, w: ArrayLike<number>, bounds: LinearBounds, best: Shape): TransitionTest["midpoint"] {
  if (best.t0 === null || best.width === null) return null;
  const t = design.t;
  const span = t[t.length - 1] - t[0];
  const excess = (t0: number) => profileAt(design, u, w, bounds, t0) - best.chi2 - TWO_SIDED_95;
  const edge = (sign: 1 | -1): number => {
    const limit = best.t0! + sign * (span + 2 * VERDICT_RULES.maxAbruptWidth);
    let inside = best.t0!;
    let step = 0.05;
    let outside = inside + sign * step;
    while (excess(outside) <= 0) {
      inside = outside;
      step *= 1.5;
      outside = inside + sign * step;
      if (sign * (outside - limit) > 0) return limit;
    }
    for (let k = 0; k < 20; k++) {
      const mid = (inside + outside) / 2;
      if (excess(mid) <= 0) inside = mid;
      else outside = mid;
    }
    return inside;
  };
  const interval: [number, number] = [edge(-1), edge(1)];
  const gap = smallestGap(t);
  const estimate = best.width < gap / 2 ? (interval[0] + interval[1]) / 2 : best.t0;
  return { estimate, interval };
}

function smallestGap(t: Float64Array): number {
  let gap = Infinity;
  for (let i = 0; i + 1 < t.length; i++) gap = Math.min(gap, t[i + 1] - t[i]);
  return gap;
}

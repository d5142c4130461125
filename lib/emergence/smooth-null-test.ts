import { aicc } from "./aicc";
import { bestCell, createFitDesign, fitOnGrid, FREE, GRID_SIZES, HINGE_CONSTRAINT, valueSums, type FitDesign, type ValueSums } from "./fit-design";
import { sigma2Of } from "./fit-forms";
import type { Random } from "./random";
import type { BasisSolution } from "./solve-basis";
import { resampleInto } from "./resample";
import type { PreparedCurve } from "./types";

/** Besag & Clifford (1991) sequential stopping: once this many simulated statistics reach
 * the observed one, p is clearly large and further draws cannot change the verdict. */
const STOP_AFTER_EXCEEDANCES = 10;

/**
 * The test statistic: T = AICc(linear) − min(AICc(logistic), AICc(hinge)),
 * how much the best nonlinear form improves on a straight line in log-x,
 * with every form fitted on a coarse profile grid only (no local refinement):
 * the observed and simulated statistics are computed by the identical procedure,
 * which is what the test's validity needs, and a coarse grid keeps 1000 refits cheap.
 * Null when no nonlinear form has a defined AICc.
 */
export function nonlinearGain(
  design: FitDesign,
  u: ArrayLike<number>,
  sigma2: number | null,
  scratch: { v?: ValueSums; out: BasisSolution } = { out: { a: 0, b: 0, chi2: 0 } },
): number | null {
  const n = u.length;
  const v = valueSums(design, u, scratch.v);
  scratch.v = v;
  bestCell(design, design.linear, v, FREE, scratch.out);
  const line = aicc(scratch.out.chi2, n, 2, sigma2);
  bestCell(design, design.logistic, v, design.logisticConstraint, scratch.out);
  const logisticScore = aicc(scratch.out.chi2, n, design.logisticParams, sigma2);
  bestCell(design, design.hinge, v, HINGE_CONSTRAINT, scratch.out);
  const hingeScore = aicc(scratch.out.chi2, n, 3, sigma2);
  const others = [logisticScore, hingeScore].filter((s): s is number => s !== null);
  if (line === null || others.length === 0) return null;
  return line - Math.min(...others);
}

/**
 * Parametric bootstrap p-value of T against the smooth null: the weighted
 * linear fit in log-x, with each point redrawn from Normal(fit_i, se_i)
 * (clipped to the bounds) and T recomputed, p = (1 + #{T* ≥ T}) / (B + 1);
 * under sequential stopping, p = h / L after the h-th exceedance at draw L.
 */
export function smoothNullTest(
  curve: PreparedCurve,
  random: Random,
  draws: number,
): { statistic: number; pValue: number; draws: number } | null {
  const sigma2 = sigma2Of(curve);
  const design = createFitDesign(curve.t, curve.w, curve.chance, curve.hi, GRID_SIZES.coarse);
  const observed = nonlinearGain(design, curve.u, sigma2);
  if (observed === null || draws < 1) return null;
  const center = smoothCenter(design, curve.u);
  const sample = new Float64Array(curve.u.length);
  const scratch = { out: { a: 0, b: 0, chi2: 0 } };
  let exceed = 0;
  for (let b = 1; b <= draws; b++) {
    resampleInto(sample, center, curve.se, curve.lo, curve.hi, random);
    const simulated = nonlinearGain(design, sample, sigma2, scratch);
    if (simulated !== null && simulated >= observed - 1e-9) exceed++;
    if (exceed >= STOP_AFTER_EXCEEDANCES) return { statistic: observed, pValue: exceed / b, draws: b };
  }
  return { statistic: observed, pValue: (1 + exceed) / (draws + 1), draws };
}

/** The smooth null's expected values: the weighted linear fit in log-x at each scale. */
export function smoothCenter(design: FitDesign, u: ArrayLike<number>): Float64Array {
  const line = fitOnGrid(design, u).linear;
  return Float64Array.from(design.t, (t) => line.a + line.b * t);
}

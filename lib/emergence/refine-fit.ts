import { basis, HINGE_CONSTRAINT, valueSums, type FitDesign, type FormFit, type ValueSums } from "./fit-design";
import { solveBasis, type BasisConstraint, type BasisSolution } from "./solve-basis";

const MAX_ITERATIONS = 60;
const INV_PHI = (Math.sqrt(5) - 1) / 2;

/**
 * Local refinement of a grid fit, deterministic and derivative-free, stopping
 * once the step in t0 is below `tolerance` decades:
 * - logistic: compass (pattern) search over (t0, ln k) from the best grid cell
 *   with the grid's spacing as first step, halving it when no neighbour
 *   improves (Kolda, Lewis & Torczon 2003), within the grid's bounds;
 * - hinge: golden-section search for t0 within one grid step either side;
 * - linear: already exact.
 * The linear parameters stay profiled out in closed form at every trial.
 */
export function refineFit(design: FitDesign, u: ArrayLike<number>, fit: FormFit, tolerance = 1e-4): FormFit {
  if (fit.t0 === null) return fit;
  const v = valueSums(design, u);
  const out: BasisSolution = { a: 0, b: 0, chi2: 0 };
  if (fit.kind === "hinge") {
    const step = (design.hingeRange[1] - design.hingeRange[0]) / (design.size.hinge - 1);
    let lo = Math.max(design.hingeRange[0], fit.t0 - step);
    let hi = Math.min(design.hingeRange[1], fit.t0 + step);
    let best = { t0: fit.t0, a: fit.a, b: fit.b, chi2: fit.chi2 };
    for (let i = 0; i < MAX_ITERATIONS && hi - lo > tolerance; i++) {
      const left = { t0: hi - INV_PHI * (hi - lo), ...evaluate(design, v, HINGE_CONSTRAINT, hi - INV_PHI * (hi - lo), null, out) };
      const right = { t0: lo + INV_PHI * (hi - lo), ...evaluate(design, v, HINGE_CONSTRAINT, lo + INV_PHI * (hi - lo), null, out) };
      if (left.chi2 <= right.chi2) hi = right.t0;
      else lo = left.t0;
      for (const trial of [left, right]) if (trial.chi2 < best.chi2) best = trial;
    }
    return { ...fit, ...best };
  }
  const [kMin, kMax] = design.kRange;
  const [tMin, tMax] = design.midpointRange;
  let best = { t0: fit.t0, k: fit.k as number, a: fit.a, b: fit.b, chi2: fit.chi2 };
  let dt = (tMax - tMin) / (design.size.logisticT0 - 1);
  let dl = Math.log(kMax / kMin) / (design.size.logisticK - 1);
  for (let i = 0; i < MAX_ITERATIONS && dt > tolerance; i++) {
    let moved = false;
    for (const [ot, ol] of [[dt, 0], [-dt, 0], [0, dl], [0, -dl]]) {
      const t0 = Math.min(tMax, Math.max(tMin, best.t0 + ot));
      const k = Math.min(kMax, Math.max(kMin, best.k * Math.exp(ol)));
      const trial = evaluate(design, v, design.logisticConstraint, t0, k, out);
      if (trial.chi2 < best.chi2 - 1e-12) {
        best = { t0, k, a: trial.a, b: trial.b, chi2: trial.chi2 };
        moved = true;
      }
    }
    if (!moved) {
      dt /= 2;
      dl /= 2;
    }
  }
  return { ...fit, ...best };
}

function evaluate(design: FitDesign, v: ValueSums, c: BasisConstraint, t0: number, k: number | null, out: BasisSolution) {
  let swg = 0;
  let swgg = 0;
  let swgu = 0;
  for (let i = 0; i < design.t.length; i++) {
    const g = basis(design.t[i], t0, k);
    swg += design.w[i] * g;
    swgg += design.w[i] * g * g;
    swgu += g * v.wu[i];
  }
  const s = solveBasis(design.sw, swg, swgg, v.swu, v.swuu, swgu, c, out);
  return { a: s.a, b: s.b, chi2: s.chi2 };
}

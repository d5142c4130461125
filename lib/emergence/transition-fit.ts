import { basisSums, fitLinearBounded, fitLinearFree, type BasisSums, type LinearBounds, type LinearFit } from "./bounded-least-squares";
import { sigmoidBasis, type TransitionDesign } from "./transition-design";

/** One fitted shape in oriented units: a line (width null) or a sigmoid floor + lift·σ. */
export type Shape = { a: number; b: number; chi2: number; t0: number | null; width: number | null };

export type TransitionProfile = {
  /** best χ² at each width of the design (midpoint refined), same order as design.widths */
  profile: Float64Array;
  /** the best shape at each width */
  shapes: Shape[];
  line: Shape;
};

const GOLDEN_STEPS = 20;
const INV_PHI = (Math.sqrt(5) - 1) / 2;

/**
 * Fits every width of the design to u with weights w (1 / variance): the best
 * grid midpoint per width, refined by golden-section search within one grid step,
 * and the straight line in log-scale. Sigmoids are bounded (floor ≥ lo, top ≤ hi,
 * lift ≥ 0); the line is free.
 */
export function fitTransitionProfile(design: TransitionDesign, u: ArrayLike<number>, w: ArrayLike<number>, bounds: LinearBounds): TransitionProfile {
  const n = design.t.length;
  const sums: BasisSums = { sw: 0, swg: 0, swgg: 0, swu: 0, swuu: 0, swgu: 0 };
  const out: LinearFit = { a: 0, b: 0, chi2: 0 };
  const cellChi2 = new Float64Array(design.cellT0.length);
  for (let c = 0; c < cellChi2.length; c++) cellChi2[c] = fitLinearBounded(basisSums(w, design.g, u, sums, c * n), bounds, out).chi2;

  const scratch = new Float64Array(n);
  const at = (t0: number, width: number): Shape => {
    for (let i = 0; i < n; i++) scratch[i] = sigmoidBasis(design.t[i], t0, width);
    const fit = fitLinearBounded(basisSums(w, scratch, u, sums), bounds, out);
    return { a: fit.a, b: fit.b, chi2: fit.chi2, t0, width };
  };
  const profile = new Float64Array(design.widths.length);
  const shapes: Shape[] = [];
  for (let wi = 0; wi < design.widths.length; wi++) {
    let best = design.widthStart[wi];
    for (let c = best + 1; c < design.widthStart[wi + 1]; c++) if (cellChi2[c] < cellChi2[best]) best = c;
    const width = design.widths[wi];
    const step = Math.max(width / 2, 0.01);
    let shape = at(design.cellT0[best], width);
    let lo = design.cellT0[best] - step;
    let hi = design.cellT0[best] + step;
    for (let k = 0; k < GOLDEN_STEPS; k++) {
      const left = at(hi - INV_PHI * (hi - lo), width);
      const right = at(lo + INV_PHI * (hi - lo), width);
      if (left.chi2 <= right.chi2) hi = right.t0 as number;
      else lo = left.t0 as number;
      for (const trial of [left, right]) if (trial.chi2 < shape.chi2) shape = trial;
    }
    profile[wi] = shape.chi2;
    shapes.push(shape);
  }
  const lineFit = fitLinearFree(basisSums(w, design.t, u, sums), out);
  const line: Shape = { a: lineFit.a, b: lineFit.b, chi2: lineFit.chi2, t0: null, width: null };
  return { profile, shapes, line };
}

/** A shape's value at t (oriented units). */
export function shapeAt(shape: Shape, t: number): number {
  if (shape.width === null || shape.t0 === null) return shape.a + shape.b * t;
  return shape.a + shape.b * sigmoidBasis(t, shape.t0, shape.width);
}

/** The best of the shapes (lowest χ²). */
export function bestShape(shapes: Shape[]): Shape {
  return shapes.reduce((best, s) => (s.chi2 < best.chi2 ? s : best), shapes[0]);
}

/** The best χ² with the midpoint held at t0, over every width of the design (floor and lift profiled out). */
export function profileAt(design: TransitionDesign, u: ArrayLike<number>, w: ArrayLike<number>, bounds: LinearBounds, t0: number): number {
  const n = design.t.length;
  const g = new Float64Array(n);
  const sums: BasisSums = { sw: 0, swg: 0, swgg: 0, swu: 0, swuu: 0, swgu: 0 };
  const out: LinearFit = { a: 0, b: 0, chi2: 0 };
  let best = Infinity;
  for (const width of design.widths) {
    for (let i = 0; i < n; i++) g[i] = sigmoidBasis(design.t[i], t0, width);
    best = Math.min(best, fitLinearBounded(basisSums(w, g, u, sums), bounds, out).chi2);
  }
  return best;
}

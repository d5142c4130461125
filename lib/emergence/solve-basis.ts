export type BasisConstraint = {
  /** a fixed at this value (the logistic floor at chance); null = a is free */
  floor: number | null;
  /** a + b ≤ top (the logistic's upper asymptote under the metric's upper bound); null = none */
  top: number | null;
  /** b ≥ 0: the fitted form rises with scale in oriented units */
  nonNegative: boolean;
};

export type BasisSolution = { a: number; b: number; chi2: number };

/**
 * Closed-form weighted least squares for the linear parameters of u ≈ a + b·g,
 * the inner step of every profile fit (the nonlinear parameters are held fixed
 * in g), from the sums Σw, Σwg, Σwg², Σwu, Σwu², Σwgu. Constraints are
 * active-set style: when the free optimum breaks one, that constraint is made
 * an equality and the remaining parameter is refitted, exact for this
 * two-parameter quadratic. chi2 = Σ w (u − a − b g)², expanded in the sums so a
 * candidate costs only its Σ w g u. Writes into `out` (no allocation: the
 * bootstrap calls this millions of times) and returns it.
 */
export function solveBasis(
  sw: number,
  swg: number,
  swgg: number,
  swu: number,
  swuu: number,
  swgu: number,
  c: BasisConstraint,
  out: BasisSolution,
): BasisSolution {
  let a: number;
  let b: number;
  if (c.floor !== null) {
    a = c.floor;
    b = swgg > 0 ? (swgu - a * swg) / swgg : 0;
    if (c.nonNegative && b < 0) b = 0;
    if (c.top !== null) b = Math.min(b, Math.max(0, c.top - a));
  } else {
    const det = sw * swgg - swg * swg;
    b = det > 1e-12 * sw * swgg ? (sw * swgu - swg * swu) / det : 0;
    a = (swu - b * swg) / sw;
    if (c.nonNegative && b < 0) {
      b = 0;
      a = swu / sw;
    }
    if (c.top !== null && a + b > c.top) {
      // u − top = −b (1 − g): one parameter with the top held at its bound
      const s1 = sw - swg;
      const s11 = sw - 2 * swg + swgg;
      b = s11 > 0 ? Math.max(0, (c.top * s1 - (swu - swgu)) / s11) : 0;
      a = c.top - b;
    }
  }
  const chi2 = swuu - 2 * a * swu - 2 * b * swgu + a * a * sw + 2 * a * b * swg + b * b * swgg;
  out.a = a;
  out.b = b;
  out.chi2 = chi2 > 0 ? chi2 : 0;
  return out;
}

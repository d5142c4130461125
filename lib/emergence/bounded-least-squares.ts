/** Weighted sums of one basis vector g against the values u: everything a fit of u ≈ a + b·g needs. */
export type BasisSums = { sw: number; swg: number; swgg: number; swu: number; swuu: number; swgu: number };

/** Box on the linear parameters: lo ≤ a (the floor), a + b ≤ hi (the top), b ≥ 0 when rising. Nulls are unbounded. */
export type LinearBounds = { lo: number | null; hi: number | null; rising: boolean };

export type LinearFit = { a: number; b: number; chi2: number };

const FREE: LinearBounds = { lo: null, hi: null, rising: false };

function chi2Of(s: BasisSums, a: number, b: number): number {
  const value = s.swuu - 2 * a * s.swu - 2 * b * s.swgu + a * a * s.sw + 2 * a * b * s.swg + b * b * s.swgg;
  return value > 0 ? value : 0;
}

function feasible(a: number, b: number, c: LinearBounds): boolean {
  const eps = 1e-12 * (1 + Math.abs(a) + Math.abs(b));
  if (c.rising && b < -eps) return false;
  if (c.lo !== null && a < c.lo - eps) return false;
  if (c.hi !== null && a + b > c.hi + eps) return false;
  return Number.isFinite(a) && Number.isFinite(b);
}

/**
 * Weighted least squares for u ≈ a + b·g under the box constraints, exactly: a
 * convex quadratic in two unknowns has its constrained minimum at the free
 * optimum, on one active constraint (a one-dimensional fit) or at a vertex of
 * two; every candidate is tried and the feasible one with the lowest χ² kept.
 * Writes into `out` (no allocation: fits run millions of times) and returns it.
 */
export function fitLinearBounded(s: BasisSums, c: LinearBounds, out: LinearFit): LinearFit {
  out.chi2 = Infinity;
  const consider = (a: number, b: number) => {
    if (!feasible(a, b, c)) return;
    const chi2 = chi2Of(s, a, b);
    if (chi2 < out.chi2) {
      out.a = a;
      out.b = b;
      out.chi2 = chi2;
    }
  };
  const det = s.sw * s.swgg - s.swg * s.swg;
  if (det > 1e-12 * s.sw * s.swgg) consider((s.swgg * s.swu - s.swg * s.swgu) / det, (s.sw * s.swgu - s.swg * s.swu) / det);
  if (out.chi2 < Infinity) return out;
  // b = 0: a constant
  consider(s.swu / s.sw, 0);
  if (c.lo !== null) {
    // a = lo: the floor at its bound
    consider(c.lo, s.swgg > 0 ? (s.swgu - c.lo * s.swg) / s.swgg : 0);
    consider(c.lo, 0);
  }
  if (c.hi !== null) {
    // a + b = hi: u − hi = −b (1 − g)
    const s11 = s.sw - 2 * s.swg + s.swgg;
    const b = s11 > 0 ? (c.hi * (s.sw - s.swg) - (s.swu - s.swgu)) / s11 : 0;
    consider(c.hi - b, b);
    consider(c.hi, 0);
    if (c.lo !== null) consider(c.lo, c.hi - c.lo);
  }
  if (out.chi2 === Infinity) {
    // bounds that exclude every candidate (lo > hi): the constant nearest the data
    out.a = s.swu / s.sw;
    out.b = 0;
    out.chi2 = chi2Of(s, out.a, 0);
  }
  return out;
}

/** Unconstrained weighted least squares (a straight line when g = t). */
export function fitLinearFree(s: BasisSums, out: LinearFit): LinearFit {
  return fitLinearBounded(s, FREE, out);
}

/** Fills `into` with the weighted sums of g and u. */
export function basisSums(w: ArrayLike<number>, g: ArrayLike<number>, u: ArrayLike<number>, into: BasisSums, offset = 0): BasisSums {
  let sw = 0;
  let swg = 0;
  let swgg = 0;
  let swu = 0;
  let swuu = 0;
  let swgu = 0;
  for (let i = 0; i < w.length; i++) {
    const wi = w[i];
    const gi = g[offset + i];
    const ui = u[i];
    sw += wi;
    swg += wi * gi;
    swgg += wi * gi * gi;
    swu += wi * ui;
    swuu += wi * ui * ui;
    swgu += wi * gi * ui;
  }
  into.sw = sw;
  into.swg = swg;
  into.swgg = swgg;
  into.swu = swu;
  into.swuu = swuu;
  into.swgu = swgu;
  return into;
}

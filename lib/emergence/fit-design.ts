import { solveBasis, type BasisConstraint, type BasisSolution } from "./solve-basis";

export type FormKind = "linear" | "logistic" | "hinge";

/** A fitted form in oriented units: u ≈ a + b · g(t; t0, k), p parameters in all. */
export type FormFit = { kind: FormKind; a: number; b: number; t0: number | null; k: number | null; chi2: number; p: number };

/** A profile grid: cell c has nonlinear parameters (t0[c], k[c]) and basis g[c·n .. c·n + n). */
export type Grid = { count: number; t0: Float64Array; k: Float64Array | null; g: Float64Array; swg: Float64Array; swgg: Float64Array };

/**
 * Everything about a curve's fits that does not depend on its values: the
 * scales t, weights w, and the profile grids over the nonlinear parameters
 * with their basis vectors precomputed. The bootstrap refits thousands of
 * resampled value vectors against one design, each grid cell then costing one
 * dot product plus a closed-form solve (solveBasis).
 * - linear: u = a + b t
 * - logistic: u = floor + (top − floor) σ(k (t − t0)), σ(z) = 1/(1 + e^−z), k > 0,
 *   floor = chance when known (3 parameters: top, k, t0; else 4), top ≤ upper bound;
 *   grid t0 ∈ [t_1, t_n] × k·(t_n − t_1) ∈ [1, 300] (log-spaced), sizes in GRID_SIZES
 * - hinge: u = c + s · max(0, t − t0), s ≥ 0 (3 parameters), t0 on a grid from
 *   the 2nd to the second-to-last scale (a clipped-linear form as in Ruan et al. 2024)
 */
export type FitDesign = {
  t: Float64Array;
  w: Float64Array;
  sw: number;
  linear: Grid;
  logistic: Grid;
  hinge: Grid;
  logisticConstraint: BasisConstraint;
  logisticParams: number;
  kRange: [number, number];
  /** where the logistic's midpoint t0 may lie: the measured scales, unless a forecast extends it */
  midpointRange: [number, number];
  hingeRange: [number, number];
  size: GridSize;
};

/** Grid sizes: "fine" for the reported fits (then refined locally), "coarse" for the
 * smooth-null test statistic, recomputed on every one of up to 1000 simulated curves. */
export const GRID_SIZES = {
  fine: { logisticT0: 17, logisticK: 10, hinge: 16 },
  coarse: { logisticT0: 9, logisticK: 6, hinge: 8 },
};
export type GridSize = (typeof GRID_SIZES)["fine"];
const K_SPAN: [number, number] = [1, 300];
export const FREE: BasisConstraint = { floor: null, top: null, nonNegative: false };
export const HINGE_CONSTRAINT: BasisConstraint = { floor: null, top: null, nonNegative: true };

export function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Basis value of a form at t: the logistic σ(k(t − t0)) when k is given, else the hinge max(0, t − t0). */
export function basis(t: number, t0: number, k: number | null): number {
  return k === null ? Math.max(0, t - t0) : logistic(k * (t - t0));
}

function toGrid(t: Float64Array, w: Float64Array, cells: [number, number | null][], g?: (ti: number) => number): Grid {
  const n = t.length;
  const grid: Grid = {
    count: cells.length,
    t0: Float64Array.from(cells, (c) => c[0]),
    k: cells[0][1] === null ? null : Float64Array.from(cells, (c) => c[1] as number),
    g: new Float64Array(cells.length * n),
    swg: new Float64Array(cells.length),
    swgg: new Float64Array(cells.length),
  };
  cells.forEach(([t0, k], c) => {
    for (let i = 0; i < n; i++) {
      const value = g ? g(t[i]) : basis(t[i], t0, k);
      grid.g[c * n + i] = value;
      grid.swg[c] += w[i] * value;
      grid.swgg[c] += w[i] * value * value;
    }
  });
  return grid;
}

export function createFitDesign(
  t: Float64Array,
  w: Float64Array,
  chance: number | null,
  hi: number | null,
  size: GridSize = GRID_SIZES.fine,
  midpointRange: [number, number] = [t[0], t[t.length - 1]],
): FitDesign {
  const n = t.length;
  const span = t[n - 1] - t[0];
  const kRange: [number, number] = [K_SPAN[0] / span, K_SPAN[1] / span];
  const midpointSpan = midpointRange[1] - midpointRange[0];
  const hingeRange: [number, number] = [t[1], t[n - 2]];
  const logisticCells: [number, number][] = [];
  for (let i = 0; i < size.logisticT0; i++) {
    for (let j = 0; j < size.logisticK; j++) {
      const k = kRange[0] * (kRange[1] / kRange[0]) ** (j / (size.logisticK - 1));
      logisticCells.push([midpointRange[0] + (midpointSpan * i) / (size.logisticT0 - 1), k]);
    }
  }
  const hingeCells = Array.from({ length: size.hinge }, (_, i): [number, null] => [
    hingeRange[0] + ((hingeRange[1] - hingeRange[0]) * i) / (size.hinge - 1),
    null,
  ]);
  return {
    t,
    w,
    sw: w.reduce((a, b) => a + b, 0),
    linear: toGrid(t, w, [[0, null]], (ti) => ti),
    logistic: toGrid(t, w, logisticCells),
    hinge: toGrid(t, w, hingeCells),
    logisticConstraint: { floor: chance, top: hi, nonNegative: true },
    logisticParams: chance === null ? 4 : 3,
    kRange,
    midpointRange,
    hingeRange,
    size,
  };
}

/** Σwu, Σwu² and w·u of one value vector, shared by every cell. */
export type ValueSums = { wu: Float64Array; swu: number; swuu: number };

export function valueSums(design: FitDesign, u: ArrayLike<number>, into?: ValueSums): ValueSums {
  const v = into ?? { wu: new Float64Array(u.length), swu: 0, swuu: 0 };
  v.swu = 0;
  v.swuu = 0;
  for (let i = 0; i < u.length; i++) {
    v.wu[i] = design.w[i] * u[i];
    v.swu += v.wu[i];
    v.swuu += v.wu[i] * u[i];
  }
  return v;
}

/** Best cell of a grid for one value vector: writes a, b, chi2 into `out`, returns the cell index. */
export function bestCell(design: FitDesign, grid: Grid, v: ValueSums, c: BasisConstraint, out: BasisSolution): number {
  const n = design.t.length;
  const g = grid.g;
  const wu = v.wu;
  let best = -1;
  let bestA = 0;
  let bestB = 0;
  let bestChi2 = Infinity;
  for (let cell = 0; cell < grid.count; cell++) {
    let swgu = 0;
    const offset = cell * n;
    for (let i = 0; i < n; i++) swgu += g[offset + i] * wu[i];
    solveBasis(design.sw, grid.swg[cell], grid.swgg[cell], v.swu, v.swuu, swgu, c, out);
    if (out.chi2 < bestChi2) {
      best = cell;
      bestChi2 = out.chi2;
      bestA = out.a;
      bestB = out.b;
    }
  }
  out.a = bestA;
  out.b = bestB;
  out.chi2 = bestChi2;
  return best;
}

/** Best fit of each form over its grid (no local refinement). */
export function fitOnGrid(design: FitDesign, u: ArrayLike<number>): Record<FormKind, FormFit> {
  const v = valueSums(design, u);
  const out: BasisSolution = { a: 0, b: 0, chi2: 0 };
  const fit = (grid: Grid, c: BasisConstraint, kind: FormKind, p: number): FormFit => {
    const cell = bestCell(design, grid, v, c, out);
    const t0 = kind === "linear" ? null : grid.t0[cell];
    return { kind, a: out.a, b: out.b, chi2: out.chi2, t0, k: grid.k === null ? null : grid.k[cell], p };
  };
  return {
    linear: fit(design.linear, FREE, "linear", 2),
    logistic: fit(design.logistic, design.logisticConstraint, "logistic", design.logisticParams),
    hinge: fit(design.hinge, HINGE_CONSTRAINT, "hinge", 3),
  };
}

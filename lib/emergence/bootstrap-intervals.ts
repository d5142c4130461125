import { robustBreakthroughness } from "./breakthroughness";
import type { FitDesign, FormFit } from "./fit-design";
import { fitOnGrid } from "./fit-design";
import { refineFit } from "./refine-fit";
import { normalQuantile } from "./normal-quantile";
import { normalUpperTail } from "./normal-tail";
import { quantile } from "./quantile";
import type { Random } from "./random";
import { resampleInto } from "./resample";
import type { PreparedCurve } from "./types";

/** Bootstrap refits stop refining at 0.005 decades (about 1% in x), far below any interval's width. */
const THRESHOLD_TOLERANCE = 0.005;

export type Intervals = {
  robust: [number, number] | null;
  /** percentile interval of the threshold, in log10(x) */
  threshold: [number, number] | null;
};

/**
 * Parametric bootstrap around the data: every point redrawn from
 * Normal(value_i, se_i), clipped to the bounds. 95% intervals:
 * - robust breakthroughness (draws.score draws): bias-corrected percentile
 *   interval (Efron 1981; Efron & Tibshirani 1993, §14.3). Resampling around
 *   values that already carry their noise adds the noise twice, which inflates
 *   the median step and biases the resampled score low (a clean step scored
 *   ~17 resamples around ~14); the BC interval takes the percentiles at
 *   Φ(2 z0 ± 1.96) with z0 = Φ⁻¹(share of draws below the observed score; ties
 *   count half), which undoes that median bias. z0 = 0 gives the plain percentiles.
 * - threshold t0 of the winning nonlinear form, refitted with grid + refinement
 *   on draws.refit draws (fewer, as each refit costs hundreds of trial fits):
 *   plain percentile interval.
 */
export function bootstrapIntervals(
  curve: PreparedCurve,
  design: FitDesign,
  winner: FormFit | null,
  score: { seTypical: number; reference: number; observed: number },
  random: { score: Random; refit: Random },
  draws: { score: number; refit: number },
): Intervals {
  const sample = new Float64Array(curve.u.length);
  const scores = new Float64Array(draws.score);
  for (let b = 0; b < draws.score; b++) {
    resampleInto(sample, curve.u, curve.se, curve.lo, curve.hi, random.score);
    scores[b] = robustBreakthroughness(sample, score.seTypical, score.reference);
  }
  const robust = draws.score > 0 ? biasCorrected95(scores, score.observed) : null;
  if (winner === null || winner.kind === "linear" || draws.refit < 1) return { robust, threshold: null };
  const thresholds = new Float64Array(draws.refit);
  for (let b = 0; b < draws.refit; b++) {
    resampleInto(sample, curve.u, curve.se, curve.lo, curve.hi, random.refit);
    const grid = fitOnGrid(design, sample)[winner.kind];
    thresholds[b] = refineFit(design, sample, grid, THRESHOLD_TOLERANCE).t0 as number;
  }
  return { robust, threshold: percentile95(thresholds) };
}

function percentile95(values: Float64Array): [number, number] {
  const sorted = values.sort();
  return [quantile(sorted, 0.025), quantile(sorted, 0.975)];
}

function biasCorrected95(values: Float64Array, observed: number): [number, number] {
  let below = 0;
  for (const v of values) below += v < observed ? 1 : v === observed ? 0.5 : 0;
  const share = Math.min(1 - 0.5 / values.length, Math.max(0.5 / values.length, below / values.length));
  const z0 = normalQuantile(share);
  const sorted = values.sort();
  const z = normalQuantile(0.975);
  return [quantile(sorted, 1 - normalUpperTail(2 * z0 - z)), quantile(sorted, 1 - normalUpperTail(2 * z0 + z))];
}

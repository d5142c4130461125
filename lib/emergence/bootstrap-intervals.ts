import { robustBreakthroughness } from "./breakthroughness";
import { normalQuantile } from "./normal-quantile";
import { normalUpperTail } from "./normal-tail";
import { quantile } from "./quantile";
import type { Random } from "./random";
import { resampleInto } from "./resample";
import type { PreparedCurve } from "./types";

/**
 * 95 % interval of the robust breakthroughness by parametric bootstrap around the
 * data: every point redrawn from Normal(value_i, se_i), clipped to the bounds.
 * Bias-corrected percentile interval (Efron 1981; Efron & Tibshirani 1993, §14.3):
 * resampling around values that already carry their noise adds the noise twice,
 * which inflates the median step and biases the resampled score low; the BC
 * interval takes the percentiles at Φ(2 z0 ± 1.96) with z0 = Φ⁻¹(share of draws
 * below the observed score; ties count half), which undoes that median bias.
 */
export function breakthroughnessInterval(
  curve: PreparedCurve,
  score: { seTypical: number; reference: number; observed: number },
  random: Random,
  draws: number,
): [number, number] | null {
  if (draws < 1) return null;
  const sample = new Float64Array(curve.u.length);
  const scores = new Float64Array(draws);
  for (let b = 0; b < draws; b++) {
    resampleInto(sample, curve.u, curve.se, curve.lo, curve.hi, random);
    scores[b] = robustBreakthroughness(sample, score.seTypical, score.reference);
  }
  let below = 0;
  for (const v of scores) below += v < score.observed ? 1 : v === score.observed ? 0.5 : 0;
  const share = Math.min(1 - 0.5 / draws, Math.max(0.5 / draws, below / draws));
  const z0 = normalQuantile(share);
  const sorted = scores.sort();
  const z = normalQuantile(0.975);
  return [quantile(sorted, 1 - normalUpperTail(2 * z0 - z)), quantile(sorted, 1 - normalUpperTail(2 * z0 + z))];
}

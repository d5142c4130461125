import { robustBreakthroughness } from "./breakthroughness";
import type { FitDesign } from "./fit-design";
import { quantile } from "./quantile";
import type { Random } from "./random";
import { resampleInto } from "./resample";
import { smoothCenter } from "./smooth-null-test";
import type { PreparedCurve } from "./types";

/**
 * The upper end of the smooth range of the robust breakthroughness: its 95th
 * percentile over curves simulated from the best smooth fit (weighted linear in
 * log-x) with this curve's own standard errors, never below the reference (the
 * score of a noiseless straight line at these scales). "Abrupt" needs the whole
 * bootstrap interval of the observed score above it. Simulating instead of fixing
 * a multiple of the reference makes the cutoff follow the curve's own noise and
 * x spacing: with large errors a straight line can score high by chance, with
 * small ones it scores close to the reference.
 */
export function smoothScoreCutoff(
  curve: PreparedCurve,
  design: FitDesign,
  score: { seTypical: number; reference: number },
  random: Random,
  draws: number,
): number {
  if (draws < 1) return score.reference;
  const center = smoothCenter(design, curve.u);
  const sample = new Float64Array(curve.u.length);
  const scores = new Float64Array(draws);
  for (let b = 0; b < draws; b++) {
    resampleInto(sample, center, curve.se, curve.lo, curve.hi, random);
    scores[b] = robustBreakthroughness(sample, score.seTypical, score.reference);
  }
  return Math.max(score.reference, quantile(scores.sort(), 0.95));
}

/**
 * The parameters of every verdict, in one place. docs/verdicts.md states what
 * each verdict claims with these numbers; the calibration report
 * (docs/calibration.md, `npm run calibrate`) measures how often the claims are
 * wrong. Changing a number here changes both.
 */
export const VERDICT_RULES = {
  /** Level of every test behind a verdict (per curve: no verdict depends on other data). */
  alpha: 0.05,
  /**
   * W, the widest transition still called abrupt: the 10–90 % rise of the fitted
   * sigmoid must take less than one decade (a factor of 10) of scale. Wei et al. 2022
   * (Fig. 2) show emergent tasks going from near chance to well above it within about
   * one order of magnitude of training FLOPs; BIG-bench's breakthroughness (Srivastava
   * et al. 2022, App. B) scores a curve by how much of its gain comes in few of its
   * steps, which for families of ~8 sizes over 2–3 decades (0.3–0.4 decades a step)
   * is "within 2–3 steps" ≈ one decade; Schaeffer et al. 2023 name sharpness
   * ("seemingly instantaneous") the defining property. A transition of one decade or
   * more is what a smooth trend in log-scale looks like over a family's range.
   */
  maxAbruptWidth: 1,
  /**
   * δ, the equivalence margin of "near floor" and "flat", as a share of a bounded
   * metric's range: 0.05 is five points of accuracy. An ability "not present" (Wei et
   * al. 2022: "near random") must be shown to stay within ±δ of the floor at every size.
   * Metrics without both bounds (perplexity, log-likelihood) get no margin, so no
   * equivalence verdict.
   */
  equivalenceShare: 0.05,
  /** Fewer distinct sizes than this cannot separate a jump from a trend (docs/verdicts.md, the rules table). */
  minScales: 5,
  /** Without any standard error the noise is estimated from residuals; with fewer sizes too few degrees of freedom remain. */
  minScalesWithoutSe: 8,
  /**
   * More distinct sizes than this in one family are not analysed (the page says so and
   * shows the points): real families have tens, and the fits' cost and memory grow with
   * the count, so a hostile upload of thousands of sizes must not occupy the analysis.
   */
  maxScales: 200,
} as const;

export type VerdictRules = typeof VERDICT_RULES;

/** The equivalence margin δ for a metric in its own units, or null when it has no bounded range. */
export function equivalenceMargin(lowerBound: number | null, upperBound: number | null): number | null {
  if (lowerBound === null || upperBound === null || !(upperBound > lowerBound)) return null;
  return VERDICT_RULES.equivalenceShare * (upperBound - lowerBound);
}

/** ln 81: a logistic σ(k (t − t0)) rises from 10 % to 90 % over ln(81) / k in t. */
export const LN81 = Math.log(81);

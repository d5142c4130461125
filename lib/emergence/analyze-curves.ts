import type { CurveAnalysis } from "@/lib/schemas/analysis";
import { analyzeCurve } from "./analyze-curve";
import { finalizeAnalyses, toEvidenceSummary } from "./finalize-analyses";
import type { AnalyzeOptions, CurveInput } from "./types";

export type { AnalyzeOptions, CurveInput } from "./types";

export const ANALYSIS_DEFAULTS = { seed: 0, bootstrap: 1000, alpha: 0.05 };

/**
 * Analyses curves for emergence (SCIENCE.md): per curve, uncertainty, chance
 * tests, breakthroughness, functional-form fits, parametric-bootstrap intervals
 * and a p-value against the smooth fit (analyzeCurve); then, across all curves
 * passed together, the multiple-comparison adjustment and the verdicts
 * (finalizeAnalyses). Pure and deterministic: each curve's random streams derive
 * from a hash of its id and options.seed, so results do not depend on input order.
 * Returns one analysis per input, in input order.
 */
export function analyzeCurves(curves: CurveInput[], options: AnalyzeOptions = {}): CurveAnalysis[] {
  const settings = { ...ANALYSIS_DEFAULTS, ...options };
  return finalizeAnalyses(
    curves.map((curve) => toEvidenceSummary(analyzeCurve(curve, settings))),
    settings.alpha,
  );
}

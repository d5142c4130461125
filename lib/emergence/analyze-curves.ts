import type { CurveAnalysis } from "@/lib/schemas/analysis";
import { analyzeCurve, type CurveEvidence } from "./analyze-curve";
import { judgeView } from "./judge-view";
import type { AnalyzeOptions, CurveInput } from "./types";

export type { AnalyzeOptions, CurveInput } from "./types";

export const ANALYSIS_DEFAULTS = { seed: 0, bootstrap: 1000 };

/**
 * Analyses curves for emergence (docs/verdicts.md): each curve's
 * evidence on its own (analyzeCurve), then its verdict, with the families of the
 * same task view side by side only for suspect-zero (judgeView). Pure and
 * deterministic: each curve's random stream derives from a hash of its id and
 * options.seed, so results depend neither on input order nor on other views.
 * Returns one analysis per input, in input order.
 */
export function analyzeCurves(curves: CurveInput[], options: AnalyzeOptions = {}): CurveAnalysis[] {
  const settings = { ...ANALYSIS_DEFAULTS, ...options };
  const evidence = curves.map((curve) => analyzeCurve(curve, settings));
  const views = new Map<string, CurveEvidence[]>();
  for (const e of evidence) views.set(e.input.groupId, [...(views.get(e.input.groupId) ?? []), e]);
  const judged = new Map<CurveEvidence, CurveAnalysis>();
  for (const view of views.values()) judgeView(view).forEach((a, i) => judged.set(view[i], a));
  return evidence.map((e) => judged.get(e) as CurveAnalysis);
}

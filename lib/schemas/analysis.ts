import { z } from "zod";

/** Labels a curve can get (see lib/emergence/verdict.ts for the rules). */
export const verdictSchema = z.enum([
  "abrupt",
  "smooth",
  "flat-at-chance",
  "declining",
  "suspect-zero",
  "insufficient",
]);
export type Verdict = z.infer<typeof verdictSchema>;

export const fitKindSchema = z.enum(["linear", "logistic", "hinge"]);
export type FitKind = z.infer<typeof fitKindSchema>;

const interval = z.tuple([z.number(), z.number()]);

export const fitSummarySchema = z.object({
  kind: fitKindSchema,
  /** parameters in log10(x) space, named (e.g. slope, intercept, midpoint, ...) */
  params: z.record(z.string(), z.number()),
  /** weighted residual sum of squares Σ w·r², w = 1/se² (chi-square; with a residual sigma, RSS/σ²) */
  rss: z.number(),
  aicc: z.number().nullable(),
  /** leave-one-out root mean squared prediction error; null with too few points */
  looRmse: z.number().nullable(),
});
export type FitSummary = z.infer<typeof fitSummarySchema>;

export const analysedPointSchema = z.object({
  model: z.string(),
  x: z.number().positive(),
  value: z.number(),
  /** standard error used by the analysis, and where it came from: the file's stderr, the
   * binomial sqrt(p(1-p)/n), the largest known se of the curve (imputed), or a common
   * sigma from the residuals of the linear fit when the curve has no se at all */
  se: z.number().nullable(),
  seSource: z.enum(["stderr", "binomial", "imputed", "residual"]).nullable(),
  /** one-sided test against the chance level at level alpha (default 5%), Holm-corrected within
   * the curve; "above" means better than chance in the metric's direction */
  vsChance: z.enum(["above", "at-chance", "below", "unknown"]),
});
export type AnalysedPoint = z.infer<typeof analysedPointSchema>;

/** Everything the page shows as evidence for one family's curve on one task × metric × shots × axis. */
export const curveAnalysisSchema = z.object({
  family: z.string(),
  verdict: verdictSchema,
  /** plain-language reasons, the first one the deciding reason ("insufficient: 4 scales, need 5") */
  reasons: z.array(z.string()),
  scales: z.number().int(),
  points: z.array(analysedPointSchema),
  breakthroughness: z.object({
    /** BIG-bench Appendix B as defined; null when the median step is zero (B is infinite) */
    bigbench: z.number().nullable(),
    /** floored and capped, signed so that improving with scale is positive (lib/emergence/breakthroughness.ts) */
    robust: z.number().nullable(),
    /** 95% parametric-bootstrap interval of the robust score (bias-corrected percentile, Efron 1981) */
    interval: interval.nullable(),
    /** "abrupt" needs the interval above this: the 95th percentile of the robust score for curves simulated from the linear fit with these errors (lib/emergence/smooth-score-cutoff.ts) */
    smoothCutoff: z.number().nullable(),
  }),
  fits: z.array(fitSummarySchema),
  best: fitKindSchema.nullable(),
  /** AICc of the best smooth (linear) fit minus that of the best fit; > 0 favours the best */
  deltaAicc: z.number().nullable(),
  /** logistic midpoint or hinge point of the winning nonlinear fit, with a 95% bootstrap interval */
  threshold: z.object({ x: z.number().positive(), interval: interval.nullable() }).nullable(),
  /** parametric-bootstrap p of the AICc gain of the best nonlinear form over linear, under the linear fit */
  pValue: z.number().min(0).max(1).nullable(),
  /** after Benjamini-Hochberg across every curve analysed together */
  pAdjusted: z.number().min(0).max(1).nullable(),
  /** the winning fit evaluated on a grid for drawing, in data units */
  fitted: z.array(z.object({ x: z.number().positive(), y: z.number() })),
  /** the curve's own seed, hashed from its id and the caller's seed */
  seed: z.number().int(),
});
export type CurveAnalysis = z.infer<typeof curveAnalysisSchema>;

export const analysisResponseSchema = z.object({
  task: z.string(),
  metric: z.string(),
  shots: z.number().int().nullable(),
  x: z.enum(["params", "tokens", "flops", "checkpoint"]),
  /** one per family with results on this view, strongest evidence first */
  analyses: z.array(curveAnalysisSchema),
  /** when the stored analyses were last refreshed; null when none are stored yet */
  computedAt: z.string().nullable(),
  /** the view's results changed and its re-analysis is queued: the analyses shown are from before */
  pending: z.boolean(),
});
export type AnalysisResponse = z.infer<typeof analysisResponseSchema>;

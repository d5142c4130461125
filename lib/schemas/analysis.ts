import { z } from "zod";

/**
 * What a curve's verdict claims (docs/verdicts.md states each as a testable
 * statement; lib/emergence/verdict.ts decides them; lib/emergence/verdict-rules.ts
 * holds W, δ and α).
 */
export const verdictSchema = z.enum(["abrupt", "smooth", "near-floor", "flat", "declining", "suspect-zero", "cannot-tell"]);
export type Verdict = z.infer<typeof verdictSchema>;

/** Facts about the data shown beside any verdict. */
export const flagSchema = z.enum([
  /** some point is clearly below the chance level (Holm-corrected) */
  "below-chance",
  /** results at the same scale disagree beyond their errors */
  "tie-conflict",
  /** an abrupt rise that starts from a plateau above chance: the ability is partly present before it */
  "above-chance-before-jump",
  /** neither the file nor the registry says whether higher is better */
  "direction-unknown",
  /** no point had an error: one common error was estimated from the residuals */
  "errors-estimated",
]);
export type Flag = z.infer<typeof flagSchema>;

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
   * binomial sqrt(p(1-p)/n) (proportions of items only), the largest known se of the curve
   * (imputed), or a common sigma from the residuals of the linear fit when the curve has no se at all */
  se: z.number().nullable(),
  seSource: z.enum(["stderr", "binomial", "imputed", "residual"]).nullable(),
  /** one-sided test against the chance level at level alpha, Holm-corrected within the curve;
   * "above" means better than chance in the metric's direction */
  vsChance: z.enum(["above", "at-chance", "below", "unknown"]),
});
export type AnalysedPoint = z.infer<typeof analysedPointSchema>;

/** The sharpness test of lib/emergence/transition-test.ts, in the metric's own units. */
export const transitionSchema = z.object({
  /** between-model standard deviation beyond the points' errors (Paule–Mandel), 0 when none */
  tau: z.number().min(0),
  /** the best fit's level at the smallest and at the largest measured scale */
  start: z.number(),
  end: z.number(),
  /** 10–90 % width of the fitted rise in decades of scale: estimate (null for a straight line) and one-sided 95 % bounds (upper null: unbounded) */
  width: z.object({ estimate: z.number().nullable(), lower: z.number(), upper: z.number().nullable() }),
  /** likelihood-ratio p of "sharper than W" (smooth class rejected) and of "wider than W" (sharp class rejected) */
  pAbrupt: z.number().min(0).max(1),
  pSmooth: z.number().min(0).max(1),
  statistic: z.object({ abrupt: z.number().min(0), smooth: z.number().min(0) }),
});
export type Transition = z.infer<typeof transitionSchema>;

export const slopeSchema = z.object({
  /** weighted least-squares slope per decade of scale, in metric units (its sign is the metric's, not improvement) */
  estimate: z.number(),
  se: z.number().min(0),
  t: z.number(),
  dof: z.number().int().positive(),
  /** two-sided, Student's t with n − 2 degrees of freedom */
  pValue: z.number().min(0).max(1),
});

export const equivalenceSchema = z.object({
  /** "floor": against the chance level; "level": against the curve's own mean */
  reference: z.enum(["floor", "level"]),
  value: z.number(),
  margin: z.number().positive(),
  passed: z.boolean(),
  /** the margin the data can show: the largest one-sided 95 % bound on |value − reference| */
  shown: z.number().min(0),
});

/** Everything the page shows as evidence for one family's curve on one task × metric × shots × filter × axis. */
export const curveAnalysisSchema = z.object({
  family: z.string(),
  verdict: verdictSchema,
  /** plain-language reasons, the first one the deciding reason */
  reasons: z.array(z.string()),
  flags: z.array(flagSchema),
  /** what measurement would decide a "cannot tell" (e.g. "a model between 1.3B and 6.7B"); null otherwise */
  decide: z.string().nullable(),
  scales: z.number().int(),
  points: z.array(analysedPointSchema),
  /** whether higher is better, as the analysis used it; null: unknown */
  higherIsBetter: z.boolean().nullable(),
  /** the chance level the analysis used for this metric, null when none applies */
  chance: z.number().nullable(),
  transition: transitionSchema.nullable(),
  slope: slopeSchema.nullable(),
  equivalence: equivalenceSchema.nullable(),
  breakthroughness: z.object({
    /** BIG-bench Appendix B as defined; null when the median step is zero (B is infinite) */
    bigbench: z.number().nullable(),
    /** BIG-bench Appendix B linearity: n − 1 for equal steps, 1 for a single jump; null when nothing moves
     * (and in analyses stored before it was computed) */
    linearity: z.number().nullable().default(null),
    /** floored and capped, signed so that improving with scale is positive (lib/emergence/breakthroughness.ts) */
    robust: z.number().nullable(),
    /** 95% parametric-bootstrap interval of the robust score (bias-corrected percentile, Efron 1981) */
    interval: interval.nullable(),
  }),
  fits: z.array(fitSummarySchema),
  best: fitKindSchema.nullable(),
  /** AICc of the linear fit minus that of the best form; > 0 favours the best */
  deltaAicc: z.number().nullable(),
  /** midpoint of the fitted transition with a 95 % profile interval; outside the measured sizes it is censored:
   * x is then the smallest (or largest) measured scale and the midpoint lies below (or above) it */
  threshold: z.object({ x: z.number().positive(), interval: interval.nullable(), censored: z.enum(["below", "above"]).nullable() }).nullable(),
  /** the transition fit evaluated on a grid for drawing, in data units */
  fitted: z.array(z.object({ x: z.number().positive(), y: z.number() })),
  /** the parameters of the verdict rules it was decided with */
  rules: z.object({ alpha: z.number(), maxAbruptWidth: z.number(), equivalenceMargin: z.number().nullable() }),
  /** the curve's own seed, hashed from its id and the caller's seed */
  seed: z.number().int(),
});
export type CurveAnalysis = z.infer<typeof curveAnalysisSchema>;

export const analysisResponseSchema = z.object({
  task: z.string(),
  metric: z.string(),
  shots: z.number().int().nullable(),
  filter: z.string(),
  x: z.enum(["params", "tokens", "flops", "checkpoint"]),
  /** one per family with results on this view, strongest evidence first */
  analyses: z.array(curveAnalysisSchema),
  /** when the stored analyses were last refreshed; null when none are stored yet */
  computedAt: z.string().nullable(),
  /** the view's results changed and its re-analysis is queued: the analyses shown are from before */
  pending: z.boolean(),
  /** the view's last re-analysis failed or exceeded its budget (the reason); the analyses shown are from before; a new change retries it */
  failed: z.string().nullable(),
});
export type AnalysisResponse = z.infer<typeof analysisResponseSchema>;

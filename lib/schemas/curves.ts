import { z } from "zod";

/** Axes across models of a family: what emergence is analysed on. */
export const scaleAxisSchema = z.enum(["params", "tokens", "flops"]);
export type ScaleAxis = z.infer<typeof scaleAxisSchema>;

/** Axes a task page can plot: the scale axes, or one model's checkpoints by tokens seen. */
export const viewAxisSchema = z.enum(["params", "tokens", "flops", "checkpoint"]);
export type ViewAxis = z.infer<typeof viewAxisSchema>;

/** shots in a URL: a count, or "unknown" for results whose file did not say. */
export const shotsParamSchema = z.union([
  z.literal("unknown"),
  z.string().regex(/^\d{1,3}$/, "must be a whole number of shots or 'unknown'").transform(Number),
]);

export const curvesQuerySchema = z.object({
  task: z.string().min(1, "is required").max(200),
  metric: z.string().min(1).max(200).optional(),
  shots: shotsParamSchema.optional(),
  /** lm-eval filter ("none", "strict-match", ...): results of different filters are never mixed; default: see pickDefaultFilter */
  filter: z.string().min(1).max(200).optional(),
  x: viewAxisSchema.default("params"),
  /** with x=checkpoint: whose checkpoints (default: the model with most of them) */
  model: z.string().min(1).max(200).optional(),
});
export type CurvesQuery = z.infer<typeof curvesQuerySchema>;

export const curvePointSchema = z.object({
  model: z.string(),
  x: z.number().positive(),
  /** true when x is a FLOPs estimate (6 · N · D) rather than a reported figure */
  xEstimated: z.boolean(),
  value: z.number(),
  stderr: z.number().nullable(),
  n: z.number().int().nullable(),
  uploadId: z.number().int().nullable(),
  fileName: z.string().nullable(),
});
export type CurvePoint = z.infer<typeof curvePointSchema>;

export const curveSeriesSchema = z.object({
  family: z.string(),
  points: z.array(curvePointSchema),
});
export type CurveSeries = z.infer<typeof curveSeriesSchema>;

export const curvesResponseSchema = z.object({
  task: z.object({
    name: z.string(),
    suite: z.string().nullable(),
    chance: z.number().nullable(),
    chanceSource: z.string().nullable(),
  }),
  metric: z.object({
    name: z.string(),
    /** as the file said it for this task (lm-eval higher_is_better), else the metric registry; null: unknown */
    higherIsBetter: z.boolean().nullable(),
    lowerBound: z.number().nullable(),
    upperBound: z.number().nullable(),
  }),
  shots: z.number().int().nullable(),
  filter: z.string(),
  x: viewAxisSchema,
  /** with x=checkpoint, the model whose checkpoints are plotted */
  model: z.string().nullable(),
  /** the chance level of this task under this metric (lib/emergence/chance-for-metric.ts), else null */
  chance: z.number().nullable(),
  /** what the selectors offer for this task */
  options: z.object({
    metrics: z.array(z.string()),
    shots: z.array(z.number().int().nullable()),
    /** lm-eval filters with results for this metric and shots */
    filters: z.array(z.string()),
    /** models with two or more checkpoints on this view, for the checkpoint axis */
    checkpointModels: z.array(z.string()),
  }),
  series: z.array(curveSeriesSchema),
  /** results left off the chart because the model has no value on the chosen axis */
  unplaced: z.array(z.object({ model: z.string(), value: z.number() })),
});
export type CurvesResponse = z.infer<typeof curvesResponseSchema>;

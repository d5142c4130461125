import { z } from "zod";
import { boundedValueSchema, INT4_MAX, scaleFactSchema } from "./number-limits";

/** Where a record came from inside its file, so errors can name it. */
export const sourceLocationSchema = z.object({
  line: z.number().int().positive().optional(),
  key: z.string().optional(),
});

/** Shots and n are stored as Postgres integers. */
const storedInt = z.number().int().max(INT4_MAX, `must be at most ${INT4_MAX}`);

/**
 * One score as found in a file, before model names are resolved to the registry.
 * A missing stderr / n / shots is null, never 0.
 */
export const parsedResultSchema = z.object({
  /** model name exactly as the file spells it (hub id, short name or path) */
  model: z.string().min(1).max(200),
  /** checkpoint revision as found (e.g. "step93000"); null = the final model */
  revision: z.string().min(1).max(200).nullable(),
  task: z.string().min(1).max(200),
  metric: z.string().min(1).max(200),
  /** lm-eval filter; "none" when the format has no filters */
  filter: z.string().min(1).max(200),
  shots: storedInt.min(0).nullable(),
  /** within VALUE_LIMITS: the parsers refuse a value outside them naming its line or key; this is the backstop */
  value: boundedValueSchema,
  stderr: boundedValueSchema.pipe(z.number().min(0)).nullable(),
  n: storedInt.positive().nullable(),
  /**
   * An aggregate over other rows of the same file (an lm-eval group such as
   * mmlu, an OpenCompass summary group): stored as a group, never counted
   * again beside its subtasks.
   */
  isGroup: z.boolean().default(false),
  source: sourceLocationSchema,
});
export type ParsedResult = z.infer<typeof parsedResultSchema>;
/** What a parser hands over before validation: defaulted fields may be left out. */
export type ParsedResultDraft = z.input<typeof parsedResultSchema>;

/** Scale facts a file states about a model (wide CSVs carry size, tokens, FLOPs). */
export const modelFactSchema = z.object({
  model: z.string().min(1).max(200),
  family: z.string().min(1).max(200).nullable(),
  /** who made the model as the file states it (Every Eval Ever `model_info.developer`); not a family */
  developer: z.string().min(1).max(200).nullable().default(null),
  parameters: scaleFactSchema.nullable(),
  trainingTokens: scaleFactSchema.nullable(),
  trainingFlops: scaleFactSchema.nullable(),
  source: sourceLocationSchema,
});
export type ModelFact = z.infer<typeof modelFactSchema>;

/** Whether higher is better for one metric of one task, as the file states it (lm-eval v0.4 `higher_is_better`). */
export const parsedDirectionSchema = z.object({
  task: z.string().min(1).max(200),
  metric: z.string().min(1).max(200),
  higherIsBetter: z.boolean(),
  source: sourceLocationSchema,
});
export type ParsedDirection = z.infer<typeof parsedDirectionSchema>;

/**
 * What a file states about a metric itself (Every Eval Ever `metric_config`):
 * its direction and the range a score can take. Null = the file does not say.
 */
export const parsedMetricFactSchema = z
  .object({
    metric: z.string().min(1).max(200),
    higherIsBetter: z.boolean().nullable(),
    lowerBound: boundedValueSchema.nullable(),
    upperBound: boundedValueSchema.nullable(),
    source: sourceLocationSchema,
  })
  .refine((f) => f.lowerBound === null || f.upperBound === null || f.lowerBound < f.upperBound, {
    message: "lowerBound must be below upperBound",
    path: ["lowerBound"],
  });
export type ParsedMetricFact = z.infer<typeof parsedMetricFactSchema>;

export const fileFormatSchema = z.enum([
  "lm-eval-v0.3",
  "lm-eval-v0.4",
  "csv-long",
  "csv-wide",
  "helm-run",
  "inspect-log",
  "every-eval-ever",
  "opencompass-csv",
  /** lm-eval samples_<task>_<date>.jsonl: items only, its results are in results_<date>.json beside it */
  "lm-eval-samples",
]);
export type FileFormat = z.infer<typeof fileFormatSchema>;

export const parsedFileSchema = z.object({
  format: fileFormatSchema,
  results: z.array(parsedResultSchema),
  modelFacts: z.array(modelFactSchema),
  /** metric directions per task the file states (lm-eval v0.4 `higher_is_better`, Every Eval Ever `lower_is_better`) */
  directions: z.array(parsedDirectionSchema).default([]),
  /** metric direction and bounds the file states; only Every Eval Ever has them */
  metricFacts: z.array(parsedMetricFactSchema).default([]),
  /** cells / metrics skipped because missing (empty CSV cell, sentinel -100, NaN) */
  missingValues: z.number().int().min(0),
});
export type ParsedFile = z.infer<typeof parsedFileSchema>;
/** A parser's output before validation fills the defaults (isGroup, metricFacts, developer, directions). */
export type ParsedFileDraft = z.input<typeof parsedFileSchema>;

import { z } from "zod";
import { scaleFactSchema } from "@/lib/schemas/number-limits";
import { refuseHiddenCharacters } from "@/lib/schemas/safe-name";

/** A name under the rule uploads and registry edits apply (lib/schemas/safe-name.ts). */
const name = z.string().min(1).superRefine(refuseHiddenCharacters);

const positive = z.number().refine(Number.isFinite, "must be a finite number").pipe(z.number().positive());

/** One model of the registry. Unknown scale facts are null, never 0. */
export const modelEntrySchema = z.object({
  /** canonical name, or (from --models) a glob with `*` */
  name,
  aliases: z.array(name),
  family: name.nullable(),
  /** total parameters */
  parameters: scaleFactSchema.nullable(),
  /** pre-training tokens */
  tokens: scaleFactSchema.nullable(),
  /** pre-training FLOPs */
  flops: scaleFactSchema.nullable(),
  /** true when flops is 6·N·D rather than reported by the authors */
  flopsEstimated: z.boolean(),
  tokensPerStep: positive.nullable(),
  finalStep: z.number().int().positive().nullable(),
  source: z.string(),
  note: z.string(),
});
export type ModelEntry = z.infer<typeof modelEntrySchema>;

export const taskEntrySchema = z.object({
  task: z.string().min(1),
  suite: z.string(),
  /** random-guess score of the task's accuracy-type metric; null = not defined or unknown */
  chance: z.number().min(0).max(1).nullable(),
  chanceSource: z.string(),
  itemCount: z.number().int().positive().nullable(),
});
export type TaskEntry = z.infer<typeof taskEntrySchema>;

export const metricEntrySchema = z.object({
  metric: z.string().min(1),
  higherIsBetter: z.boolean().nullable(),
  lowerBound: z.number().nullable(),
  upperBound: z.number().nullable(),
  kind: z.enum(["continuous", "discrete"]),
  note: z.string(),
});
export type MetricEntry = z.infer<typeof metricEntrySchema>;

/** The chance level of one task under one metric, where the task's own (accuracy-type) level is not the answer. */
export const taskMetricEntrySchema = z.object({
  task: z.string().min(1),
  metric: z.string().min(1),
  /** null: this metric has no chance level on this task */
  chance: z.number().refine(Number.isFinite, "must be a finite number").nullable(),
  chanceSource: z.string().min(1, "is required: say where the level (or its absence) comes from"),
});
export type TaskMetricEntry = z.infer<typeof taskMetricEntrySchema>;

export interface Registry {
  models: ModelEntry[];
  tasks: TaskEntry[];
  metrics: MetricEntry[];
  taskMetrics: TaskMetricEntry[];
}

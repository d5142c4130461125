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
  trainingTokens: scaleFactSchema.nullable(),
  /** pre-training FLOPs */
  trainingFlops: scaleFactSchema.nullable(),
  /** true when flops is 6·N·D rather than reported by the authors */
  flopsEstimated: z.boolean(),
  tokensPerStep: positive.nullable(),
  finalStep: z.number().int().positive().nullable(),
  source: z.string(),
  note: z.string(),
});
export type ModelEntry = z.infer<typeof modelEntrySchema>;

/** What ingest knows about a model, from a registry entry or the store: unknown facts null, the source null when unstated. */
export const registryModelSchema = modelEntrySchema.omit({ note: true, source: true }).extend({ source: z.string().nullable() });
export type RegistryModel = z.infer<typeof registryModelSchema>;

export const taskEntrySchema = z.object({
  name: z.string().min(1),
  suite: z.string().nullable(),
  /** random-guess score of the task's accuracy-type metric; null = not defined or unknown */
  chance: z.number().min(0).max(1).nullable(),
  chanceSource: z.string().nullable(),
  itemCount: z.number().int().positive().nullable(),
});
/** A task as the registry and ingest know it. */
export type RegistryTask = z.infer<typeof taskEntrySchema>;

export const metricEntrySchema = z.object({
  name: z.string().min(1),
  higherIsBetter: z.boolean().nullable(),
  lowerBound: z.number().nullable(),
  upperBound: z.number().nullable(),
  /** null: a stored metric whose kind no registry row states */
  kind: z.enum(["continuous", "discrete"]).nullable(),
});
/** A metric as the registry and ingest know it. */
export type RegistryMetric = z.infer<typeof metricEntrySchema>;

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
  tasks: RegistryTask[];
  metrics: RegistryMetric[];
  taskMetrics: TaskMetricEntry[];
}

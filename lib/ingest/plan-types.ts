import type { FileFormat } from "@/lib/schemas/parsed-file";

/** What the registry knows about a model. Unknown facts are null. */
export type RegistryModel = {
  name: string;
  family: string | null;
  parameters: number | null;
  trainingTokens: number | null;
  trainingFlops: number | null;
  flopsEstimated: boolean;
  tokensPerStep: number | null;
  finalStep: number | null;
  source: string | null;
  aliases: string[];
};

export type RegistryTask = {
  name: string;
  suite: string | null;
  chance: number | null;
  chanceSource: string | null;
  itemCount: number | null;
};

export type RegistryMetric = {
  name: string;
  higherIsBetter: boolean | null;
  lowerBound: number | null;
  upperBound: number | null;
  kind: "continuous" | "discrete" | null;
};

/** What the ingest writes about one metric of one task (task_metric): the file's direction, the registry's chance. */
export type TaskMetricPlan = {
  task: string;
  metric: string;
  higherIsBetter: boolean | null;
  /** where the direction came from: "<file>: higher_is_better.<task>.<metric>" */
  directionSource: string | null;
  chance: number | null;
  /** non-null when the registry has an entry for this task and metric (its chance, possibly none, then decides) */
  chanceSource: string | null;
};

export type CheckpointPlan = {
  model: string;
  revision: string;
  step: number | null;
  tokensSeen: number | null;
  isFinal: boolean;
};

/** The lookups planning needs; lib/registry provides the real one. */
export interface RegistryLookup {
  resolveModel(name: string): ModelPlan | null;
  task(name: string): RegistryTask | null;
  metric(name: string): RegistryMetric | null;
  /** the chance level of a task under one metric (data/registry/task-metrics.csv), when listed */
  taskMetric?(task: string, metric: string): { chance: number | null; chanceSource: string } | null;
}

export type ModelPlan = RegistryModel & {
  /** facts supplied explicitly (--models, upload mapping) replace stored ones; seed facts only fill gaps */
  overwrite: boolean;
};

/** Result rows as parallel columns, ready for an unnest() insert. */
export type ResultColumns = {
  model: string[];
  revision: string[];
  task: string[];
  metric: string[];
  shots: (number | null)[];
  filter: string[];
  value: number[];
  stderr: (number | null)[];
  n: (number | null)[];
};

export type IngestPlan = {
  fileName: string;
  format: FileFormat;
  models: ModelPlan[];
  checkpoints: CheckpointPlan[];
  tasks: RegistryTask[];
  metrics: RegistryMetric[];
  taskMetrics: TaskMetricPlan[];
  rows: ResultColumns;
  /** canonical names of models stored without any scale fact */
  unknownScaleModels: string[];
  missingValues: number;
};

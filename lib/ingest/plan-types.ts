import type { FileFormat } from "@/lib/schemas/parsed-file";
import type { RegistryMetric, RegistryModel, RegistryTask } from "@/lib/schemas/registry";

export type { RegistryMetric, RegistryModel, RegistryTask };

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
  /** tasks the file gives as aggregates of others (lm-eval groups, OpenCompass summaries): stored marked as groups */
  groupTasks: string[];
  metrics: RegistryMetric[];
  taskMetrics: TaskMetricPlan[];
  rows: ResultColumns;
  /** canonical names of models stored without any scale fact */
  unknownScaleModels: string[];
  missingValues: number;
};

import type { ScaleAxis, ViewAxis } from "@/lib/schemas/curves";
import { formatExponent, formatScale } from "./scale-format";

/** A model's scale as the analysis reads it (camel-case fields of a result row). */
export type ModelScale = {
  parameters: number | null;
  trainingTokens: number | null;
  trainingFlops: number | null;
};

type AxisSpec = {
  /** the axis as a chart and a figure title name it */
  label: string;
  /** the axis as the task page's picker offers it */
  choice: string;
  /** the column that holds it (model table, or checkpoint for the checkpoint axis) */
  column: "parameters" | "training_tokens" | "training_flops" | "tokens_seen";
  /** the column that says the value was estimated, where the registry records that */
  estimatedColumn: "flops_estimated" | null;
  /** how a value reads: sizes as 1.4B, FLOPs as 1.2e21 (the way papers write them) */
  format: (value: number) => string;
};

/** Every x axis of a view: the one table db queries, the analysis, chart preparers, pickers and figures read. */
export const AXES: Record<ViewAxis, AxisSpec> = {
  params: { label: "Parameters", choice: "Parameters", column: "parameters", estimatedColumn: null, format: formatScale },
  tokens: { label: "Training tokens", choice: "Training tokens", column: "training_tokens", estimatedColumn: null, format: formatScale },
  flops: { label: "Training FLOPs", choice: "Training FLOPs", column: "training_flops", estimatedColumn: "flops_estimated", format: formatExponent },
  checkpoint: { label: "Tokens seen in training", choice: "Checkpoints: tokens seen", column: "tokens_seen", estimatedColumn: null, format: formatScale },
};

/** The axes of final models, each analysed for a verdict; the checkpoint axis is one model's training run. */
export const SCALE_AXES: ScaleAxis[] = ["params", "tokens", "flops"];
export const VIEW_AXES: ViewAxis[] = [...SCALE_AXES, "checkpoint"];

const SCALE_FIELDS: Record<ScaleAxis, keyof ModelScale> = { params: "parameters", tokens: "trainingTokens", flops: "trainingFlops" };

/** A model's value on a scale axis; null when the registry does not know it. */
export function scaleOn(scale: ModelScale, axis: ScaleAxis): number | null {
  return scale[SCALE_FIELDS[axis]];
}

export function formatAxisValue(value: number, axis: ViewAxis): string {
  return AXES[axis].format(value);
}

import type { ScaleAxis } from "@/lib/schemas/curves";
import { SCALE_AXES, scaleOn } from "@/lib/domain/scale-axes";
import { chanceForMetric } from "./chance-for-metric";
import { NO_FAMILY } from "@/lib/domain/no-family";
import type { CurveInput } from "./types";

/** One stored result of a final checkpoint, with what the analysis needs about its task, metric and model. */
export type CurvePointRow = {
  task: string;
  metric: string;
  shots: number | null;
  filter: string;
  /** the task's chance level (accuracy-type metrics) */
  chance: number | null;
  /** the task-metric registry's chance level and its source (null source: no entry) */
  taskMetricChance: number | null;
  taskMetricChanceSource: string | null;
  /** the direction as the file said it for this task (lm-eval higher_is_better), else the metric registry's */
  higherIsBetter: boolean | null;
  lowerBound: number | null;
  upperBound: number | null;
  kind: string | null;
  family: string;
  model: string;
  parameters: number | null;
  trainingTokens: number | null;
  trainingFlops: number | null;
  value: number;
  stderr: number | null;
  n: number | null;
};

/** The id of a task view (all families), and of one family's curve on it. */
export function toGroupId(task: string, metric: string, shots: number | null, filter: string, axis: ScaleAxis): string {
  return `${task}|${metric}|${shots ?? "unknown"}|${filter}|${axis}`;
}

/**
 * Groups stored results into one curve per family, task view (task × metric ×
 * shots × filter) and scale axis. Results of different filters are different
 * measurements and never share a curve. A model without a value on an axis is
 * left off that axis's curve, never placed. Models without a family form no curve: unrelated
 * models (the fine-tunes and merges of many labs on a leaderboard) are not a scaling family,
 * so they are plotted as NO_FAMILY but never judged.
 */
export function toCurveInputs(rows: CurvePointRow[]): CurveInput[] {
  const curves = new Map<string, CurveInput>();
  for (const row of rows) {
    if (row.family === NO_FAMILY) continue;
    for (const axis of SCALE_AXES) {
      const x = scaleOn(row, axis);
      if (x === null) continue;
      const groupId = toGroupId(row.task, row.metric, row.shots, row.filter, axis);
      const id = `${groupId}|${row.family}`;
      let curve = curves.get(id);
      if (!curve) {
        curve = {
          id,
          family: row.family,
          groupId,
          chance: chanceForMetric(row.chance, row, { chance: row.taskMetricChance, source: row.taskMetricChanceSource }),
          metric: {
            higherIsBetter: row.higherIsBetter,
            lowerBound: row.lowerBound,
            upperBound: row.upperBound,
            kind: row.kind === "continuous" || row.kind === "discrete" ? row.kind : null,
          },
          points: [],
        };
        curves.set(id, curve);
      }
      curve.points.push({ model: row.model, x, value: row.value, stderr: row.stderr, n: row.n });
    }
  }
  return [...curves.values()];
}

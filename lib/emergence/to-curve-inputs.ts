import type { ScaleAxis } from "@/lib/schemas/curves";
import { chanceForMetric } from "./chance-for-metric";
import type { CurveInput } from "./types";

/** One stored result of a final checkpoint, with what the analysis needs about its task, metric and model. */
export type CurvePointRow = {
  task: string;
  metric: string;
  shots: number | null;
  chance: number | null;
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

export const AXES: ScaleAxis[] = ["params", "tokens", "flops"];

/** The id of a task view (all families), and of one family's curve on it. */
export function toGroupId(task: string, metric: string, shots: number | null, axis: ScaleAxis): string {
  return `${task}|${metric}|${shots ?? "unknown"}|${axis}`;
}

function scaleOn(row: CurvePointRow, axis: ScaleAxis): number | null {
  return axis === "params" ? row.parameters : axis === "tokens" ? row.trainingTokens : row.trainingFlops;
}

/**
 * Groups stored results into one curve per family, task view and scale axis.
 * A model without a value on an axis is left off that axis's curve, never placed.
 */
export function toCurveInputs(rows: CurvePointRow[]): CurveInput[] {
  const curves = new Map<string, CurveInput>();
  for (const row of rows) {
    for (const axis of AXES) {
      const x = scaleOn(row, axis);
      if (x === null) continue;
      const groupId = toGroupId(row.task, row.metric, row.shots, axis);
      const id = `${groupId}|${row.family}`;
      let curve = curves.get(id);
      if (!curve) {
        curve = {
          id,
          family: row.family,
          groupId,
          chance: chanceForMetric(row.chance, row),
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

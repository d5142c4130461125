import type { AnalysedPoint, Flag } from "@/lib/schemas/analysis";

/** One family's curve on one task view, as the caller hands it to analyzeCurves. */
export type CurveInput = {
  /** stable identity, e.g. `${task}|${metric}|${shots}|${filter}|${axis}|${family}`; seeds derive from it */
  id: string;
  family: string;
  /** `${task}|${metric}|${shots}|${filter}|${axis}`: the curves of all families on the same task view */
  groupId: string;
  /** the chance level of this task under this metric, in metric units; null = unknown or not applicable */
  chance: number | null;
  metric: {
    /** null = unknown: no verdict that needs a direction is given */
    higherIsBetter: boolean | null;
    lowerBound: number | null;
    upperBound: number | null;
    kind: "continuous" | "discrete" | null;
  };
  points: { model: string; x: number; value: number; stderr: number | null; n: number | null }[];
};

export type AnalyzeOptions = { seed?: number; bootstrap?: number };

/**
 * A curve ready for the numerics: one entry per distinct scale, sorted by t,
 * in "oriented" units u = dir · value so that improving with scale is always
 * upward (dir = −1 for lower-is-better metrics; +1 when the direction is
 * unknown, which only descriptive numbers use). Bounds and chance are oriented too.
 */
export type PreparedCurve = {
  t: Float64Array;
  u: Float64Array;
  /** standard error of each u (> 0) */
  se: Float64Array;
  /** 1 / se² */
  w: Float64Array;
  dir: 1 | -1;
  chance: number | null;
  lo: number | null;
  hi: number | null;
  /** true when se is a common sigma estimated from linear-fit residuals */
  sigmaEstimated: boolean;
};

export type PreparedResult = {
  points: AnalysedPoint[];
  scales: number;
  notes: string[];
  flags: Flag[];
  /** null when the curve cannot be analysed; `insufficient` then carries why */
  curve: PreparedCurve | null;
  insufficient: string | null;
};

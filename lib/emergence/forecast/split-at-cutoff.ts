import type { PreparedCurve } from "../types";
import type { TrainingSet } from "./fit-forecast-form";

/** A prepared curve cut at a scale: the points below it to fit, the index of the first one to forecast. */
export type CutCurve = { train: TrainingSet & { se: Float64Array }; first: number };

/** Null when nothing lies below the cutoff; `first` equals the curve's length when nothing lies at or above it. */
export function splitAtCutoff(curve: PreparedCurve, cutoff: number): CutCurve | null {
  const cutoffT = Math.log10(cutoff);
  const found = curve.t.findIndex((t) => t >= cutoffT);
  const first = found === -1 ? curve.t.length : found;
  if (first === 0) return null;
  const part = (a: Float64Array) => a.subarray(0, first);
  return { train: { t: part(curve.t), u: part(curve.u), se: part(curve.se), w: part(curve.w), chance: curve.chance, hi: curve.hi }, first };
}

/** A forecast point back in the metric's own units and scale: x, and a band whose ends swap for lower-is-better metrics. */
export function toMetricUnits(p: { t: number; mean: number; lower: number; upper: number }, dir: 1 | -1) {
  const [lower, upper] = dir === 1 ? [p.lower, p.upper] : [-p.upper, -p.lower];
  return { x: 10 ** p.t, mean: dir * p.mean, lower, upper };
}

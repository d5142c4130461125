import { NULL_SHAPES, POWER_SHAPES, type ShapeName } from "./calibration-shapes";
import type { CalibrationCell, CellResult } from "./run-calibration";

export const LIFTS = [0.1, 0.2, 0.4];
export const SIZES = [5, 8, 12];
export const ERRORS = [0.01, 0.02];
export const DECADES = 3;
/** The setting the targets are stated for: 8 sizes over 3 decades, se ≈ 0.015. */
export const TARGET_SETTING = { sizes: 8, decades: DECADES, se: 0.015 };
export const MAX_FALSE_POSITIVE = 0.05;
export const MIN_POWER = 0.9;

const SHAPES: ShapeName[] = [...NULL_SHAPES, "boundary", ...POWER_SHAPES];

/** Every shape × lift at the target setting, then at each number of sizes × standard error. */
export function calibrationGrid(): CalibrationCell[] {
  const settings = [TARGET_SETTING, ...SIZES.flatMap((sizes) => ERRORS.map((se) => ({ sizes, decades: DECADES, se })))];
  return settings.flatMap((s) => SHAPES.flatMap((shape) => LIFTS.map((lift) => ({ shape, lift, ...s }))));
}

export type TargetCheck = { claim: string; measured: number; bound: number; met: boolean; cell: CellResult };

const atTarget = (r: CellResult) => r.sizes === TARGET_SETTING.sizes && r.se === TARGET_SETTING.se && r.decades === TARGET_SETTING.decades;
export const abruptShare = (r: CellResult) => r.counts.abrupt / r.reps;

/**
 * The targets at 8 sizes over 3 decades, se 0.015: "abrupt" on at most 5 %
 * of every smooth class (at every lift), and on at least 90 % of steps of 0.2 or
 * more and of sigmoids at most 0.5 decades wide (at every lift of 0.2 or more).
 */
export function checkTargets(results: CellResult[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const r of results.filter(atTarget)) {
    const share = abruptShare(r);
    if (NULL_SHAPES.includes(r.shape)) {
      checks.push({ claim: `false "abrupt" on ${r.shape}, lift ${r.lift}`, measured: share, bound: MAX_FALSE_POSITIVE, met: share <= MAX_FALSE_POSITIVE, cell: r });
    } else if (POWER_SHAPES.includes(r.shape) && r.lift >= 0.2) {
      checks.push({ claim: `"abrupt" found on ${r.shape}, lift ${r.lift}`, measured: share, bound: MIN_POWER, met: share >= MIN_POWER, cell: r });
    }
  }
  return checks;
}

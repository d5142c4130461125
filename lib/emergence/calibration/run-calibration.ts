import type { Verdict } from "@/lib/schemas/analysis";
import { analyzeCurves } from "../analyze-curves";
import { hashSeed } from "../hash-seed";
import { createRandom } from "../random";
import type { CurveInput } from "../types";
import { CHANCE, drawShape, type ShapeName } from "./calibration-shapes";

/** One cell of the calibration grid: a shape at a lift, with a number of sizes over a span, and a standard error. */
export type CalibrationCell = { shape: ShapeName; lift: number; sizes: number; decades: number; se: number };

export type CellResult = CalibrationCell & { reps: number; counts: Record<Verdict, number>; smallestP: number };

const PROPORTION: CurveInput["metric"] = { higherIsBetter: true, lowerBound: 0, upperBound: 1, kind: "discrete" };

export function cellId(c: CalibrationCell): string {
  return `${c.shape}|${c.lift}|${c.sizes}|${c.decades}|${c.se}`;
}

/** The scales of a cell: `sizes` evenly spaced in log10 over `decades`, from 1e8. */
export function cellScales(c: CalibrationCell): Float64Array {
  return Float64Array.from({ length: c.sizes }, (_, i) => 8 + (c.decades * i) / (c.sizes - 1));
}

/**
 * Simulates `reps` curves of a cell and runs each through analyzeCurves, the
 * composition production runs, one curve per view (as a family on its own task):
 * every value is the true curve plus Normal(0, se) noise (and, for a scattered
 * shape, Normal(0, se) more that the reported error does not cover), reported
 * with stderr = se. Seeded per cell: the same seed gives the same counts.
 */
export function runCell(cell: CalibrationCell, reps: number, seed: number): CellResult {
  const random = createRandom(hashSeed(cellId(cell), seed));
  const t = cellScales(cell);
  const curves: CurveInput[] = [];
  for (let r = 0; r < reps; r++) {
    const { f, scatter } = drawShape(cell.shape, t, cell.lift, random);
    const group = `calibration-${cellId(cell)}-${r}|acc|0|none|params`;
    curves.push({
      id: `${group}|sim`,
      family: "sim",
      groupId: group,
      chance: CHANCE,
      metric: PROPORTION,
      points: Array.from(t, (x, i) => ({
        model: `m${i}`,
        x: 10 ** x,
        value: f(x) + cell.se * random.normal() + scatter * cell.se * random.normal(),
        stderr: cell.se,
        n: null,
      })),
    });
  }
  const counts = { abrupt: 0, smooth: 0, "near-floor": 0, flat: 0, declining: 0, "suspect-zero": 0, "cannot-tell": 0 } as Record<Verdict, number>;
  let smallestP = 1;
  for (const a of analyzeCurves(curves, { seed })) {
    counts[a.verdict]++;
    if (a.transition) smallestP = Math.min(smallestP, a.transition.pAbrupt);
  }
  return { ...cell, reps, counts, smallestP };
}

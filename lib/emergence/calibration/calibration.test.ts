import { describe, expect, it } from "vitest";
import { checkTargets, MAX_FALSE_POSITIVE, MIN_POWER, TARGET_SETTING } from "./calibration-grid";
import { drawShape } from "./calibration-shapes";
import { formatCalibration, wilson } from "./format-calibration";
import { cellScales, runCell, type CalibrationCell } from "./run-calibration";
import { createRandom } from "../random";

// The small seeded version of `npm run calibrate` (docs/calibration.md): the same code, fewer curves.
const REPS = 100;
const SEED = 11;
const at = (shape: CalibrationCell["shape"], lift: number): CalibrationCell => ({ shape, lift, ...TARGET_SETTING });

describe("calibration at 8 sizes over 3 decades, se 0.015 (seeded, 100 curves a cell)", () => {
  it.each([
    ["line", 0.2],
    ["line", 0.4],
    ["concave", 0.4],
    ["convex", 0.4],
    ["wide-sigmoid", 0.4],
    ["scattered-line", 0.4],
  ] as const)("calls at most 5 percent of %s curves (lift %s) abrupt", (shape, lift) => {
    const r = runCell(at(shape, lift), REPS, SEED);
    expect(r.counts.abrupt / REPS).toBeLessThanOrEqual(MAX_FALSE_POSITIVE);
  });

  it.each([
    ["step", 0.2],
    ["step", 0.4],
    ["sigmoid-0.25", 0.4],
    ["sigmoid-0.5", 0.4],
  ] as const)("finds at least 90 percent of %s curves (lift %s) abrupt", (shape, lift) => {
    const r = runCell(at(shape, lift), REPS, SEED);
    expect(r.counts.abrupt / REPS).toBeGreaterThanOrEqual(MIN_POWER);
  });

  it("is reproducible: the same seed gives the same counts", () => {
    expect(runCell(at("boundary", 0.2), 30, SEED)).toEqual(runCell(at("boundary", 0.2), 30, SEED));
  });
});

describe("calibration parts", () => {
  it("draws each shape through chance at the smallest size and rising by the lift", () => {
    const t = cellScales(at("line", 0.4));
    const random = createRandom(1);
    for (const shape of ["line", "concave", "convex"] as const) {
      const { f } = drawShape(shape, t, 0.4, random);
      expect(f(t[0])).toBeCloseTo(0.25, 12);
      expect(f(t[t.length - 1])).toBeCloseTo(0.65, 12);
    }
    const { f } = drawShape("step", t, 0.4, random);
    expect(new Set(Array.from(t, (x) => f(x))).size).toBe(2);
  });

  it("gives Wilson intervals that contain the share and stay in [0, 1]", () => {
    const [lo, hi] = wilson(0, 100);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(0.037, 3);
    const [a, b] = wilson(50, 100);
    expect(a).toBeLessThan(0.5);
    expect(b).toBeGreaterThan(0.5);
  });

  it("reports a missed target with how much it missed by", () => {
    const result = { ...at("sigmoid-0.5", 0.2), reps: 10, smallestP: 0.01, counts: { abrupt: 5, smooth: 0, "near-floor": 0, flat: 0, declining: 0, "suspect-zero": 0, "cannot-tell": 5 } };
    const [check] = checkTargets([result]);
    expect(check.met).toBe(false);
    const report = formatCalibration([result], { seed: 1, reps: 10, seconds: 1, machine: "test" });
    expect(report).toContain("short by 40.0 %");
  });
});

import { describe, expect, it } from "vitest";
import { toPairedSteps } from "./paired-steps";
import { plantedMatrix } from "./planted-matrix";
import { itemBootstrapIntervals } from "./item-bootstrap";

describe("toPairedSteps", () => {
  it("finds the planted jump with the paired test and no jump at the quiet steps", () => {
    const steps = toPairedSteps(plantedMatrix({ items: 400, planted: 60, worse: 0, flipAt: 3 }));
    expect(steps.map((s) => [s.from, s.to])).toEqual([["m0", "m1"], ["m1", "m2"], ["m2", "m3"], ["m3", "m4"], ["m4", "m5"]]);
    const jump = steps[2];
    expect(jump.significant).toBe(true);
    expect(jump.pAdjusted).toBeLessThan(1e-6);
    expect(jump.secondOnly).toBeGreaterThanOrEqual(60);
    expect(jump.interval[0]).toBeGreaterThan(0);
    expect(jump.effect).toBeGreaterThan(jump.interval[0]);
    expect(jump.effect).toBeLessThan(jump.interval[1]);
    expect(steps.filter((s) => s.significant)).toHaveLength(1);
  });

  it("sees a change of 6 points on 200 items that two independent 95% intervals do not separate", () => {
    // 12 items gained, none lost: accuracy 0.50 → 0.56; Wald intervals ±0.069 each overlap, McNemar p = 2 / 2^12
    const items = Array.from({ length: 200 }, (_, i) => ({ key: String(i), values: [i < 100 ? 1 : 0, i < 112 ? 1 : 0] }));
    const [step] = toPairedSteps({ models: [{ model: "a", x: 1 }, { model: "b", x: 2 }], items });
    expect(step.p).toBeCloseTo(2 / 4096, 12);
    expect(step.significant).toBe(true);
    const half = (p: number) => 1.96 * Math.sqrt((p * (1 - p)) / 200);
    expect(0.5 + half(0.5)).toBeGreaterThan(0.56 - half(0.56));
  });
});

describe("itemBootstrapIntervals", () => {
  it("covers each model's mean, is seeded, and narrows with more items", () => {
    const matrix = plantedMatrix({ items: 400, planted: 60, worse: 0, flipAt: 3 });
    const columns = matrix.models.map((_, m) => Float64Array.from(matrix.items.map((i) => i.values[m] as number)));
    const a = itemBootstrapIntervals(columns, { seed: 7, draws: 500 });
    expect(itemBootstrapIntervals(columns, { seed: 7, draws: 500 })).toEqual(a);
    columns.forEach((column, m) => {
      const mean = column.reduce((s, v) => s + v, 0) / column.length;
      const [lo, hi] = a[m]!;
      expect(lo).toBeLessThan(mean);
      expect(hi).toBeGreaterThan(mean);
      // close to the binomial ±1.96·sqrt(p(1 − p)/n)
      expect(hi - lo).toBeCloseTo(2 * 1.96 * Math.sqrt((mean * (1 - mean)) / 400), 1);
    });
    const small = itemBootstrapIntervals([columns[0].slice(100, 140)], { seed: 7, draws: 500 });
    expect(small[0]![1] - small[0]![0]).toBeGreaterThan(a[0]![1] - a[0]![0]);
    expect(itemBootstrapIntervals([new Float64Array(0)], { seed: 1 })).toEqual([null]);
  });
});

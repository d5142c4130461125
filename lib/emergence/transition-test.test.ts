import { describe, expect, it } from "vitest";
import { createTransitionDesign } from "./transition-design";
import { testTransition } from "./transition-test";

const t = Float64Array.from({ length: 8 }, (_, i) => 8 + (3 * i) / 7);
const design = createTransitionDesign(t, 1);
const bounds = { lo: 0, hi: 1, rising: true };
const se = new Float64Array(8).fill(0.01);
const sigmoid = (x: number, m: number, w: number) => 1 / (1 + Math.exp((-Math.log(81) * (x - m)) / w));

describe("createTransitionDesign", () => {
  it("spans a step to ten times the range and contains W exactly, splitting the classes there", () => {
    expect(design.widths[0]).toBeCloseTo(0.02, 12);
    expect(design.widths[design.widths.length - 1]).toBeCloseTo(30, 6);
    expect(design.widths[design.boundary]).toBe(1);
    expect(design.widths[design.boundary - 1]).toBeLessThan(1);
  });
});

describe("testTransition", () => {
  it("recovers a sigmoid's width and midpoint from exact values", () => {
    const u = Float64Array.from(t, (x) => 0.25 + 0.5 * sigmoid(x, 9.5, 0.4));
    const r = testTransition(design, u, se, bounds);
    expect(r.best.width).toBeGreaterThan(0.3);
    expect(r.best.width).toBeLessThan(0.5);
    expect(r.midpoint!.estimate).toBeCloseTo(9.5, 1);
    expect(r.tau2).toBe(0);
  });

  it("is symmetric: a line rejects the sharp class, a step rejects the smooth class", () => {
    const line = testTransition(design, Float64Array.from(t, (x) => 0.3 + 0.1 * (x - 8)), se, bounds);
    expect(line.pSmooth).toBeLessThan(1e-6);
    expect(line.pAbrupt).toBe(1);
    expect(line.width.upper).toBeNull();
    const step = testTransition(design, Float64Array.from(t, (x) => (x < 9.6 ? 0.25 : 0.6)), se, bounds);
    expect(step.pAbrupt).toBeLessThan(1e-6);
    expect(step.pSmooth).toBe(1);
    expect(step.width.upper).toBeLessThan(1);
  });

  it("adds between-model scatter when the best fit misses the points by more than their errors", () => {
    const wiggle = [0.05, -0.04, 0.06, -0.05, 0.04, -0.06, 0.05, -0.04];
    const r = testTransition(design, Float64Array.from(t, (x, i) => 0.3 + 0.1 * (x - 8) + wiggle[i]), se, bounds);
    expect(Math.sqrt(r.tau2)).toBeGreaterThan(0.03);
    // with the scatter counted, a wiggly line is not called sharp
    expect(r.pAbrupt).toBeGreaterThan(0.05);
  });
});

import { describe, expect, it } from "vitest";
import { basisSums, fitLinearBounded, type BasisSums, type LinearBounds } from "./bounded-least-squares";

const g = [0, 0, 0.5, 1, 1];
const sums = (u: number[]): BasisSums => basisSums([1, 1, 1, 1, 1], g, u, { sw: 0, swg: 0, swgg: 0, swu: 0, swuu: 0, swgu: 0 });
const fit = (u: number[], bounds: LinearBounds) => fitLinearBounded(sums(u), bounds, { a: 0, b: 0, chi2: 0 });

describe("fitLinearBounded: u ≈ a + b·g within lo ≤ a, a + b ≤ hi, b ≥ 0", () => {
  it("returns the free optimum when it is feasible", () => {
    const r = fit([0.2, 0.2, 0.5, 0.8, 0.8], { lo: 0, hi: 1, rising: true });
    expect(r.a).toBeCloseTo(0.2, 12);
    expect(r.b).toBeCloseTo(0.6, 12);
    expect(r.chi2).toBeCloseTo(0, 12);
  });

  it("holds the floor at its bound when the data pull it below", () => {
    const r = fit([-0.1, -0.1, 0.35, 0.8, 0.8], { lo: 0, hi: 1, rising: true });
    expect(r.a).toBe(0);
    expect(r.b).toBeGreaterThan(0.7);
  });

  it("holds the top at its bound when the data pull it above", () => {
    const r = fit([0.2, 0.2, 0.7, 1.2, 1.2], { lo: 0, hi: 1, rising: true });
    expect(r.a + r.b).toBeCloseTo(1, 12);
  });

  it("gives a constant when the data fall and the form must rise", () => {
    const r = fit([0.8, 0.8, 0.5, 0.2, 0.2], { lo: 0, hi: 1, rising: true });
    expect(r.b).toBe(0);
    expect(r.a).toBeCloseTo(0.5, 12);
  });

  it("lets a falling line through when nothing is bounded", () => {
    const r = fit([0.8, 0.8, 0.5, 0.2, 0.2], { lo: null, hi: null, rising: false });
    expect(r.b).toBeCloseTo(-0.6, 12);
  });
});

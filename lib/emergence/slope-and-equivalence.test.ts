import { describe, expect, it } from "vitest";
import { testEquivalence } from "./equivalence-test";
import { mergeTies } from "./merge-ties";
import { testSlope } from "./slope-test";

describe("testSlope (weighted least squares, t with n − 2 dof)", () => {
  it("matches an ordinary regression when the errors are equal (R: summary(lm(u ~ t)))", () => {
    const t = [1, 2, 3, 4, 5, 6];
    const u = [1.1, 1.9, 3.2, 3.8, 5.1, 6.2];
    // lm: slope 1.02, se 0.0427618, t = 23.8531, p = 1.83190e-5
    const r = testSlope(t, u, t.map(() => 1))!;
    expect(r.estimate).toBeCloseTo(1.02, 10);
    expect(r.se).toBeCloseTo(0.0427618, 6);
    expect(r.dof).toBe(4);
    expect(r.t).toBeCloseTo(23.8531, 3);
    expect(Math.abs(r.pValue - 1.8319e-5) / 1.8319e-5).toBeLessThan(1e-3);
  });

  it("does not depend on the scale of the errors, only on their ratios", () => {
    const t = [1, 2, 3, 4, 5];
    const u = [0.3, 0.25, 0.35, 0.3, 0.4];
    const a = testSlope(t, u, [0.01, 0.01, 0.02, 0.02, 0.01])!;
    const b = testSlope(t, u, [0.1, 0.1, 0.2, 0.2, 0.1])!;
    expect(b.pValue).toBeCloseTo(a.pValue, 12);
  });
});

describe("testEquivalence (two one-sided tests per point)", () => {
  it("passes only when every point's bound is inside the margin", () => {
    const pass = testEquivalence([0.25, 0.26, 0.24], [0.01, 0.01, 0.01], { kind: "floor", value: 0.25 }, 0.05, 0.05);
    expect(pass.passed).toBe(true);
    expect(pass.shown).toBeCloseTo(0.01 + 1.644854 * 0.01, 5);
    const fail = testEquivalence([0.25, 0.26, 0.24], [0.01, 0.03, 0.01], { kind: "floor", value: 0.25 }, 0.05, 0.05);
    expect(fail.passed).toBe(false);
  });

  it("tests against the curve's own mean with the variance of u − m", () => {
    const r = testEquivalence([0.6, 0.61, 0.59, 0.6], [0.01, 0.01, 0.01, 0.01], { kind: "level" }, 0.05, 0.05);
    expect(r.value).toBeCloseTo(0.6, 12);
    expect(r.shown).toBeCloseTo(0.01 + 1.644854 * Math.sqrt(1e-4 - 1e-4 / 4), 5);
  });
});

describe("mergeTies", () => {
  it("keeps a single point as it is", () => {
    expect(mergeTies([{ model: "a", value: 0.4, se: 0.01 }], 0.05)).toEqual({ value: 0.4, se: 0.01, conflict: null, unchecked: false });
  });

  it("averages without errors and says it could not check", () => {
    const m = mergeTies([{ model: "a", value: 0.4, se: null }, { model: "b", value: 0.6, se: 0.01 }], 0.05);
    expect(m).toMatchObject({ value: 0.5, se: null, unchecked: true, conflict: null });
  });
});

import { describe, expect, it } from "vitest";
import { chiSquareUpperTail } from "./chi-square";
import { logGamma, studentUpperTail } from "./student-t";

// Reference values from R: pt(q, df, lower.tail = FALSE), pchisq(q, df, lower.tail = FALSE), lgamma(x).
describe("distributions", () => {
  it.each([
    [2.446912, 6, 0.025],
    [1.812461, 10, 0.05],
    [12.7062, 1, 0.025],
    [-1.812461, 10, 0.95],
    [0, 4, 0.5],
    [30, 6, 4.549574e-8],
  ])("P(T > %s) with %s dof = %s", (t, dof, p) => {
    expect(Math.abs(studentUpperTail(t, dof) - p) / p).toBeLessThan(1e-4);
  });

  it.each([
    [3.841459, 1, 0.05],
    [5.991465, 2, 0.05],
    [18.307038, 10, 0.05],
    [0.1, 3, 0.9918374],
    [60, 4, 2.900863e-12],
  ])("P(χ² > %s) with %s dof = %s", (x, k, p) => {
    expect(Math.abs(chiSquareUpperTail(x, k) - p) / p).toBeLessThan(1e-4);
  });

  it("ln Γ matches known values", () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 10);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 10);
  });
});

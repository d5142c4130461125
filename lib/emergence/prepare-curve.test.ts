import { describe, expect, it } from "vitest";
import { testAgainstChance } from "./chance-test";
import { prepareCurve } from "./prepare-curve";
import { makeCurve, SCALES } from "./test-curves";

describe("prepareCurve", () => {
  it("merges agreeing points sharing a scale by inverse variance and counts the scale once", () => {
    const curve = makeCurve("dup", (t) => 0.3 + 0.05 * (t - 7));
    curve.points.push({ model: "dup-again", x: SCALES[0], value: 0.33, stderr: 0.02, n: null });
    const prepared = prepareCurve(curve);
    expect(prepared.scales).toBe(8);
    expect(prepared.points).toHaveLength(9);
    // (0.3/0.01² + 0.33/0.02²) / (1/0.01² + 1/0.02²) = 0.306; Q = 1.8, p = 0.18: they agree
    expect(prepared.curve!.u[0]).toBeCloseTo(0.306, 12);
    expect(prepared.curve!.se[0]).toBeCloseTo(1 / Math.sqrt(1e4 + 2500), 12);
    expect(prepared.flags).not.toContain("tie-conflict");
  });

  it("widens the merged error of disagreeing points by the Birge ratio and says so", () => {
    const curve = makeCurve("dup", (t) => 0.3 + 0.05 * (t - 7));
    curve.points.push({ model: "dup-again", x: SCALES[0], value: 0.5, stderr: 0.02, n: null });
    const prepared = prepareCurve(curve);
    // Q = Σ w (v − v̄)² = 1e4·0.04² + 2500·0.16² = 80 on 1 dof
    expect(prepared.curve!.u[0]).toBeCloseTo(0.34, 12);
    expect(prepared.curve!.se[0]).toBeCloseTo(Math.sqrt(80) / Math.sqrt(1e4 + 2500), 12);
    expect(prepared.flags).toContain("tie-conflict");
    expect(prepared.notes.some((n) => n.includes("dup-0 0.3, dup-again 0.5"))).toBe(true);
  });

  it("ignores values beyond the ingest limits, which a store written before them may hold", () => {
    const curve = makeCurve("huge", (t) => 0.3 + 0.05 * (t - 7));
    curve.points[0].value = 1.79e308;
    curve.points[1].value = -5e-324;
    const prepared = prepareCurve(curve);
    expect(prepared.scales).toBe(6);
    expect(prepared.notes[0]).toMatch(/^2 point\(s\) without a finite value within ±1e15/);
  });

  it("drops points without a finite value, and imputes the largest known se for the rest", () => {
    const curve = makeCurve("holes", (t) => 0.3 + 0.05 * (t - 7));
    curve.points[0].value = Number.NaN;
    curve.points[1].stderr = null;
    curve.points[2].stderr = 0.03;
    const prepared = prepareCurve(curve);
    expect(prepared.scales).toBe(7);
    expect(prepared.points[0]).toMatchObject({ se: 0.03, seSource: "imputed" });
    expect(prepared.notes[0]).toContain("1 point(s) without a finite value");
  });

  it("orients lower-is-better metrics so that improving is upward", () => {
    const curve = makeCurve("loss", (t) => 5 - (t - 7), {
      chance: null,
      metric: { higherIsBetter: false, lowerBound: 0, upperBound: null, kind: "continuous" },
    });
    const prepared = prepareCurve(curve).curve!;
    expect(prepared.dir).toBe(-1);
    expect(prepared.u[7]).toBeGreaterThan(prepared.u[0]);
    expect(prepared.hi).toBe(-0);
    expect(prepared.lo).toBeNull();
  });
});

describe("testAgainstChance", () => {
  const points = [
    { value: 0.25, se: 0.01 },
    { value: 0.3, se: 0.01 }, // z = 5
    { value: 0.27, se: 0.01 }, // z = 2: p = 0.023, Holm × 3 → 0.068, not clear
    { value: 0.2, se: 0.01 }, // z = −5
    { value: 0.9, se: null },
  ];
  it("labels each point with Holm-corrected one-sided tests", () => {
    expect(testAgainstChance(points, 0.25, 1, 0.05)).toEqual(["at-chance", "above", "at-chance", "below", "unknown"]);
  });
  it("turns around for lower-is-better metrics and gives unknown without a chance level", () => {
    expect(testAgainstChance(points, 0.25, -1, 0.05)).toEqual(["at-chance", "below", "at-chance", "above", "unknown"]);
    expect(testAgainstChance(points, null, 1, 0.05).every((l) => l === "unknown")).toBe(true);
  });
});

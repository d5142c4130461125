import { describe, expect, it } from "vitest";
import { analyzeCurves } from "../analyze-curves";
import { logistic } from "../fit-design";
import { createRandom } from "../random";
import type { CurveInput } from "../types";
import { poolFamilies, POOLED_FAMILY } from "./pool-families";

const SE = 0.015;
/** A planted sharp rise from chance (0.25) to 0.85 at 10^22 FLOPs in the reference family's units. */
const truth = (t: number) => 0.25 + 0.6 * logistic(6 * (t - 22));

function family(name: string, shift: number, ts: number[], random: ReturnType<typeof createRandom>, shape = truth): CurveInput {
  return {
    id: `emergent|acc|0|none|flops|${name}`,
    groupId: "emergent|acc|0|none|flops",
    family: name,
    chance: 0.25,
    metric: { higherIsBetter: true, lowerBound: 0, upperBound: 1, kind: "discrete" },
    // this family needs 10^shift times less compute than the reference for the same score
    points: ts.map((t, i) => ({ model: `${name}-${i}`, x: 10 ** t, value: shape(t + shift) + SE * random.normal(), stderr: SE, n: null })),
  };
}

describe("poolFamilies", () => {
  const random = createRandom(42);
  // eight families of 2–3 sizes each, none analysable alone (5 sizes needed), each offset in compute
  const families = [
    family("Ref", 0, [21.5, 21.9, 22.3], random),
    family("A", 0.4, [21.2, 21.6], random),
    family("B", -0.5, [22.2, 22.5, 22.8], random),
    family("C", 0.8, [20.9, 21.3, 21.6], random),
    family("D", -0.3, [21.9, 22.4], random),
    family("E", 0.2, [21.4, 21.8, 22.0], random),
    family("F", -0.8, [22.5, 22.9, 23.1], random),
    family("G", 0.6, [21.1, 21.5], random),
  ];
  const pooled = poolFamilies(families)!;

  it("places every family by its compute offset, the family with the most sizes at 0", () => {
    expect(pooled.reference).toBe("B"); // the most sizes (3), ties broken by name
    const planted = { Ref: 0, A: 0.4, B: -0.5, C: 0.8, D: -0.3, E: 0.2, F: -0.8, G: 0.6 } as Record<string, number>;
    for (const f of pooled.families) {
      expect(f.shift).not.toBeNull();
      // offsets are relative to the reference family's
      expect(Math.abs(f.shift! - (planted[f.family] - planted[pooled.reference]))).toBeLessThan(0.1);
      expect(f.interval![0]).toBeLessThanOrEqual(f.shift!);
    }
  });

  it("recovers the planted threshold and width where no family alone can be judged", () => {
    const alone = analyzeCurves(families);
    expect(alone.every((a) => a.verdict === "cannot-tell")).toBe(true);
    const [analysis] = analyzeCurves([pooled.input]);
    expect(pooled.input.family).toBe(POOLED_FAMILY);
    expect(pooled.input.points).toHaveLength(21);
    // the midpoint in the reference family's units: 22 minus its offset (−0.5)
    expect(Math.abs(Math.log10(analysis.threshold!.x) - 22.5)).toBeLessThan(0.1);
    // the planted 10–90 % width is 2 ln 9 / 6 = 0.73 decades: aligning the families does not sharpen it
    expect(analysis.transition!.width.estimate!).toBeGreaterThan(0.6);
    expect(analysis.transition!.width.estimate!).toBeLessThan(0.9);
    expect(analysis.verdict).not.toBe("smooth");
  });

  it("flags a family whose points do not follow the pooled curve, and leaves out one it cannot place", () => {
    const odd = family("Odd", 0, [21.4, 21.8, 22.2], createRandom(7), () => 0.6);
    const floor = family("Floor", 0, [19, 19.5], createRandom(8), () => 0.25);
    const result = poolFamilies([...families, odd, floor])!;
    expect(result.families.find((f) => f.family === "Odd")!.departs).toBe(true);
    expect(result.families.find((f) => f.family === "Floor")).toMatchObject({ shift: null, note: expect.stringMatching(/do not bound its offset/) });
    expect(result.families.filter((f) => f.departs).map((f) => f.family)).toEqual(["Odd"]);
  });
});

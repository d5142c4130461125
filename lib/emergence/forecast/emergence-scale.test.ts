import { describe, expect, it } from "vitest";
import { logistic } from "../fit-design";
import { emergenceScale } from "./emergence-scale";

const at = (t: number[], f: (t: number) => number, se = 0.01) => ({
  t: Float64Array.from(t),
  u: Float64Array.from(t, f),
  se: new Float64Array(t.length).fill(se),
  w: new Float64Array(t.length).fill(1 / se ** 2),
  chance: 0.25,
  hi: 1,
});
const OPTIONS = { form: "sigmoid" as const, level: 0.9, draws: 200, seed: 5 };

describe("emergenceScale", () => {
  it("finds where a rise that has begun will cross a level, with an interval around the truth", () => {
    const truth = (t: number) => 0.25 + 0.75 * logistic(2 * (t - 10.5));
    const result = emergenceScale(at([8.5, 9, 9.5, 10, 10.25], truth), 0.625, OPTIONS);
    expect(result.status).toBe("crosses");
    if (result.status !== "crosses") return;
    expect(result.t).toBeCloseTo(10.5, 1);
    expect(result.lower).toBeLessThan(10.5);
    expect(result.upper).toBeGreaterThan(10.5);
  });

  it("cannot tell for a family still flat at chance: nothing constrains when it would rise", () => {
    const result = emergenceScale(at([8, 8.5, 9, 9.5, 10], () => 0.25), 0.5, OPTIONS);
    expect(result.status).toBe("cannot-tell");
  });

  it("says a level already reached is reached", () => {
    const result = emergenceScale(at([8, 8.5, 9, 9.5, 10], (t) => 0.25 + 0.1 * (t - 8)), 0.3, { ...OPTIONS, form: "linear" });
    expect(result).toEqual({ status: "already", t: 10 });
  });
});

import { describe, expect, it } from "vitest";
import { logistic } from "../fit-design";
import type { CurveInput } from "../types";
import { forecastView } from "./forecast-view";

function family(name: string, xs: number[], value: (t: number) => number): CurveInput {
  return {
    id: `task|acc|0|none|flops|${name}`,
    groupId: "task|acc|0|none|flops",
    family: name,
    chance: 0.25,
    metric: { higherIsBetter: true, lowerBound: 0, upperBound: 1, kind: "discrete" },
    points: xs.map((x, i) => ({ model: `${name}-${i}`, x, value: value(Math.log10(x)), stderr: 0.01, n: null })),
  };
}

const SIZES = [1e20, 2e20, 5e20, 1e21, 2e21, 5e21, 1e22, 3e22];
const rising = family("Rising", SIZES, (t) => 0.25 + 0.75 * logistic(2 * (t - 22)));
const short = family("Short", [1e20, 1e21, 1e22, 2e22, 5e22], (t) => 0.3 + 0.01 * t);

describe("forecastView", () => {
  const [a, b] = forecastView([rising, short], { form: "sigmoid", cutoff: 5e21, level: 0.9, reach: null, draws: 100, seed: 0 });

  it("fits below the cutoff, forecasts each measured size at or above it, and draws the band from the largest fitted size to a decade past the largest", () => {
    expect(a.trained).toBe(5);
    expect(a.heldOut.map((p) => p.x)).toEqual([5e21, 1e22, 3e22].map((x) => expect.closeTo(x, -12)));
    expect(a.heldOut.every((p) => p.inside)).toBe(true);
    expect(a.coverage).toBe(1);
    expect(a.mae!).toBeLessThan(0.03);
    expect(a.band).toHaveLength(24);
    expect(a.band[0].x).toBeCloseTo(2e21, -12);
    expect(Math.log10(a.band[23].x)).toBeCloseTo(Math.log10(3e22) + 1, 9);
  });

  it("forecasts when the rise reaches halfway from chance to 1, around the planted midpoint", () => {
    expect(a.emergence?.status).toBe("crosses");
    if (a.emergence?.status !== "crosses") return;
    expect(Math.log10(a.emergence.x)).toBeCloseTo(22, 0);
    expect(a.emergence.lower).toBeLessThan(1e22);
    expect(a.emergence.upper).toBeGreaterThan(1e22);
  });

  it("says why a family gets no forecast", () => {
    expect(b.note).toBe("2 size(s) below the cutoff; the sigmoid form needs 3");
    expect(b.heldOut).toEqual([]);
  });

  it("gives a family the same forecast whatever other families share the view", () => {
    const [alone] = forecastView([rising], { form: "sigmoid", cutoff: 5e21, level: 0.9, reach: null, draws: 100, seed: 0 });
    expect(alone).toEqual(a);
  });
});

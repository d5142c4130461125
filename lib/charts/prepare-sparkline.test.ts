import { describe, expect, it } from "vitest";
import { prepareSparkline } from "./prepare-sparkline";

describe("prepareSparkline", () => {
  it("places points on a log x axis between the metric bounds, in scale order", () => {
    const s = prepareSparkline(
      { points: [{ x: 1e9, y: 0.5 }, { x: 1e7, y: 0 }, { x: 1e11, y: 1 }], chance: 0.25, lowerBound: 0, upperBound: 1 },
      106,
      46,
    );
    expect(s.dots).toEqual([{ cx: 3, cy: 43 }, { cx: 53, cy: 23 }, { cx: 103, cy: 3 }]);
    expect(s.path).toBe("M3,43 L53,23 L103,3");
    expect(s.chanceY).toBe(33);
  });

  it("has no chance line when chance is unknown, and an empty path with no points", () => {
    expect(prepareSparkline({ points: [{ x: 1, y: 2 }], chance: null, lowerBound: null, upperBound: null }).chanceY).toBeNull();
    expect(prepareSparkline({ points: [], chance: 0.5, lowerBound: 0, upperBound: 1 }).path).toBe("");
  });
});

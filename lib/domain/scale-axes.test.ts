import { describe, expect, it } from "vitest";
import { AXES, SCALE_AXES, VIEW_AXES, formatAxisValue, scaleOn } from "./scale-axes";

describe("the axis table", () => {
  it("reads a model's scale on each analysed axis, null where the registry has none", () => {
    const model = { parameters: 1.4e9, trainingTokens: 3e11, trainingFlops: null };
    expect(SCALE_AXES.map((a) => scaleOn(model, a))).toEqual([1.4e9, 3e11, null]);
  });

  it("writes sizes the way papers name them and FLOPs in scientific notation", () => {
    expect(formatAxisValue(1.4e9, "params")).toBe("1.4B");
    expect(formatAxisValue(3e11, "tokens")).toBe("300B");
    expect(formatAxisValue(3.6e23, "flops")).toBe("3.6e23");
    expect(formatAxisValue(2.1e10, "checkpoint")).toBe("21B");
  });

  it("names every view axis, with a distinct column, and only FLOPs can be estimated", () => {
    expect(new Set(VIEW_AXES.map((a) => AXES[a].column)).size).toBe(VIEW_AXES.length);
    expect(VIEW_AXES.filter((a) => AXES[a].estimatedColumn !== null)).toEqual(["flops"]);
  });
});

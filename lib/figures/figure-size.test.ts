import { describe, expect, it } from "vitest";
import { toFigureSize, toPixelSize } from "./figure-size";
import { linearTicks } from "@/lib/charts/linear-ticks";

describe("toFigureSize", () => {
  it.each([
    ["single", 300, 975, 750], ["single", 600, 1950, 1500], ["double", 300, 2025, 1050], ["double", 150, 1013, 525],
    ["slide", 96, 960, 540], ["slide", 300, 3000, 1688],
  ] as const)("%s at %i dpi is %i × %i pixels", (preset, dpi, width, height) => {
    expect(toPixelSize(toFigureSize({ preset }), dpi)).toEqual({ width, height });
  });

  it("keeps slides 16:9 and fonts legible at their width", () => {
    const slide = toFigureSize({ preset: "slide" });
    expect(slide.width / slide.height).toBeCloseTo(16 / 9, 10);
    expect(toFigureSize({ preset: "single" }).font).toBe(8);
    expect(toFigureSize({ preset: "single", font: 7 }).font).toBe(7);
  });

  it("takes a custom width, with a default height of 0.7 × width", () => {
    expect(toFigureSize({ preset: "custom", width: 5 })).toEqual({ preset: "custom", width: 5, height: 3.5, font: 9 });
    expect(toFigureSize({ preset: "custom", width: 5, height: 2, font: 10 })).toEqual({ preset: "custom", width: 5, height: 2, font: 10 });
  });
});

describe("linearTicks", () => {
  it("picks 1-2-5 steps with the decimals they need", () => {
    expect(linearTicks([0, 1])).toEqual({ ticks: [0, 0.2, 0.4, 0.6, 0.8, 1], decimals: 1 });
    expect(linearTicks([0, 100])).toEqual({ ticks: [0, 20, 40, 60, 80, 100], decimals: 0 });
    expect(linearTicks([0.23, 0.31])).toEqual({ ticks: [0.24, 0.26, 0.28, 0.3], decimals: 2 });
    expect(linearTicks([1, 1])).toEqual({ ticks: [1], decimals: 2 });
  });
});

// Issue 10, row 6: a view holding extreme but finite numbers (stored before ingest
// bounded magnitudes, or at the bounds themselves) must still draw: no NaN or
// Infinity in the chart model or the SVG, log domains inside the double range.
import { describe, expect, it } from "vitest";
import { XMLValidator } from "fast-xml-parser";
import { logDomain, logTicks } from "@/lib/charts/log-ticks";
import { formatExponent } from "@/lib/domain/scale-format";
import { prepareCurveChart } from "@/lib/charts/prepare-curve-chart";
import { prepareSparkline } from "@/lib/charts/prepare-sparkline";
import { toUnitInterval } from "@/lib/charts/unit-scale";
import type { CurvesResponse } from "@/lib/schemas/curves";
import { toFigureSize } from "./figure-size";
import { formatTick, linearTicks } from "@/lib/charts/linear-ticks";
import { prepareFigure } from "./prepare-figure";
import { renderFigureSvg } from "./render-figure-svg";
import { figureCurves, figureInput } from "./testing/figure-fixture";

const point = (model: string, x: number, value: number, stderr: number | null) => ({
  model, x, xEstimated: false, value, stderr, n: null, uploadId: 1, fileName: "f.csv",
});

/** An unbounded metric's view with the given (x, value, stderr) points. */
function view(points: [number, number, number | null][]): CurvesResponse {
  return figureCurves({
    metric: { name: "score", higherIsBetter: null, lowerBound: null, upperBound: null },
    chance: null,
    series: [{ family: "F", points: points.map(([x, v, se], i) => point(`m${i}`, x, v, se)) }],
  });
}

const CASES: Array<[string, [number, number, number | null][]]> = [
  ["±1.79e308 values", [[1e8, 1.79e308, null], [1e9, -1.79e308, null], [1e10, 0.5, 1.79e308]]],
  ["subnormal values", [[1e8, 5e-324, null], [1e9, 0, 5e-324], [1e10, -5e-324, null]]],
  ["subnormal and huge scales", [[5e-324, 0.5, 0.01], [1.79e308, 0.6, 0.01], [1, 0.7, null]]],
  ["the ingest bounds", [[1, 1e15, 1e15], [1e30, -1e15, null], [1e15, 1e-100, 1e-100]]],
  ["a span too narrow for its magnitude", [[1e8, 1e15, null], [1e9, 1e15 + 0.125, null]]],
];

describe("charts and figures over extreme but finite ranges", () => {
  it.each(CASES)("%s: the chart model is finite", (_, points) => {
    const chart = prepareCurveChart(view(points));
    if (chart.kind !== "ready") throw new Error("expected a chart");
    for (const v of [...chart.xDomain, ...chart.yDomain, ...chart.xTicks.map((t) => t.value), ...chart.yTicks.map((t) => t.value)]) expect(Number.isFinite(v)).toBe(true);
    for (const t of [...chart.xTicks, ...chart.yTicks]) expect(t.label).not.toMatch(/NaN|Infinity/);
    expect(chart.xDomain[0]).toBeGreaterThan(0);
    expect(chart.xTicks.length).toBeLessThanOrEqual(17);
  });

  it.each(CASES)("%s: the SVG is well-formed, with no NaN or Infinity", (_, points) => {
    const prepared = prepareFigure(figureInput({ curves: view(points), analyses: [] }));
    if (prepared.kind !== "ready") throw new Error("expected a figure");
    const { svg } = renderFigureSvg(prepared.figure, toFigureSize({ preset: "single" }));
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it.each(CASES)("%s: the sparkline is finite", (_, points) => {
    const s = prepareSparkline({ points: points.map(([x, y]) => ({ x, y })), chance: null, lowerBound: null, upperBound: null });
    expect(s.path).not.toMatch(/NaN|Infinity/);
  });
});

describe("the pieces", () => {
  it("logDomain stays within normal doubles; logTicks thins a domain of 600 decades", () => {
    const domain = logDomain([5e-324, 1.79e308])!;
    expect(domain[0]).toBeGreaterThan(0);
    expect(Number.isFinite(domain[1])).toBe(true);
    const ticks = logTicks(domain);
    expect(ticks.length).toBeGreaterThan(1);
    expect(ticks.length).toBeLessThanOrEqual(17);
    expect(ticks.every((t) => t >= domain[0] && t <= domain[1])).toBe(true);
  });

  it("formatExponent reads the ends of the double range", () => {
    expect(formatExponent(5e-324)).toBe("4.9e-324");
    expect(formatExponent(1.79e308)).toBe("1.8e308");
    expect(formatExponent(9.96e5)).toBe("1e6");
  });

  it("linearTicks and formatTick: finite steps and short labels at any scale", () => {
    expect(linearTicks([-1.79e308, 1.79e308]).ticks).toEqual([-1e308, 0, 1e308]);
    const fine = linearTicks([0, 1e-100]);
    expect(fine.ticks.length).toBeGreaterThanOrEqual(2);
    expect(fine.ticks.map((t) => formatTick(t, fine.decimals))).toEqual(["0", "5e-101", "1e-100"]);
    expect(linearTicks([1e15, 1e15 + 0.125]).ticks).toEqual([1e15, 1e15 + 0.125]);
    expect(formatTick(0.25, 2)).toBe("0.25");
  });

  it("toUnitInterval does not overflow, and clamps far points just off the axis", () => {
    expect(toUnitInterval(0, -1.79e308, 1.79e308)).toBeCloseTo(0.5);
    expect(toUnitInterval(1.79e308, -1.79e308, 1.79e308)).toBe(1);
    expect(toUnitInterval(-Infinity, 0, 1)).toBe(-1);
    expect(toUnitInterval(5, 2, 2)).toBe(0.5);
  });
});

import { describe, expect, it } from "vitest";
import type { CurvesResponse } from "@/lib/schemas/curves";
import { prepareCurveChart } from "./prepare-curve-chart";
import { makeAnalysis } from "@/lib/schemas/testing/analysis-fixture";

function response(overrides: Partial<CurvesResponse> = {}): CurvesResponse {
  const point = (model: string, x: number, value: number, stderr: number | null) => ({
    model, x, xEstimated: false, value, stderr, n: null, uploadId: 1, fileName: "f.json",
  });
  return {
    task: { name: "arc_easy", suite: "arc", chance: 0.25, chanceSource: "4 options" },
    metric: { name: "acc", higherIsBetter: true, lowerBound: 0, upperBound: 1 },
    shots: 0,
    x: "params",
    chance: 0.25,
    filter: "none",
    options: { metrics: ["acc"], shots: [0], filters: ["none"], checkpointModels: [] },
    model: null,
    series: [
      { family: "Pythia", points: [point("pythia-70m", 7e7, 0.38, 0.01), point("pythia-12b", 1.2e10, 0.7, null)] },
      { family: "OPT", points: [point("opt-125m", 1.25e8, 0.4, 0.02)] },
    ],
    unplaced: [{ model: "mystery", value: 0.5 }],
    ...overrides,
  };
}

describe("prepareCurveChart", () => {
  it("keeps one series per family with distinct colours and one-stderr error bars", () => {
    const chart = prepareCurveChart(response());
    if (chart.kind !== "ready") throw new Error("expected a chart");
    expect(chart.series.map((s) => s.name)).toEqual(["Pythia", "OPT"]);
    expect(new Set(chart.series.map((s) => s.color)).size).toBe(2);
    expect(chart.series[0].points[0]).toMatchObject({ x: 7e7, y: 0.38, error: 0.01, model: "pythia-70m" });
    expect(chart.series[0].points[1].error).toBeNull();
    expect(chart.series[0].points[1].label).toContain("stderr unknown");
  });

  it("draws the chance line, uses the metric bounds for y and counts unplaced results", () => {
    const chart = prepareCurveChart(response());
    if (chart.kind !== "ready") throw new Error("expected a chart");
    expect(chart.chance).toEqual({ y: 0.25, label: "chance 0.25" });
    expect(chart.yDomain).toEqual([0, 1]);
    expect(chart.unplacedCount).toBe(1);
    expect(chart.xTicks).toEqual([{ value: 1e8, label: "100M" }, { value: 1e9, label: "1B" }, { value: 1e10, label: "10B" }]);
    expect(chart.yTicks.map((t) => t.label)).toEqual(["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]);
    expect(chart.title).toBe(`${response().task.name}: acc (0-shot) against Parameters (log scale)`);
    expect(chart.xLabel).toBe("Parameters (log scale)");
    expect(chart.yLabel).toBe("acc (0-shot)");
  });

  it("omits the chance line when chance is unknown or does not apply to the metric", () => {
    const chart = prepareCurveChart(response({ chance: null }));
    expect(chart.kind === "ready" && chart.chance).toBeNull();
  });

  it("explains an empty chart: nothing placed because scale is unknown", () => {
    const chart = prepareCurveChart(response({ series: [] }));
    expect(chart.kind).toBe("empty");
    expect(chart.kind === "empty" && chart.message).toMatch(/1 result\(s\) have no parameters/);
  });

  it("downsamples past 3,000 points", () => {
    const many = Array.from({ length: 7000 }, (_, i) => ({
      model: `m${i}`, x: 1e6 + i, xEstimated: false, value: 0.5, stderr: null, n: null, uploadId: null, fileName: null,
    }));
    const chart = prepareCurveChart(response({ series: [{ family: "big", points: many }] }));
    expect(chart.kind === "ready" && chart.pointCount).toBeLessThanOrEqual(3000);
  });
});

describe("prepareCurveChart with a stored analysis", () => {
  it("draws the fit and threshold, marks points by the chance test, and fills missing stderr with the binomial one", () => {
    const res = response();
    const analysis = makeAnalysis({
      scales: 2,
      points: [
        { model: "pythia-70m", x: 7e7, value: 0.38, se: 0.01, seSource: "stderr", vsChance: "at-chance" },
        { model: "pythia-12b", x: 1.2e10, value: 0.7, se: 0.02, seSource: "binomial", vsChance: "above" },
      ],
      threshold: { x: 1e9, interval: [5e8, 2e9], censored: null },
      fitted: [{ x: 7e7, y: 0.38 }, { x: 1.2e10, y: 0.7 }],
    });
    const chart = prepareCurveChart(res, [analysis]);
    if (chart.kind !== "ready") throw new Error("expected a chart");
    const [pythia, opt] = chart.series;
    expect(pythia).toMatchObject({ verdict: "abrupt", threshold: { x: 1e9, lo: 5e8, hi: 2e9 } });
    expect(pythia.fit).toHaveLength(2);
    expect(pythia.points.map((p) => p.vsChance)).toEqual(["at-chance", "above"]);
    expect(pythia.points[1]).toMatchObject({ error: 0.02 });
    expect(pythia.points[1].label).toContain("(binomial)");
    expect(opt).toMatchObject({ verdict: null, fit: [], threshold: null });
  });

  it("never draws a censored threshold at the edge of the measured sizes", () => {
    const censored = makeAnalysis({ threshold: { x: 7e7, interval: null, censored: "below" } });
    const chart = prepareCurveChart(response(), [censored]);
    if (chart.kind !== "ready") throw new Error("expected a chart");
    expect(chart.series[0].threshold).toBeNull();
  });
});

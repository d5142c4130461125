import { describe, expect, it } from "vitest";
import type { ForecastResponse } from "@/lib/schemas/forecast";
import { prepareForecastChart } from "./prepare-forecast-chart";

const family = {
  family: "Pythia",
  trained: 3,
  note: null,
  heldOut: [
    { x: 1e22, observed: 0.5, mean: 0.48, lower: 0.44, upper: 0.52, inside: true },
    { x: 3e22, observed: 0.8, mean: 0.55, lower: 0.5, upper: 0.6, inside: false },
  ],
  band: [
    { x: 1e22, mean: 0.48, lower: 0.44, upper: 0.52 },
    { x: 3e23, mean: 0.6, lower: 0.5, upper: 0.7 },
  ],
  mae: 0.135,
  coverage: 0.5,
  emergence: { status: "crosses" as const, x: 2e23, lower: 8e22, upper: 9e23 },
};
const res: ForecastResponse = {
  task: "lambada", metric: "acc", shots: 0, filter: "none", x: "flops", form: "logistic", cutoff: 1e22, level: 0.9, reach: null,
  scales: [1e20, 1e21, 3e21, 1e22, 3e22], families: [family],
};
const measured = { family: "Pythia", points: [1e20, 1e21, 3e21, 1e22, 3e22].map((x, i) => ({ model: `m${i}`, x, value: 0.3 + i / 10, stderr: 0.01, estimated: false, fileName: null })) };

describe("prepareForecastChart", () => {
  it("splits the measured points at the cutoff and marks the held-out ones inside or outside the band", () => {
    const chart = prepareForecastChart(res, family, measured as never)!;
    expect(chart.fitted.map((p) => p.x)).toEqual([1e20, 1e21, 3e21]);
    expect(chart.heldOut).toEqual([{ x: 1e22, y: 0.5, inside: true }, { x: 3e22, y: 0.8, inside: false }]);
    expect(chart.band[1]).toEqual({ x: 3e23, mean: 0.6, range: [0.5, 0.7] });
    expect(chart.yDomain.map((v) => Number(v.toFixed(6)))).toEqual([0.275, 0.825]); // the points' range, padded by 5 %
    expect(chart.xDomain[1]).toBeGreaterThan(3e23);
  });

  it("says the error, the coverage and when the forecast reaches the level, with its interval", () => {
    const chart = prepareForecastChart(res, family, measured as never)!;
    expect(chart.summary[0]).toBe("Fitted on 3 sizes below 1e22; over the 2 measured at or above it: mean absolute error 0.135, 1 of 2 inside the 90 % band.");
    expect(chart.summary[1]).toMatch(/^Reaches halfway from chance to the bound at training flops 2e23 \(90 % interval 8e22 – 9e23\)\.$/i);
  });

  it("is null for a family without a forecast", () => {
    expect(prepareForecastChart(res, { ...family, band: [], heldOut: [], note: "2 size(s) below the cutoff" }, measured as never)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import type { ForecastResponse } from "@/lib/schemas/forecast";
import { figureCurves } from "./testing/figure-fixture";
import { prepareForecastFigure } from "./prepare-forecast-figure";
import { renderFigureSvg } from "./render-figure-svg";
import { toFigureCsv } from "./to-figure-csv";

const pythia = {
  family: "Pythia", trained: 2, note: null, emergence: null, mae: 0.05, coverage: 1,
  // the API's sizes come back through log10: not bit-equal to the measured ones
  heldOut: [{ x: 1.2e10 * (1 + 1e-15), observed: 0.7, mean: 0.65, lower: 0.55, upper: 0.75, inside: true }],
  band: [{ x: 1e9, mean: 0.3, lower: 0.28, upper: 0.32 }, { x: 1.2e10, mean: 0.65, lower: 0.55, upper: 0.75 }, { x: 1.2e11, mean: 0.9, lower: 0.7, upper: 1 }],
};
const opt = { family: "OPT", trained: 1, note: "too few sizes below the cutoff for the logistic form", emergence: null, mae: null, coverage: null, heldOut: [], band: [] };
const res: ForecastResponse = {
  task: "arc_easy", metric: "acc", shots: 0, filter: "none", x: "params", form: "logistic", cutoff: 5e9, level: 0.8, reach: null,
  scales: [7e7, 1.25e8, 1e9, 1.2e10, 1.3e10], families: [pythia, opt],
};
const input = { res, curves: figureCurves(), sources: [], reproduce: "/api/figures/arc_easy.svg?view=forecast" };

describe("prepareForecastFigure", () => {
  const prepared = prepareForecastFigure(input);
  if (prepared.kind !== "ready") throw new Error("expected a figure");
  const { figure } = prepared;

  it("draws the measured points (filled below the cutoff), the forecast line and band, and the cutoff", () => {
    expect(figure.chart.series.map((s) => s.name)).toEqual(["Pythia"]);
    const [s] = figure.chart.series;
    expect(s.points.map((p) => [p.x, p.filled])).toEqual([[7e7, true], [1e9, true], [1.2e10, false]]);
    expect(s.fit).toEqual(pythia.band.map((p) => ({ x: p.x, y: p.mean })));
    expect(figure.chart.bands).toEqual([{ name: "Pythia", color: s.color, points: pythia.band.map(({ x, lower, upper }) => ({ x, lower, upper })) }]);
    expect(figure.chart.markers).toEqual([{ x: 5e9, label: "cutoff 5B" }]);
    const svg = renderFigureSvg(figure, { preset: "single", width: 3.25, height: 2.3, font: 8 }).svg;
    expect(svg).toMatch(/<path class="prediction-band" data-family="Pythia" d="M[^"]+ Z"/);
    expect(svg).toContain(">cutoff 5B</text>");
  });

  it("lists the fitted, held-out and band rows, the held-out one with its forecast", () => {
    const lines = toFigureCsv(figure).trimEnd().split("\r\n");
    expect(lines[0]).toBe("task,metric,shots,axis,form,cutoff,level,family,role,model,x,observed,stderr,forecast,lower,upper,inside");
    const roles = lines.slice(1).map((l) => l.split(",")[8]);
    expect(roles).toEqual(["fitted", "fitted", "held-out", "band", "band", "band"]);
    expect(lines[3]).toBe("arc_easy,acc,0,params,logistic,5000000000,0.8,Pythia,held-out,pythia-12b,12000000000,0.7,,0.65,0.55,0.75,true");
  });

  it("captions the form, the cutoff and axis, sizes fitted and forecast, the band's level, the error, and the families without a forecast", () => {
    const c = figure.caption;
    expect(c).toContain("forecast by the logistic form (logistic with its floor at chance) fitted to each family's sizes below the cutoff of 5B parameters");
    expect(c).toContain("80% prediction band (nominal level");
    expect(c).toContain("Pythia: fitted on 2 sizes below the cutoff, forecast 1 measured at or above it; mean absolute error 0.05 (acc (0-shot)), 1 of 1 inside the 80% band.");
    expect(c).toContain("Horizontal dashed line: chance (0.25).");
    expect(c).toContain("No forecast (not drawn): OPT, too few sizes below the cutoff for the logistic form.");
  });

  it("names families the forecast lacks, and is empty when none asked for has a forecast", () => {
    expect(prepareForecastFigure({ ...input, families: ["GPT-9"] })).toEqual({ kind: "unknown-families", unknown: ["GPT-9"], available: ["Pythia", "OPT"] });
    expect(prepareForecastFigure({ ...input, families: ["OPT"] })).toEqual({ kind: "empty", message: "no family has a forecast (OPT: too few sizes below the cutoff for the logistic form)" });
  });
});

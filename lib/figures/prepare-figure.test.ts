import { describe, expect, it } from "vitest";
import { prepareFigure } from "./prepare-figure";
import { toFigureCsv } from "./to-figure-csv";
import { toFigureJson } from "./to-figure-json";
import { prepareCurveChart } from "@/lib/charts/prepare-curve-chart";
import { figureAnalyses, figureCurves, figureInput } from "./testing/figure-fixture";

describe("prepareFigure", () => {
  it("uses the task page's chart model and lists every plotted point with scale, stderr, n, verdict and source", () => {
    const prepared = prepareFigure(figureInput());
    if (prepared.kind !== "ready") throw new Error("expected a figure");
    const page = prepareCurveChart(figureCurves(), figureAnalyses());
    expect(prepared.figure.chart).toEqual(page);
    expect(prepared.figure.rows).toHaveLength(5);
    expect(prepared.figure.rows[0]).toEqual({
      task: "arc_easy", metric: "acc", shots: 0, axis: "params", family: "Pythia", model: "pythia-70m", x: 7e7, xEstimated: false,
      parameters: 7e7, trainingTokens: 3e11, trainingFlops: null, value: 0.26, stderr: 0.01, errorBar: 0.01, n: null,
      verdict: "abrupt", vsChance: "at-chance", uploadId: 1,
      fileName: "file-1.json", sha256: "a".repeat(64),
    });
    // no stderr in the file: the bar is the analysis's binomial one, the stderr stays null
    expect(prepared.figure.rows[2]).toMatchObject({ model: "pythia-12b", stderr: null, errorBar: 0.02, n: 500 });
    expect(prepared.figure.rows[4]).toMatchObject({ family: "OPT", verdict: null, vsChance: null, parameters: 1.3e10, trainingTokens: null, sha256: "b".repeat(64) });
  });

  it("cites only the uploads behind plotted points, and the original dataset of demo files", () => {
    const prepared = prepareFigure(figureInput());
    if (prepared.kind !== "ready") throw new Error("expected a figure");
    const { provenance, citation, caption } = prepared.figure;
    expect(provenance.sources.map((s) => s.uploadId)).toEqual([1, 2]);
    expect(provenance.datasets.map((d) => d.id)).toEqual(["pythia"]);
    expect(citation).toContain(`sha256 ${"a".repeat(64)}`);
    expect(citation).toContain("Pythia: A Suite for Analyzing Large Language Models");
    expect(citation).not.toContain("unused.csv");
    expect(citation).toContain("/api/figures/arc_easy.{svg,png,pdf,csv,json,txt}?");
    expect(caption).toContain("2 model families, 5 points");
    expect(caption).toContain("Pythia abrupt");
  });

  it("draws only the families asked for, dealing colours and markers out among them", () => {
    const full = prepareFigure(figureInput());
    const opt = prepareFigure(figureInput({ families: ["OPT"] }));
    if (full.kind !== "ready" || opt.kind !== "ready") throw new Error("expected figures");
    expect(opt.figure.chart.series.map((s) => s.name)).toEqual(["OPT"]);
    expect(opt.figure.chart.series[0]).toMatchObject({ color: full.figure.chart.series[0].color, shape: full.figure.chart.series[0].shape });
    expect(opt.figure.provenance.sources.map((s) => s.uploadId)).toEqual([2]);
    expect(opt.figure.provenance.datasets).toEqual([]);
  });

  it("names families the view does not have", () => {
    expect(prepareFigure(figureInput({ families: ["OPT", "GPT-9"] }))).toEqual({
      kind: "unknown-families", unknown: ["GPT-9"], available: ["Pythia", "OPT"],
    });
  });

  it("refuses zero points and all-missing series instead of drawing an empty figure", () => {
    const none = prepareFigure(figureInput({ curves: figureCurves({ series: [] }) }));
    expect(none.kind).toBe("empty");
    const unplaced = prepareFigure(figureInput({
      curves: figureCurves({ series: [{ family: "Pythia", points: [] }], unplaced: [{ model: "pythia-70m", value: 0.3 }] }),
    }));
    expect(unplaced.kind === "empty" && unplaced.message).toMatch(/1 result\(s\) have no parameters/);
  });

  it("looks up a checkpoint series' scale by its model", () => {
    const curves = figureCurves({
      x: "checkpoint", model: "pythia-70m",
      series: [{ family: "pythia-70m", points: [{ ...figureCurves().series[0].points[0], model: "pythia-70m @ step 1000", x: 2e9 }] }],
    });
    const prepared = prepareFigure(figureInput({ curves, analyses: [] }));
    if (prepared.kind !== "ready") throw new Error("expected a figure");
    expect(prepared.figure.rows[0]).toMatchObject({ model: "pythia-70m @ step 1000", x: 2e9, parameters: 7e7, axis: "checkpoint" });
  });
});

describe("the data exports of a view larger than the chart draws", () => {
  // 2 families × 1,700 checkpoints-like points: 3,400 in the view, past the chart's 3,000
  const many = (family: string, offset: number) => ({
    family,
    points: Array.from({ length: 1700 }, (_, i) => ({
      model: `${family}-${i}`, x: 1e6 * (1 + i + offset / 2), xEstimated: false, value: (i % 100) / 100, stderr: 0.01, n: null, uploadId: 1, fileName: "file-1.json",
    })),
  });
  const big = figureInput({ curves: figureCurves({ series: [many("A", 0), many("B", 1)] }), analyses: [] });

  it("draws a thinned chart but lists every point in the CSV and JSON", () => {
    const prepared = prepareFigure(big);
    if (prepared.kind !== "ready") throw new Error("expected a figure");
    const { figure } = prepared;
    expect(figure.chart.pointCount).toBeLessThanOrEqual(3000);
    expect(figure.chart.totalPoints).toBe(3400);
    const csvRows = toFigureCsv(figure).trimEnd().split("\r\n").slice(1);
    expect(csvRows).toHaveLength(3400);
    expect(new Set(csvRows.map((r) => r.split(",")[5])).size).toBe(3400);
    expect(toFigureJson(figure).points).toHaveLength(3400);
    expect(figure.caption).toContain(`${figure.chart.pointCount} of 3400 points drawn`);
  });
});

import { describe, expect, it } from "vitest";
import type { LossResponse } from "@/lib/schemas/loss-axis";
import { makeAnalysis } from "@/lib/schemas/testing/analysis-fixture";
import { prepareLossFigure } from "./prepare-loss-figure";
import { renderFigureSvg } from "./render-figure-svg";
import { toFigureCsv } from "./to-figure-csv";

const res: LossResponse = {
  task: "arc_easy", metric: "acc", shots: 0, filter: "none", chance: 0.25,
  ref: { task: "lambada_openai", metric: "ppl", shots: 0, filter: "none" },
  references: [{ task: "lambada_openai", metric: "ppl", models: 3 }],
  series: [{ family: "Pythia", points: [{ model: "p-70m", loss: 100, value: 0.26, stderr: 0.01 }, { model: "p-1b", loss: 20, value: 0.4, stderr: 0.01 }, { model: "p-12b", loss: 6, value: 0.7, stderr: null }] }],
  unplaced: [{ model: "mystery-7b", value: 0.5 }, { model: "opt-13b", value: 0.55 }],
  analyses: [makeAnalysis({
    family: "Pythia", verdict: "abrupt",
    points: [
      { model: "p-70m", x: 100, value: 0.26, se: 0.01, seSource: "stderr", vsChance: "at-chance" },
      { model: "p-1b", x: 20, value: 0.4, se: 0.01, seSource: "stderr", vsChance: "above" },
      { model: "p-12b", x: 6, value: 0.7, se: 0.02, seSource: "binomial", vsChance: "above" },
    ],
    threshold: { x: 15, interval: [10, 22], censored: null },
    fitted: [{ x: 100, y: 0.26 }, { x: 6, y: 0.7 }],
  })],
};
const sources = [{ uploadId: 4, fileName: "runs.csv", sha256: "ab".repeat(32), format: "csv-long", createdAt: "2026-01-01T00:00:00.000Z", note: null }];

describe("prepareLossFigure", () => {
  const prepared = prepareLossFigure(res, sources, "/api/figures/arc_easy.svg?view=loss");
  if (prepared.kind !== "ready") throw new Error("expected a figure");
  const { figure } = prepared;

  it("draws the reference axis reversed, with the family's points, fit, threshold and the chance line", () => {
    expect(figure.chart.xReversed).toBe(true);
    expect(figure.chart.xLabel).toBe("lambada_openai ppl (0-shot) (log scale, decreasing)");
    expect(figure.chart.chance).toEqual({ y: 0.25, label: "chance 0.25" });
    const [s] = figure.chart.series;
    expect(s.legendLabel).toBe("Pythia (abrupt)");
    expect(s.points.map((p) => [p.x, p.filled])).toEqual([[100, false], [20, true], [6, true]]);
    expect(s.threshold).toMatchObject({ x: 15, lo: 10, hi: 22 });
    expect(s.fit.map((p) => p.x)).toEqual([6, 100]);
    // lower loss to the right: the 6-perplexity marker right of the 100-perplexity one
    const svg = renderFigureSvg(figure, { preset: "double", width: 6.75, height: 4, font: 9 }).svg;
    const xs = [...svg.matchAll(/<path class="marker[^"]*" d="M([\d.]+) /g)].map((m) => Number(m[1]));
    expect(xs[2]).toBeGreaterThan(xs[1]);
    expect(xs[1]).toBeGreaterThan(xs[0]);
  });

  it("lists placed models with their loss and unplaced ones with none (empty, never 0)", () => {
    const lines = toFigureCsv(figure).trimEnd().split("\r\n");
    expect(lines[0]).toBe("task,metric,shots,reference,reference_shots,family,model,placed,loss,value,stderr,verdict");
    expect(lines[1]).toBe("arc_easy,acc,0,lambada_openai:ppl,0,Pythia,p-70m,true,100,0.26,0.01,abrupt");
    expect(lines[3]).toBe("arc_easy,acc,0,lambada_openai:ppl,0,Pythia,p-12b,true,6,0.7,,abrupt");
    expect(lines.slice(4)).toEqual(["arc_easy,acc,0,lambada_openai:ppl,0,,mystery-7b,false,,0.5,,", "arc_easy,acc,0,lambada_openai:ppl,0,,opt-13b,false,,0.55,,"]);
  });

  it("captions the reference, the direction, what was fitted on what, the verdict with its threshold, and the unplaced models", () => {
    expect(figure.caption).toContain("against each model's lambada_openai:ppl (the reference, 0-shot, filter none)");
    expect(figure.caption).toContain("on a log axis drawn decreasing to the right: lower ppl, more capable, to the right. 3 models placed in 1 model family.");
    expect(figure.caption).toContain("best fit by AICc of acc on log lambada_openai:ppl, fitted on that family's placed models only");
    expect(figure.caption).toContain("Pythia abrupt at lambada_openai:ppl 15 (95% 10–22)");
    expect(figure.caption).toContain("Unplaced (no lambada_openai:ppl result, so not drawn and not fitted): 2 models, mystery-7b, opt-13b.");
    expect(figure.citation).toContain(`[4] runs.csv (csv-long), sha256 ${"ab".repeat(32)}`);
  });

  it("is empty, with the reason, when no model has a loss-type reference", () => {
    const none = prepareLossFigure({ ...res, ref: null, series: [], analyses: [] }, [], "");
    expect(none).toEqual({ kind: "empty", message: "no model of this view has a loss-type result to place it on" });
  });
});
